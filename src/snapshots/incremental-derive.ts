/**
 * Incremental derive (docs/snapshots.md): a newer snapshot added to a database derived before
 * costs work in proportion to what changed, not to the whole history.
 *
 * Every record of the new snapshot is mapped to its person (`person_keys`) and compared with the
 * person's latest version by content hash. Then:
 *   - unchanged, same update month: nothing to do but the person's row in `people`;
 *   - unchanged but a later update month (most people in a monthly release): the as-of-dependent
 *     values are updated in place — the end of ongoing positions and stints, and the end, stop,
 *     departure and as-of of their spells. That is exact when every position started by the old
 *     update month: a later "now" then only extends what is ongoing (no hire, spell or experience
 *     changes);
 *   - otherwise (new person, new content, another kept id, an update month going back or passed
 *     by a start): the person's history and derived rows are rebuilt by the same SQL as a full
 *     derive, run in a `delta` schema whose `people` and `snap_records` hold only these people,
 *     then moved into the main tables.
 * Values (companies, titles, degrees, places) are resolved only when new: a new company key is
 * resolved on its own, not regrouped with the keys resolved before (a full derive regroups all).
 *
 * `incrementalBase` says whether an ingest may use this path: the database was derived in
 * snapshot mode up to its last record, with the same registry and title reference, and the new
 * snapshot is later than every snapshot in it. Anything else (a replaced file — it keeps its own
 * snapshot —, an older snapshot, a person whose LinkedIn profile moved to another person key)
 * derives in full.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../engines/engine.js';
import type { RegistryEntry } from '../resolve/index.js';
import type { TitleReference } from '../reference/index.js';
import { positionsRawSql, educationsRawSql } from '../derive/derive-sql.js';
import { perPersonSql } from '../derive/per-person-sql.js';
import { renameCompanies, resolveCompanies, resolveDegrees, resolveTitles } from '../derive/resolve-values.js';
import { resolvePlaces } from '../derive/resolve-places.js';
import { educationHistorySql, GROUP_KEY, historyRawViewsSql, NEWEST_IN_SNAPSHOT, positionHistorySql, posInstSql, SNAP, SNAPSHOT_PEOPLE_COLUMNS, snapVersionsSql } from './history-sql.js';
import { insertNewChanges, type ChangeUpdate } from './change-events.js';

/** Per-person tables incremental derive rebuilds for the people it rebuilds, in creation order. */
const PERSON_TABLES = ['pos_inst', 'position_history', 'edu_inst', 'education_history', ...perPersonSql().map((s) => s.table)];

/** What the last derive saw: its last record id and the resolution inputs. */
export function deriveFingerprint(registry: readonly RegistryEntry[], referenceVersion: string | null): string {
  return createHash('sha1').update(JSON.stringify(registry)).update(referenceVersion ?? 'built-in rules').digest('hex');
}

/** Record that the database is derived (snapshot mode) through its last record. */
export async function markDerived(store: Store, fingerprint: string): Promise<void> {
  await store.run("DELETE FROM meta WHERE key IN ('derived_through_rec', 'derive_fingerprint')");
  await store.run(
    `INSERT INTO meta SELECT 'derived_through_rec', coalesce(max(rec_id), -1)::VARCHAR FROM records
     UNION ALL SELECT 'derive_fingerprint', $f`,
    { f: fingerprint },
  );
}

/** Forget the derived state: the next derive is a full one. */
const forgetDerived = (store: Store): Promise<void> => store.run("DELETE FROM meta WHERE key = 'derived_through_rec'");

/** The last record id the derived tables cover when an ingest of `snapshot` may derive
 *  incrementally, else null. Called before loading. */
