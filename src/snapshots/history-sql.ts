/**
 * Snapshot mode of the derive step, as SQL over the raw tables (embedded engine, like
 * `derive/derive-sql.ts`). A person's history is the union of what each snapshot said about them:
 *
 *   people         one row per person: the newest record, newest *snapshot* first
 *   snap_records   per person and snapshot, the newest record of that snapshot, numbered `seq`
 *   pos_inst       every position of every snap record, with the key that names it across
 *                  snapshots (`pos_key`, `occ`)
 *   position_history  one row per (person, pos_key, occ): the newest snapshot's version, with
 *                  `first_seen`, `last_seen` and `disappeared`
 *   edu_inst / education_history  the same for degrees
 *
 * A position is the same across snapshots when person, resolved company and start month agree;
 * a year-only start (`2021`) matches the one month-precise start of that person, company and year
 * (`2021-03`) when there is exactly one, so a profile that gains precision keeps its positions.
 */
import { educationsRawSql, POSITION_KEYS_SQL, positionsRawSql } from '../derive/derive-sql.js';

/** Snapshot of a file: its `--snapshot`, else (mixed databases) its ingest date. */
const SNAP = 'coalesce(f.snapshot, f.ingested_at)';
const NEWEST = 'ORDER BY snapshot DESC, updated_m DESC NULLS LAST, rec_id DESC';

/** `people` as in `peopleSql`, with the newest snapshot outranking the update date. */
export function snapshotPeopleSql(): string {
  return `CREATE OR REPLACE TABLE people AS
WITH r AS (SELECT r.*, ${SNAP} AS snapshot FROM records r JOIN files f ON f.file_id = r.file_id)
SELECT r.rec_id AS pid, r.rec_id, r.person_key AS person_id, r.linkedin_slug, r.name, r.location, r.file_id, r.line,
       coalesce(r.updated_m, f.as_of_m) AS as_of_m, r.updated_m IS NULL AS as_of_assumed
FROM (
  SELECT * FROM (SELECT * FROM r QUALIFY row_number() OVER (PARTITION BY person_key ${NEWEST}) = 1)
  QUALIFY linkedin_slug IS NULL OR row_number() OVER (PARTITION BY linkedin_slug ${NEWEST}) = 1
) r JOIN files f ON f.file_id = r.file_id`;
}

/** Each record mapped to its person (`pid`), then the newest record per person and snapshot. */
export function snapRecordsSql(): string {
  return `CREATE OR REPLACE TABLE snap_records AS
WITH r AS (
  SELECT r.rec_id, r.person_key, r.linkedin_slug, r.location, r.updated_m, coalesce(r.updated_m, f.as_of_m) AS as_of_m, ${SNAP} AS snapshot
  FROM records r JOIN files f ON f.file_id = r.file_id
), k AS (
  SELECT person_key, rec_id AS k_rec, linkedin_slug AS k_slug FROM r QUALIFY row_number() OVER (PARTITION BY person_key ${NEWEST}) = 1
), kp AS (
  SELECT k.person_key, coalesce(p.pid, k.k_rec) AS pid FROM k LEFT JOIN people p ON p.linkedin_slug = k.k_slug
), s AS (
  SELECT kp.pid, r.* FROM r JOIN kp ON kp.person_key = r.person_key
  QUALIFY row_number() OVER (PARTITION BY kp.pid, r.snapshot ORDER BY r.updated_m DESC NULLS LAST, r.rec_id DESC) = 1
)
SELECT s.pid, pe.person_id, s.rec_id, s.snapshot, s.as_of_m, s.location, h.content_hash,
       row_number() OVER (PARTITION BY s.pid ORDER BY s.snapshot) AS seq,
       max(s.snapshot) OVER (PARTITION BY s.pid) AS person_last
FROM s JOIN people pe ON pe.pid = s.pid LEFT JOIN record_hashes h ON h.rec_id = s.rec_id`;
}

