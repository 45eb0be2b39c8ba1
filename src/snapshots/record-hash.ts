/**
 * A content hash per record, computed in the engine at load: its positions and degrees (every
 * field, in list order) and its location. A person whose record in snapshot t+1 hashes as in
 * snapshot t is unchanged: incremental derive and change detection skip them with one integer
 * comparison. Rows are hashed one by one and combined per record with `bit_xor` (the list index
 * is part of each row's hash, so order counts): a grouping over integers, no string building.
 */
import type { Store } from '../engines/engine.js';

/** Create `record_hashes(rec_id, content_hash)` when missing. */
export const RECORD_HASHES_SQL = 'CREATE TABLE IF NOT EXISTS record_hashes (rec_id BIGINT, content_hash UBIGINT)';

const POSITION = ['idx', 'company', 'company_domain', 'company_linkedin', 'title', 'start_m', 'start_prec', 'end_m', 'end_prec', 'current', 'location'];
const EDUCATION = ['idx', 'school', 'degree', 'start_m', 'start_prec', 'end_m', 'end_prec'];

/** Hash the records of one file (just loaded). */
export async function hashFileRecords(store: Store, fileId: number): Promise<void> {
  await store.run(RECORD_HASHES_SQL);
  // ids freed by a replaced file are reused by the next load: drop what they hashed to before
  await store.run('DELETE FROM record_hashes WHERE rec_id >= (SELECT min(rec_id) FROM records WHERE file_id = $id)', { id: fileId });
  const rows = (table: string, cols: string[]) =>
    `SELECT t.rec_id, bit_xor(hash(${cols.map((c) => `t.${c}`).join(', ')})) AS h, count(*) AS n
     FROM ${table} t WHERE t.rec_id BETWEEN (SELECT min(rec_id) FROM r) AND (SELECT max(rec_id) FROM r) GROUP BY t.rec_id`;
  await store.run(
    `INSERT INTO record_hashes
WITH r AS (SELECT rec_id, location FROM records WHERE file_id = $id),
p AS (${rows('record_positions', POSITION)}),
e AS (${rows('record_educations', EDUCATION)})
SELECT r.rec_id, hash(r.location, p.h, p.n, e.h, e.n)
FROM r LEFT JOIN p ON p.rec_id = r.rec_id LEFT JOIN e ON e.rec_id = r.rec_id`,
    { id: fileId },
  );
}
