/**
 * The tables of a talentflow database. Raw facts (`files`, `records`, `record_positions`,
 * `record_educations`, `quarantine`) are only ever added to or replaced file by file; everything
 * else (`people` onwards) is derived from them and rebuilt by `derive`.
 *
 * Dates are month indices (`year * 12 + month − 1`, INTEGER) with a precision (1 year, 2 month,
 * 3 day): whole-month arithmetic is the definition, and integers are portable across engines.
 *
 * `files.snapshot` (YYYY-MM-DD, NULL outside snapshot mode) and `records.content_rec` (the record
 * holding this one's positions and degrees when a later snapshot repeated them, else NULL) were
 * added without a version bump: `initSchema` adds them to databases made before (docs/snapshots.md).
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS files (
  file_id INTEGER PRIMARY KEY, path VARCHAR UNIQUE, format VARCHAR, size BIGINT,
  as_of_m INTEGER, records_read BIGINT, accepted BIGINT, quarantined BIGINT, blank_lines BIGINT,
  ingested_at VARCHAR, snapshot VARCHAR);
CREATE TABLE IF NOT EXISTS records (
  rec_id BIGINT, file_id INTEGER, line BIGINT, person_key VARCHAR, linkedin_slug VARCHAR,
  name VARCHAR, location VARCHAR, updated_m INTEGER, content_rec BIGINT);
CREATE TABLE IF NOT EXISTS record_positions (
  rec_id BIGINT, idx INTEGER, company VARCHAR, company_domain VARCHAR, company_linkedin VARCHAR,
  title VARCHAR, start_m INTEGER, start_prec TINYINT, end_m INTEGER, end_prec TINYINT,
  current BOOLEAN, location VARCHAR);
CREATE TABLE IF NOT EXISTS record_educations (
  rec_id BIGINT, idx INTEGER, school VARCHAR, degree VARCHAR,
  start_m INTEGER, start_prec TINYINT, end_m INTEGER, end_prec TINYINT);
CREATE TABLE IF NOT EXISTS quarantine (
  file_id INTEGER, file VARCHAR, line BIGINT, reason VARCHAR, detail VARCHAR, raw VARCHAR);
`;