export async function incrementalBase(store: Store, snapshot: string, fingerprint: string): Promise<number | null> {
  const [row] = await store.all<{ through: string | null; fp: string | null; max_rec: number | null; newer: number; plain: number }>(
    `SELECT (SELECT value FROM meta WHERE key = 'derived_through_rec') AS through,
            (SELECT value FROM meta WHERE key = 'derive_fingerprint') AS fp,
            (SELECT max(rec_id) FROM records) AS max_rec,
            (SELECT count(*) FROM files WHERE snapshot >= $s) AS newer,
            (SELECT count(*) FROM files WHERE snapshot IS NULL) AS plain`,
    { s: snapshot },
  );
  if (!row || row.through === null || row.fp !== fingerprint || row.newer > 0 || row.plain > 0) return null;
  const through = Number(row.through);
  return through === (row.max_rec ?? -1) && through >= 0 ? through : null;
}

export interface IncrementalStats {
  distinct_companies: number;
  distinct_titles: number;
  distinct_degrees: number;
  changes: ChangeUpdate;
  /** People of the new snapshot rebuilt, updated in place (update month only), and untouched. */
  rebuilt: number;
  as_of_updated: number;
  unchanged: number;
}

/** Derive the records after `from` (one new snapshot) into the derived tables; null when the
 *  people's identities changed and a full derive is needed. */
export async function deriveIncrementally(
  store: Store,
  registry: readonly RegistryEntry[],
  reference: TitleReference | null,
  from: number,
  step: (name: string) => void,
): Promise<IncrementalStats | null> {
  step('matching people to the last snapshot');
  if (!(await mapNewKeys(store, from))) return null;
  // until this derive is done, a failure leaves a database the next ingest derives in full
  await forgetDerived(store);
  await store.run(newSnapSql(), { from });
  await store.run(scopeSql());
  // the people whose derived rows this derive changes, kept until the next one: a sink that
  // mirrors this database (ship-facts.ts) replaces only theirs (`whole`: every derived row;
  // else only what a moved update month changes)
  await store.run(`CREATE OR REPLACE TABLE derive_touched AS
SELECT pid, true AS whole FROM derive_scope UNION ALL SELECT pid, false AS whole FROM asof_moved`);
  await store.run(`INSERT INTO snap_records SELECT pid, rec_id, snapshot, as_of_m, location, content_hash, seq, ver_rec FROM snap_new`);
  await store.run(`CREATE OR REPLACE TABLE people AS
SELECT * FROM people WHERE pid NOT IN (SELECT pid FROM snap_new)
UNION ALL
SELECT ${SNAPSHOT_PEOPLE_COLUMNS} FROM snap_new s JOIN records r ON r.rec_id = s.rec_id`);

  step('rebuilding the people who changed');
  const [db] = await store.all<{ name: string }>('SELECT current_database() AS name');
  const catalog = `"${db!.name.replaceAll('"', '""')}"`;
  await store.run('DROP SCHEMA IF EXISTS delta CASCADE; CREATE SCHEMA delta');
  await store.run(`USE ${catalog}.delta`);
  let changes: ChangeUpdate;
  let renamed = 0;
  try {
    await store.run(`CREATE VIEW snap_records AS SELECT * FROM main.snap_records WHERE pid IN (SELECT pid FROM main.derive_scope);
CREATE VIEW people AS SELECT * FROM main.people WHERE pid IN (SELECT pid FROM main.derive_scope)`);
    await store.run(snapVersionsSql());
    await store.run(`CREATE VIEW new_versions AS SELECT * FROM snap_versions WHERE rec_id > ${from}`);
    await store.run(positionsRawSql('new_versions', 'data_rec'));
    await store.run(educationsRawSql('new_versions', 'data_rec'));
    await resolveCompanies(store, registry, 'add');
    renamed = (await renameCompanies(store)).length;
    await resolveTitles(store, reference, 'add');
    await resolveDegrees(store, 'add');
    await store.run(posInstSql());
    await store.run(positionHistorySql());
    await store.run(educationHistorySql());
    await store.run(historyRawViewsSql());
    for (const { sql } of perPersonSql()) await store.run(sql);
    await resolvePlaces(store, 'add');
    changes = await insertNewChanges(store);
  } finally {
    await store.run(`USE ${catalog}.main`);
  }

  step('replacing their rows; moving update months');
  // one transaction, one commit: the deletes and inserts of every table land together
  await store.run('BEGIN TRANSACTION');
  try {
    for (const t of PERSON_TABLES) await store.run(`DELETE FROM ${t} WHERE pid IN (SELECT pid FROM derive_scope)`);
    for (const t of PERSON_TABLES) await store.run(`INSERT INTO ${t} SELECT * FROM delta.${t}`);
    if (renamed > 0) await renameInRows(store);
    await updateAsOf(store);
    await store.run('COMMIT');
  } catch (e) {
    await store.run('ROLLBACK').catch(() => {}); // an engine error may have ended it already
    throw e;
  }
  await store.run('DROP SCHEMA delta CASCADE');
  const [counts] = await store.all<Omit<IncrementalStats, 'changes'>>(`SELECT
    (SELECT count(*) FROM company_map) AS distinct_companies, (SELECT count(*) FROM title_map) AS distinct_titles,
    (SELECT count(*) FROM degree_map) AS distinct_degrees, (SELECT count(*) FROM derive_scope) AS rebuilt,
    (SELECT count(*) FROM asof_moved) AS as_of_updated,
    (SELECT count(*) FROM snap_new) - (SELECT count(*) FROM derive_scope) - (SELECT count(*) FROM asof_moved) AS unchanged`);
  for (const t of ['derive_scope', 'asof_moved', 'snap_new']) await store.run(`DROP TABLE IF EXISTS ${t}`);
  await store.run('DROP TABLE IF EXISTS cohort_members');
  return { ...counts!, changes };
}