/** Before resolution: the raw views over every snapshot's positions, so every company, title
 *  and degree any snapshot named is resolved. */
export const allPositionsRawSql = (): string => positionsRawSql('snap_records', 'rec_id');
export const allEducationsRawSql = (): string => educationsRawSql('snap_records', 'rec_id');

/** Every snapshot's positions with their cross-snapshot key (needs `company_map`). */
export function posInstSql(): string {
  return `CREATE OR REPLACE TABLE pos_inst AS
WITH i AS (
  SELECT s.pid, s.person_id, s.rec_id, s.snapshot, s.seq, s.as_of_m, rp.* EXCLUDE (rec_id),
         ${POSITION_KEYS_SQL}
  FROM snap_records s JOIN record_positions rp ON rp.rec_id = s.rec_id
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

/** One row per position over all snapshots: the newest snapshot's version wins; a position the
 *  person's latest snapshot no longer lists is kept, flagged `disappeared`. */
export function positionHistorySql(): string {
  return `CREATE OR REPLACE TABLE position_history AS
WITH w AS (
  SELECT p.*, min(snapshot) OVER g AS first_seen, max(snapshot) OVER g AS last_seen,
         row_number() OVER (PARTITION BY pid, pos_key, occ ORDER BY snapshot DESC) AS newest
  FROM pos_inst p WINDOW g AS (PARTITION BY pid, pos_key, occ)
)
SELECT w.* EXCLUDE (newest, idx, sm, sy, im, seq),
       row_number() OVER (PARTITION BY w.pid ORDER BY w.last_seen DESC, w.idx, w.first_seen) - 1 AS idx,
       w.last_seen < s.person_last AS disappeared
FROM w JOIN (SELECT DISTINCT pid, person_last FROM snap_records) s ON s.pid = w.pid
WHERE newest = 1`;
}

/** Degrees across snapshots: the same school and start (else end) year is the same degree. */
export function educationHistorySql(): string {
  return `CREATE OR REPLACE TABLE edu_inst AS
WITH i AS (
  SELECT s.pid, s.person_id, s.rec_id, s.snapshot, s.seq, re.* EXCLUDE (rec_id), hash(re.degree) AS degree_key,
         hash(lower(trim(re.school)), coalesce(re.start_m, re.end_m) // 12) AS edu_key
  FROM snap_records s JOIN record_educations re ON re.rec_id = s.rec_id
)
SELECT *, row_number() OVER (PARTITION BY rec_id, edu_key ORDER BY idx) AS occ FROM i;
CREATE OR REPLACE TABLE education_history AS
WITH w AS (
  SELECT e.*, min(snapshot) OVER g AS first_seen, max(snapshot) OVER g AS last_seen,
         row_number() OVER (PARTITION BY pid, edu_key, occ ORDER BY snapshot DESC) AS newest
  FROM edu_inst e WINDOW g AS (PARTITION BY pid, edu_key, occ)
)
SELECT w.* EXCLUDE (newest, idx, seq),
       row_number() OVER (PARTITION BY w.pid ORDER BY w.last_seen DESC, w.idx, w.first_seen) - 1 AS idx,
       w.last_seen < s.person_last AS disappeared
FROM w JOIN (SELECT DISTINCT pid, person_last FROM snap_records) s ON s.pid = w.pid
WHERE newest = 1`;
}

/** After resolution: the raw views the rest of derive reads, now over the union history, with
 *  each position's own "as of" (an ongoing position that disappeared ends at its snapshot's). */
export function historyRawViewsSql(): string {
  return `CREATE OR REPLACE VIEW positions_raw AS
SELECT pid, person_id, as_of_m, idx, company, company_domain, company_linkedin, title, start_m, start_prec,
       end_m, end_prec, current, location, company_key, title_key
FROM position_history;
CREATE OR REPLACE VIEW educations_raw AS
SELECT pid, person_id, idx, school, degree, start_m, start_prec, end_m, end_prec, degree_key
FROM education_history`;
}
