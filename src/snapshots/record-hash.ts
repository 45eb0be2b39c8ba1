/**
 * A content hash per record, computed in the engine at load: the normalized position list,
 * degree list and location. A person whose record in snapshot t+1 hashes as in snapshot t is
 * unchanged, and change detection skips them with one integer comparison.
 */
import type { Store } from '../engines/engine.js';

const NORM = (c: string) => `coalesce(lower(trim(${c})), '')`;
const INT = (c: string) => `coalesce(${c}::VARCHAR, '')`;

/** Create `record_hashes(rec_id, content_hash)` when missing. */
export const RECORD_HASHES_SQL = 'CREATE TABLE IF NOT EXISTS record_hashes (rec_id BIGINT, content_hash UBIGINT)';

/** Hash the records of one file (just loaded); positions are ordered by start, not by list
 *  position, so a reordered profile is unchanged. */
export async function hashFileRecords(store: Store, fileId: number): Promise<void> {
  const pos = ['company', 'company_domain', 'company_linkedin', 'title', 'location'].map((c) => NORM(`rp.${c}`))
    .concat(['start_m', 'start_prec', 'end_m', 'end_prec'].map((c) => INT(`rp.${c}`)));
  const edu = ['school', 'degree'].map((c) => NORM(`re.${c}`)).concat(['start_m', 'start_prec', 'end_m', 'end_prec'].map((c) => INT(`re.${c}`)));
  await store.run(RECORD_HASHES_SQL);
  // ids freed by a replaced file are reused by the next load: drop what they hashed to before
  await store.run('DELETE FROM record_hashes WHERE rec_id IN (SELECT rec_id FROM records WHERE file_id = $id)', { id: fileId });
  await store.run(
    `INSERT INTO record_hashes
WITH r AS (SELECT rec_id, location FROM records WHERE file_id = $id),
p AS (SELECT rp.rec_id, string_agg(concat_ws('|', ${pos.join(', ')}), chr(10) ORDER BY rp.start_m, ${pos.join(', ')}) AS h
      FROM record_positions rp JOIN r ON r.rec_id = rp.rec_id GROUP BY rp.rec_id),
e AS (SELECT re.rec_id, string_agg(concat_ws('|', ${edu.join(', ')}), chr(10) ORDER BY ${edu.join(', ')}) AS h
      FROM record_educations re JOIN r ON r.rec_id = re.rec_id GROUP BY re.rec_id)
SELECT r.rec_id, hash(${NORM('r.location')}, coalesce(p.h, ''), coalesce(e.h, ''))
FROM r LEFT JOIN p ON p.rec_id = r.rec_id LEFT JOIN e ON e.rec_id = r.rec_id`,
    { id: fileId },
  );
}