/** Map the new records' person keys to people; false when a known key changed its group (a
 *  LinkedIn profile moved between keys: people merge or split, which a full derive handles). */
async function mapNewKeys(store: Store, from: number): Promise<boolean> {
  // one row per key of the new records, its group taken from its newest record (NEWEST_IN_SNAPSHOT
  // as an aggregate: a hash grouping, where the window sorted 2M text keys)
  await store.run(
    `CREATE OR REPLACE TEMP TABLE snap_keys AS
SELECT r.person_key, arg_max(${GROUP_KEY}, (coalesce(r.updated_m, -2147483648), r.rec_id)) AS gk, min(r.rec_id) AS first_rec
FROM records r WHERE r.rec_id > $from GROUP BY r.person_key`,
    { from },
  );
  const [moved] = await store.all<{ n: number }>('SELECT count(*) AS n FROM snap_keys n JOIN person_keys k ON k.person_key = n.person_key WHERE k.gk <> n.gk');
  if ((moved?.n ?? 0) > 0) {
    await store.run('DROP TABLE snap_keys');
    return false;
  }
  // a new key joins the person of its group, else starts one (the group's first record); the
  // keys of a group no one had are all new
  await store.run(`INSERT INTO person_keys
WITH n AS (SELECT s.* FROM snap_keys s ANTI JOIN person_keys k ON k.person_key = s.person_key)
SELECT n.person_key, n.gk, coalesce(g.pid, min(n.first_rec) OVER (PARTITION BY n.gk)) AS pid
FROM n LEFT JOIN (SELECT gk, min(pid) AS pid FROM person_keys WHERE gk IN (SELECT gk FROM n) GROUP BY gk) g ON g.gk = n.gk`);
  await store.run('DROP TABLE snap_keys');
  return true;
}

/** `snap_new`: each person's record in the new snapshot, numbered after their last, with its
 *  version (the last one when the content hash is unchanged) and the person's previous state. */
function newSnapSql(): string {
  return `CREATE OR REPLACE TABLE snap_new AS
WITH s AS (
  SELECT k.pid, r.rec_id, ${SNAP} AS snapshot, coalesce(r.updated_m, f.as_of_m) AS as_of_m, r.location, h.content_hash, r.person_key
  FROM records r JOIN files f ON f.file_id = r.file_id JOIN person_keys k ON k.person_key = r.person_key
  LEFT JOIN record_hashes h ON h.rec_id = r.rec_id
  WHERE r.rec_id > $from
  QUALIFY row_number() OVER (PARTITION BY k.pid ${NEWEST_IN_SNAPSHOT}) = 1
)
SELECT s.pid, s.rec_id, s.snapshot, s.as_of_m, s.location, s.content_hash, coalesce(pe.seq, 0) + 1 AS seq,
       CASE WHEN s.content_hash = pe.content_hash THEN pe.ver_rec ELSE s.rec_id END AS ver_rec,
       pe.pid IS NULL OR s.person_key <> pe.person_id AS new_identity, pe.as_of_m AS old_as_of
FROM s LEFT JOIN people pe ON pe.pid = s.pid`;
}

