/**
 * A content hash per record, computed in the engine while a file is staged: its positions and
 * degrees (every field, in list order) and its location. A person whose record in snapshot t+1
 * hashes as in snapshot t is unchanged: incremental derive and change detection skip them with
 * one integer comparison. Rows are hashed one by one and combined per record with `bit_xor` (the
 * list index is part of each row's hash, so order counts): a grouping over integers, no string
 * building.
 *
 * Content is stored once per person and content: a record whose hash equals its person's latest
 * version (most of a monthly release) stores no positions or degrees of its own; its
 * `records.content_rec` names the record holding them (always one that holds its own rows).
 */
import type { Store } from '../engines/engine.js';

/** Create `record_hashes(rec_id, content_hash, line_hash)` when missing (`line_hash`: known-lines.ts). */
export const RECORD_HASHES_SQL = 'CREATE TABLE IF NOT EXISTS record_hashes (rec_id BIGINT, content_hash UBIGINT, line_hash UBIGINT)';

/** The stored types of the hashed columns: a row hashes the same staged or stored. */
const POSITION = ['idx::INTEGER', 'company', 'company_domain', 'company_linkedin', 'title', 'start_m::INTEGER', 'start_prec::TINYINT', 'end_m::INTEGER', 'end_prec::TINYINT', 'current::BOOLEAN', 'location'];
const EDUCATION = ['idx::INTEGER', 'school', 'degree', 'start_m::INTEGER', 'start_prec::TINYINT', 'end_m::INTEGER', 'end_prec::TINYINT'];

/**
 * `stage_content(rid, content_hash, content_rec)` over the accepted rows of `stage_records`
 * (`rid`, `person_key`, `location`): each record's hash and, with `share`, the record already
 * holding the same content as the person's latest version (`people` of the last derive).
 */
export function stageContentSql(share: boolean): string {
  const rows = (table: string, cols: string[]) =>
    `SELECT t.rid, bit_xor(hash(${cols.map((c) => `t.${c}`).join(', ')})) AS h, count(*) AS n
     FROM ${table} t WHERE t.rid IN (SELECT rid FROM stage_records) GROUP BY t.rid`;
  const hashed = `SELECT r.rid, r.person_key, hash(r.location, p.h, p.n, e.h, e.n) AS content_hash
FROM stage_records r LEFT JOIN (${rows('stage_pos', POSITION)}) p ON p.rid = r.rid LEFT JOIN (${rows('stage_edu', EDUCATION)}) e ON e.rid = r.rid`;
  if (!share) return `CREATE OR REPLACE TEMP TABLE stage_content AS SELECT rid, content_hash, NULL::BIGINT AS content_rec FROM (${hashed})`;
  return `CREATE OR REPLACE TEMP TABLE stage_content AS
SELECT h.rid, h.content_hash, CASE WHEN pe.content_hash = h.content_hash THEN coalesce(v.content_rec, v.rec_id) END AS content_rec
FROM (${hashed}) h
LEFT JOIN person_keys k ON k.person_key = h.person_key
LEFT JOIN people pe ON pe.pid = k.pid
LEFT JOIN records v ON v.rec_id = pe.ver_rec`;
}

/** Before a file's records are removed (a re-ingested path): records of other files whose
 *  content it holds get their own copy. */
export async function releaseSharedContent(store: Store, fileId: number): Promise<void> {
  for (const t of ['record_positions', 'record_educations']) {
    await store.run(
      `INSERT INTO ${t} SELECT d.rec_id, x.* EXCLUDE (rec_id)
       FROM records d JOIN records h ON h.rec_id = d.content_rec JOIN ${t} x ON x.rec_id = h.rec_id
       WHERE h.file_id = $id AND d.file_id <> $id`,
      { id: fileId },
    );
  }
  await store.run('UPDATE records SET content_rec = NULL WHERE content_rec IN (SELECT rec_id FROM records WHERE file_id = $id) AND file_id <> $id', { id: fileId });
}
