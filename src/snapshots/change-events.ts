/**
 * Change events between a person's consecutive snapshots, kept in the `changes` table. Only
 * pairs where a new version starts (the content hash changed) are looked at, so an unchanged
 * person costs nothing. Events are keyed (`event_key`): recomputing after a re-ingest inserts only events
 * not yet recorded and removes those no snapshot supports any more, so re-ingesting the same
 * snapshot creates no events.
 *
 * Kinds: `started` (a position first seen in this snapshot; `move` = `internal` when the previous
 * snapshot listed a position at the same company, else `new_employer`), `left` (a position
 * ongoing in the previous snapshot now has an end), `title_change` (same position, other title),
 * `location_change` (the profile's location), `education_added` (a degree first seen).
 */
import type { Store } from '../engines/engine.js';

export const CHANGE_KINDS = ['started', 'left', 'title_change', 'location_change', 'education_added'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const COLUMNS: [string, string][] = [
  ['event_key', 'UBIGINT'], ['batch', 'INTEGER'], ['person_id', 'VARCHAR'], ['kind', 'VARCHAR'], ['snapshot', 'VARCHAR'],
  ['prev_snapshot', 'VARCHAR'], ['company_id', 'VARCHAR'], ['company_name', 'VARCHAR'], ['move', 'VARCHAR'],
  ['title', 'VARCHAR'], ['prev_title', 'VARCHAR'], ['location', 'VARCHAR'], ['prev_location', 'VARCHAR'],
  ['school', 'VARCHAR'], ['degree', 'VARCHAR'], ['start_m', 'INTEGER'], ['start_prec', 'TINYINT'], ['end_m', 'INTEGER'], ['end_prec', 'TINYINT'],
];

export const CHANGES_TABLE_SQL = `CREATE TABLE IF NOT EXISTS changes (${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`;

const SAME = (a: string, b: string) => `lower(trim(${a})) <> lower(trim(${b}))`;

/** Every event the snapshots support (temp table `change_candidates`, columns of `changes` but `batch`). */
export function changeCandidatesSql(): string {
  const pos = (kind: string, c: string, move: string, prevTitle: string) =>
    `SELECT hash(${c}.person_id, '${kind}', ${c}.pos_key, ${c}.occ, ${c}.snapshot) AS event_key, ${c}.person_id, '${kind}' AS kind, ${c}.snapshot,
       ${c}.prev_snapshot, ${c}.company_id, ${c}.company_name, ${move} AS move, ${c}.title, ${prevTitle} AS prev_title,
       NULL AS location, NULL AS prev_location, NULL AS school, NULL AS degree, ${c}.start_m, ${c}.start_prec, ${c}.end_m, ${c}.end_prec`;
  return `CREATE OR REPLACE TEMP TABLE change_candidates AS
WITH pairs AS (
  SELECT c.pid, pe.person_id, c.snapshot, p.snapshot AS prev_snapshot, c.rec_id, p.ver_rec AS prev_rec,
         c.location, p.location AS prev_location
  FROM snap_records c JOIN snap_records p ON p.pid = c.pid AND p.seq = c.seq - 1 JOIN people pe ON pe.pid = c.pid
  WHERE c.ver_rec = c.rec_id
), cur AS (
  SELECT pr.person_id, pr.prev_rec, pr.prev_snapshot, i.* FROM pairs pr JOIN pos_inst i ON i.rec_id = pr.rec_id
), prev AS (
  SELECT i.* FROM pos_inst i WHERE i.rec_id IN (SELECT prev_rec FROM pairs)
), both_ AS (
  SELECT c.*, q.title AS q_title, q.end_m AS q_end FROM cur c
  JOIN prev q ON q.rec_id = c.prev_rec AND q.pos_key = c.pos_key AND q.occ = c.occ
)
${pos('started', 'c', `CASE WHEN c.prev_rec IN (SELECT rec_id FROM prev q WHERE q.pid = c.pid AND q.cid = c.cid) THEN 'internal' ELSE 'new_employer' END`, 'NULL')}
FROM cur c JOIN position_history h ON h.pid = c.pid AND h.pos_key = c.pos_key AND h.occ = c.occ
WHERE h.first_seen = c.snapshot
UNION ALL
${pos('left', 'b', 'NULL', 'NULL')} FROM both_ b WHERE b.end_m IS NOT NULL AND b.q_end IS NULL
UNION ALL
${pos('title_change', 'b', 'NULL', 'b.q_title')} FROM both_ b WHERE ${SAME('b.title', 'b.q_title')}
UNION ALL
SELECT hash(pr.person_id, 'location_change', pr.snapshot, lower(trim(pr.location))), pr.person_id, 'location_change', pr.snapshot,
       pr.prev_snapshot, NULL, NULL, NULL, NULL, NULL, pr.location, pr.prev_location, NULL, NULL, NULL, NULL, NULL, NULL
FROM pairs pr WHERE ${SAME('pr.location', 'pr.prev_location')}
UNION ALL
SELECT hash(pr.person_id, 'education_added', e.edu_key, e.occ, pr.snapshot), pr.person_id, 'education_added', pr.snapshot,
       pr.prev_snapshot, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.school, e.degree, e.start_m, e.start_prec, e.end_m, e.end_prec
FROM pairs pr JOIN edu_inst e ON e.rec_id = pr.rec_id
JOIN education_history h ON h.pid = e.pid AND h.edu_key = e.edu_key AND h.occ = e.occ
WHERE h.first_seen = pr.snapshot`;
}

export interface ChangeUpdate {
  /** The batch number the new events carry (one per ingest that found any). */
  batch: number;
  added: number;
  removed: number;
}

/** Bring `changes` in line with the snapshots (needs the history tables of this derive). */
export async function updateChanges(store: Store): Promise<ChangeUpdate> {
  await store.run(CHANGES_TABLE_SQL);
  await store.run(changeCandidatesSql());
  const [stale] = await store.all<{ n: number }>('SELECT count(*) AS n FROM changes WHERE event_key NOT IN (SELECT event_key FROM change_candidates)');
  await store.run('DELETE FROM changes WHERE event_key NOT IN (SELECT event_key FROM change_candidates)');
  return { ...(await insertCandidates(store)), removed: stale?.n ?? 0 };
}

/** Incremental derive: record the events of the people just rebuilt (run where `snap_records`
 *  and the history tables hold only them); nothing is withdrawn. */
export async function insertNewChanges(store: Store): Promise<ChangeUpdate> {
  await store.run(changeCandidatesSql());
  return insertCandidates(store);
}

/** Insert the candidates `changes` lacks as a new batch (`main.`: incremental derive runs this
 *  from its own schema). */
async function insertCandidates(store: Store): Promise<ChangeUpdate> {
  const [b] = await store.all<{ batch: number }>('SELECT coalesce(max(batch), 0) + 1 AS batch FROM main.changes');
  const batch = b?.batch ?? 1;
  await store.run('DELETE FROM change_candidates WHERE event_key IN (SELECT event_key FROM main.changes)');
  const [counts] = await store.all<{ added: number }>('SELECT count(*) AS added FROM change_candidates');
  await store.run('INSERT INTO main.changes SELECT event_key, $batch, * EXCLUDE (event_key) FROM change_candidates', { batch });
  await store.run('DROP TABLE change_candidates');
  return { batch, added: counts?.added ?? 0, removed: 0 };
}