/** `derive_scope`: the people to rebuild; `asof_moved`: the people whose update month moves on
 *  with their content unchanged, every position started by the old month. */
function scopeSql(): string {
  return `CREATE OR REPLACE TABLE asof_moved AS
SELECT n.pid, n.as_of_m FROM snap_new n
LEFT JOIN (SELECT pid, max(start_m) AS last_start FROM positions WHERE pid IN (SELECT pid FROM snap_new WHERE as_of_m > old_as_of) GROUP BY pid) p
  ON p.pid = n.pid
WHERE NOT n.new_identity AND n.ver_rec <> n.rec_id AND n.as_of_m > n.old_as_of AND coalesce(p.last_start <= n.old_as_of, true);
CREATE OR REPLACE TABLE derive_scope AS
SELECT pid FROM snap_new
WHERE new_identity OR ver_rec = rec_id OR (as_of_m <> old_as_of AND pid NOT IN (SELECT pid FROM asof_moved))`;
}

/** The as-of-dependent values of `asof_moved` people: ongoing positions still listed end at the
 *  new month; their stints likewise; spells re-take end, stop, departure and as-of. */
async function updateAsOf(store: Store): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE asof_ends AS
SELECT h.pid, h.idx, greatest(a.as_of_m, h.start_m) AS end_eff
FROM position_history h JOIN asof_moved a ON a.pid = h.pid
WHERE NOT h.disappeared AND h.end_m IS NULL AND h.start_m IS NOT NULL`);
  await store.run('UPDATE positions SET end_eff = e.end_eff FROM asof_ends e WHERE positions.pid = e.pid AND positions.idx = e.idx');
  await store.run('UPDATE stints SET end_eff = e.end_eff FROM asof_ends e WHERE stints.pid = e.pid AND stints.idx = e.idx');
  // the new values are materialized first: an UPDATE fed by a join pipeline is many times slower
  await store.run(`CREATE OR REPLACE TEMP TABLE asof_spells AS
SELECT s.pid, min(s.idx) FILTER (WHERE s.opens) AS hire_idx, max(s.end_eff) AS end_m, any_value(a.as_of_m) AS as_of_m
FROM stints s JOIN asof_moved a ON a.pid = s.pid GROUP BY s.pid, s.cid, s.spell`);
  await store.run(`UPDATE spells SET end_m = u.end_m, as_of_m = u.as_of_m, stop_m = least(u.end_m, u.as_of_m), departed = NOT spells.ongoing AND u.end_m <= u.as_of_m
FROM asof_spells u WHERE spells.pid = u.pid AND spells.hire_idx = u.hire_idx`);
  await store.run('DROP TABLE asof_ends; DROP TABLE asof_spells');
}

/** The rows of people not rebuilt that name a renamed company (`company_renames`) take the new name. */
async function renameInRows(store: Store): Promise<void> {
  await store.run(`INSERT INTO derive_touched SELECT DISTINCT pid, true FROM positions
    WHERE company_id IN (SELECT company_id FROM company_renames) AND pid NOT IN (SELECT pid FROM derive_touched WHERE whole)`);
  for (const t of ['pos_inst', 'position_history', 'positions', 'hires', 'spells']) {
    const key = t === 'hires' || t === 'spells' ? ', name_key = hash(r.company_name)' : '';
    await store.run(`UPDATE ${t} SET company_name = r.company_name${key} FROM company_renames r WHERE ${t}.company_id = r.company_id`);
  }
  // a spell names its person's next spell's company too
  await store.run('UPDATE spells SET next_name_key = hash(r.company_name) FROM company_renames r WHERE spells.next_cid = hash(r.company_id)');
  await store.run('DROP TABLE company_renames');
}
