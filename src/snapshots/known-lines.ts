/**
 * Lines a snapshot repeats byte for byte. A release re-states most profiles unchanged: a line
 * equal to a stored record's line (same hash of its text) is that record again — same person,
 * content and update date — so it is not parsed. The file is loaded from a copy in which those
 * lines read as an empty record (line numbers kept, the parser skims them), and their records are written
 * from the record they repeat, sharing its content (`records.content_rec`).
 *
 * Every record loaded in snapshot mode keeps the hash of its line (`record_hashes.line_hash`).
 * Only files whose lines can be written back exactly are copied (uncompressed, the lines' bytes
 * adding up to the file's size); any other file is parsed whole. Formats that carry their own
 * line numbers (converted files) are always parsed whole.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Store } from '../engines/engine.js';
import { BLANK_LINE } from '../sources/json-lines-sql.js';

/** Lines and blank lines of the file just hashed (the copy has the same). */
export const LINE_COUNTS_SQL = 'SELECT count(*) AS lines, count(*) FILTER (WHERE blank) AS blank FROM stage_line_hash';

/** `record_hashes.line_hash`, on databases made before it. */
export const LINE_HASH_COLUMN_SQL = 'ALTER TABLE record_hashes ADD COLUMN IF NOT EXISTS line_hash UBIGINT';

/**
 * Hash every line of `source` (`stage_line_hash(line_hash, bytes, blank)`, rowid = line − 1); with `share`, find the lines
 * a stored record has (`stage_known(rid, prev)`) and return a copy of the file, written in
 * `dir`, where they read `placeholder` — or null (and no known lines) when there are none or the
 * file cannot be copied exactly.
 */
export async function stageKnownLines(
  store: Store, path: string, source: string, share: boolean, placeholder: string, dir: () => Promise<string>,
): Promise<string | null> {
  // rowid = line − 1 (insertion order is line order, as for stage_raw)
  await store.run(`CREATE OR REPLACE TEMP TABLE stage_line_hash AS SELECT hash(line) AS line_hash, strlen(line) AS bytes, ${BLANK_LINE} AS blank FROM ${source}`);
  await store.run('CREATE OR REPLACE TEMP TABLE stage_known (rid BIGINT, prev BIGINT)');
  if (!share || /\.gz$/i.test(path)) return null;
  const [exact] = await store.all<{ bytes: number; lines: number }>('SELECT sum(coalesce(bytes, 0) + 1) AS bytes, count(*) AS lines FROM stage_line_hash');
  if (!exact || exact.bytes !== (await stat(path)).size) return null;
  await store.run(`INSERT INTO stage_known
SELECT l.rowid, max(h.rec_id) FROM stage_line_hash l JOIN record_hashes h ON h.line_hash = l.line_hash WHERE NOT l.blank GROUP BY l.rowid`);
  const [known] = await store.all<{ n: number }>('SELECT count(*) AS n FROM stage_known');
  if (!known?.n) return null;
  const rids = await store.all<{ rid: number }>('SELECT rid FROM stage_known');
  const marks = new Uint8Array(exact.lines);
  for (const { rid } of rids) marks[rid] = 1;
  const copy = join(await dir(), 'known-lines.jsonl');
  // the engine's lines and ours must be the same lines (a lone CR could split them differently)
  if ((await writeWithPlaceholders(path, copy, marks, placeholder)) === exact.lines) return copy;
  await store.run('DELETE FROM stage_known');
  return null;
}

/** Copy `from` to `to` line for line, a marked line replaced by `placeholder`; the line count. */
async function writeWithPlaceholders(from: string, to: string, marks: Uint8Array, placeholder: string): Promise<number> {
  const out = createWriteStream(to);
  const put = async (b: Buffer) => {
    if (!out.write(b)) await once(out, 'drain');
  };
  const stand = Buffer.from(placeholder + '\n');
  let line = 0;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const parts: Buffer[] = []; // one write per chunk
    let start = 0; // the first byte not yet taken
    let at = 0;
    for (let nl = buf.indexOf(10, at); nl !== -1; nl = buf.indexOf(10, at)) {
      if (marks[line] === 1) {
        if (at > start) parts.push(buf.subarray(start, at));
        parts.push(stand);
        start = nl + 1;
      }
      at = nl + 1;
      line++;
    }
    if (at > start) parts.push(buf.subarray(start, at));
    await put(Buffer.concat(parts));
    carry = buf.subarray(at);
  }
  if (carry.length) {
    await put(marks[line] === 1 ? stand.subarray(0, stand.length - 1) : carry);
    line++;
  }
  out.end();
  await once(out, 'close');
  return line;
}

/** The records of the known lines, each a copy of the record it repeats (new id, file and line),
 *  sharing its content; and every accepted record's hashes. */
export async function insertKnownRecords(store: Store, params: { rec_base: number; file_id: number }): Promise<void> {
  await store.run(
    `INSERT INTO records
SELECT $rec_base + k.rid, $file_id, k.rid + 1, p.person_key, p.linkedin_slug, p.name, p.location, p.updated_m, coalesce(p.content_rec, p.rec_id)
FROM stage_known k JOIN records p ON p.rec_id = k.prev ORDER BY k.rid`,
    params,
  );
  await store.run(
    `INSERT INTO record_hashes
SELECT $rec_base + k.rid, h.content_hash, h.line_hash FROM stage_known k JOIN record_hashes h ON h.rec_id = k.prev`,
    { rec_base: params.rec_base },
  );
}
