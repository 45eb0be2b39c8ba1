/**
 * Snapshot mode of the derive step, as SQL over the raw tables (embedded engine, like
 * `derive/derive-sql.ts`). A person's history is the union of what each snapshot said about them:
 *
 *   person_keys    each `person_key` with its person: keys whose newest records share a LinkedIn
 *                  profile are one person; `pid`, the person's first record id, never changes
 *                  when later snapshots arrive (incremental derive keeps rows keyed by it)
 *   snap_records   per person and snapshot, the newest record of that snapshot, numbered `seq`;
 *                  `ver_rec` names the record that started its run of equal content (a *version*)
 *   people         one row per person: the newest snapshot's record, and the person's latest
 *                  `seq`, `content_hash`, `ver_rec` and `last_snapshot`
 *   pos_inst       every position of every version, with the key that names it across versions
 *                  (`pos_key`, `occ`)
 *   position_history  one row per (person, pos_key, occ): the newest version's row, `first_seen`;
 *                  a position the current version no longer lists is `disappeared`, with the
 *                  `last_seen` snapshot and the `as_of_m` of that snapshot (both NULL otherwise,
 *                  so a person re-seen unchanged leaves every row as it is)
 *   edu_inst / education_history  the same for degrees
 *
 * Only versions are expanded into positions: a person seen unchanged in ten snapshots has one
 * version. A position is the same across versions when person, resolved company and start month
 * agree; a year-only start (`2021`) matches the one month-precise start of that person, company
 * and year (`2021-03`) when there is exactly one, so a profile that gains precision keeps its
 * positions.
 */
import { educationsRawSql, POSITION_KEYS_SQL, positionsRawSql } from '../derive/derive-sql.js';

/** Snapshot of a file: its `--snapshot`, else (mixed databases) its ingest date. */
export const SNAP = 'coalesce(f.snapshot, f.ingested_at)';
/** Group key of a person_key: the LinkedIn profile of its newest record, else itself. */
export const GROUP_KEY = "coalesce('li:' || r.linkedin_slug, 'pk:' || r.person_key)";
/** The newest record of a person within one snapshot. */
export const NEWEST_IN_SNAPSHOT = 'ORDER BY r.updated_m DESC NULLS LAST, r.rec_id DESC';

export function personKeysSql(): string {
  return `CREATE OR REPLACE TABLE person_keys AS
WITH r AS (SELECT r.*, ${SNAP} AS snapshot FROM records r JOIN files f ON f.file_id = r.file_id),
k AS (SELECT r.person_key, ${GROUP_KEY} AS gk FROM r QUALIFY row_number() OVER (PARTITION BY r.person_key ORDER BY r.snapshot DESC, r.updated_m DESC NULLS LAST, r.rec_id DESC) = 1),
m AS (SELECT person_key, min(rec_id) AS first_rec FROM records GROUP BY person_key)
SELECT k.person_key, k.gk, min(m.first_rec) OVER (PARTITION BY k.gk) AS pid FROM k JOIN m ON m.person_key = k.person_key`;
}

/** Per person and snapshot the newest record, with its version. */
export function snapRecordsSql(): string {
  return `CREATE OR REPLACE TABLE snap_records AS
WITH s AS (
  SELECT k.pid, r.rec_id, ${SNAP} AS snapshot, coalesce(r.updated_m, f.as_of_m) AS as_of_m, r.location, h.content_hash
  FROM records r JOIN files f ON f.file_id = r.file_id JOIN person_keys k ON k.person_key = r.person_key
  LEFT JOIN record_hashes h ON h.rec_id = r.rec_id
  QUALIFY row_number() OVER (PARTITION BY k.pid, ${SNAP} ${NEWEST_IN_SNAPSHOT}) = 1
), q AS (
  SELECT *, row_number() OVER w AS seq,
         coalesce(content_hash <> lag(content_hash) OVER w, true) AS new_ver
  FROM s WINDOW w AS (PARTITION BY pid ORDER BY snapshot)
), v AS (
  SELECT *, max(CASE WHEN new_ver THEN seq END) OVER (PARTITION BY pid ORDER BY seq ROWS UNBOUNDED PRECEDING) AS ver_seq FROM q
)
SELECT pid, rec_id, snapshot, as_of_m, location, content_hash, seq,
       first_value(rec_id) OVER (PARTITION BY pid, ver_seq ORDER BY seq) AS ver_rec
FROM v`;
}

/** The person columns `peopleSql` has, then the snapshot state; `s` is a snap_records row. */
export const SNAPSHOT_PEOPLE_COLUMNS = `s.pid, s.rec_id, r.person_key AS person_id, r.linkedin_slug, r.name, r.location, r.file_id, r.line,
       s.as_of_m, r.updated_m IS NULL AS as_of_assumed, s.snapshot AS last_snapshot, s.seq, s.content_hash, s.ver_rec`;

export function snapshotPeopleSql(): string {
  return `CREATE OR REPLACE TABLE people AS
SELECT ${SNAPSHOT_PEOPLE_COLUMNS}
FROM snap_records s JOIN records r ON r.rec_id = s.rec_id
QUALIFY row_number() OVER (PARTITION BY s.pid ORDER BY s.seq DESC) = 1`;
}

/** The versions: snap records that start a run of equal content (a view); `data_rec` is the
 *  record holding the version's positions and degrees (itself, or the one it repeats). */
export function snapVersionsSql(): string {
  return `CREATE OR REPLACE VIEW snap_versions AS
SELECT s.pid, pe.person_id, s.as_of_m, s.rec_id, coalesce(r.content_rec, s.rec_id) AS data_rec, s.snapshot, s.seq
FROM snap_records s JOIN people pe ON pe.pid = s.pid JOIN records r ON r.rec_id = s.rec_id WHERE s.rec_id = s.ver_rec`;
}

/** Before resolution: the raw views over every version's positions, so every company, title
 *  and degree any snapshot named is resolved. */
export const allPositionsRawSql = (): string => positionsRawSql('snap_versions', 'data_rec');
export const allEducationsRawSql = (): string => educationsRawSql('snap_versions', 'data_rec');

/** Every version's positions with their cross-version key (needs `company_map`). */
export function posInstSql(): string {
  return `CREATE OR REPLACE TABLE pos_inst AS
WITH i AS (
  SELECT v.pid, v.rec_id, v.snapshot, v.seq, rp.* EXCLUDE (rec_id), ${POSITION_KEYS_SQL}
  FROM snap_versions v JOIN record_positions rp ON rp.rec_id = v.data_rec
), k AS (
  SELECT i.*, coalesce(c.company_id, 'key:' || i.company_key::VARCHAR) AS cid, c.company_id, c.company_name,
         i.start_m // 12 AS sy, CASE WHEN i.start_prec >= 2 THEN i.start_m END AS sm
  FROM i LEFT JOIN company_map c ON c.company_key = i.company_key
), m AS (
  SELECT *, coalesce(sm, CASE WHEN min(sm) OVER g = max(sm) OVER g THEN min(sm) OVER g END) AS im
  FROM k WINDOW g AS (PARTITION BY pid, cid, sy)
), keyed AS (
  SELECT *, hash(cid, sy, im, CASE WHEN start_m IS NULL THEN lower(trim(title)) END) AS pos_key FROM m
)
SELECT *, row_number() OVER (PARTITION BY rec_id, pos_key ORDER BY idx) AS occ FROM keyed`;
}

/** Each version's run: its last snapshot and that snapshot's as-of month, and its last `seq`. */
const RUNS = `SELECT pid, ver_rec, max(snapshot) AS run_last, arg_max(as_of_m, seq) AS run_as_of, max(seq) AS run_seq
  FROM snap_records GROUP BY pid, ver_rec`;

/** One row per (person, key, occ) over all versions, the newest version's winning; `inst` is
 *  pos_inst or edu_inst, `key` its cross-version key. */
function historySql(table: string, inst: string, key: string, drop: string): string {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH w AS (
  SELECT i.*, min(snapshot) OVER (PARTITION BY pid, ${key}, occ) AS first_seen
  FROM ${inst} i QUALIFY row_number() OVER (PARTITION BY pid, ${key}, occ ORDER BY seq DESC) = 1
), runs AS (${RUNS})
SELECT w.* EXCLUDE (${drop}),
       row_number() OVER (PARTITION BY w.pid ORDER BY ru.run_seq DESC, w.idx, w.first_seen) - 1 AS idx,
       w.rec_id <> pe.ver_rec AS disappeared,
       CASE WHEN w.rec_id <> pe.ver_rec THEN ru.run_last END AS last_seen,
       CASE WHEN w.rec_id <> pe.ver_rec THEN ru.run_as_of END AS as_of_m
FROM w JOIN people pe ON pe.pid = w.pid JOIN runs ru ON ru.pid = w.pid AND ru.ver_rec = w.rec_id`;
}

export const positionHistorySql = (): string => historySql('position_history', 'pos_inst', 'pos_key', 'idx, sm, sy, im, seq');

/** Degrees across versions: the same school and start (else end) year is the same degree. */
export function educationHistorySql(): string {
  return `CREATE OR REPLACE TABLE edu_inst AS
WITH i AS (
  SELECT v.pid, v.rec_id, v.snapshot, v.seq, re.* EXCLUDE (rec_id), hash(re.degree) AS degree_key,
         hash(lower(trim(re.school)), coalesce(re.start_m, re.end_m) // 12) AS edu_key
  FROM snap_versions v JOIN record_educations re ON re.rec_id = v.data_rec
)
SELECT *, row_number() OVER (PARTITION BY rec_id, edu_key ORDER BY idx) AS occ FROM i;
${historySql('education_history', 'edu_inst', 'edu_key', 'idx, seq')}`;
}

/** After resolution: the raw views the rest of derive reads, now over the union history; an
 *  ongoing position that disappeared is ongoing as of the last snapshot that listed it. */
export function historyRawViewsSql(): string {
  return `CREATE OR REPLACE VIEW positions_raw AS
SELECT h.pid, pe.person_id, coalesce(h.as_of_m, pe.as_of_m) AS as_of_m, h.idx, h.company, h.company_domain, h.company_linkedin,
       h.title, h.start_m, h.start_prec, h.end_m, h.end_prec, h.current, h.location, h.company_key, h.title_key
FROM position_history h JOIN people pe ON pe.pid = h.pid;
CREATE OR REPLACE VIEW educations_raw AS
SELECT h.pid, pe.person_id, h.idx, h.school, h.degree, h.start_m, h.start_prec, h.end_m, h.end_prec, h.degree_key
FROM education_history h JOIN people pe ON pe.pid = h.pid`;
}
