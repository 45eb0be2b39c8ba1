/**
 * Load one JSON-lines file into the raw tables, in the engine: stage, judge every line, append
 * the accepted records and quarantine the rest with file, line, reason and the raw text.
 * Counts always add up: lines = blank + accepted + quarantined.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError, type Store } from '../engines/engine.js';
import { sanitizeLines } from './sanitize-lines.js';
import { stageContentSql } from '../snapshots/record-hash.js';
import { insertKnownRecords, LINE_COUNTS_SQL, stageKnownLines } from '../snapshots/known-lines.js';
import {
  acceptedRecordsSql,
  classifyUntypedSql,
  lineCountsSql,
  lineScanSql,
  lineSql,
  linesSource,
  NO_UNTYPED_SQL,
  STAGE_ROWS_SQL,
  stageEducationsSql,
  stagePositionsSql,
  stageRawFastSql,
  stageRawSql,
  verdictSql,
  wantedLinesSql,
  wrongTypesSql,
  type JsonLinesFormat,
} from '../sources/json-lines-sql.js';

export interface LoadCounts {
  /** Non-blank lines read. */
  records_read: number;
  accepted: number;
  quarantined: number;
  blank_lines: number;
  /** Accepted lines repeating a stored record's line byte for byte (snapshot mode): not parsed. */
  repeated: number;
  /** Reason code → count, for the quarantined. */
  reasons: Record<string, number>;
}

/** Counts of several loads added up. */
export function sumCounts(loads: readonly LoadCounts[]): LoadCounts {
  const total: LoadCounts = { records_read: 0, accepted: 0, quarantined: 0, blank_lines: 0, repeated: 0, reasons: {} };
  for (const f of loads) {
    total.records_read += f.records_read;
    total.accepted += f.accepted;
    total.quarantined += f.quarantined;
    total.blank_lines += f.blank_lines;
    total.repeated += f.repeated;
    for (const [k, v] of Object.entries(f.reasons)) total.reasons[k] = (total.reasons[k] ?? 0) + v;
  }
  return total;
}

export interface LoadTarget {
  /** The file's id, awaited before the first write to a stored table: concurrent readers stage
   *  at once but write in input order (src/store/read-inputs.ts), and an input registers its file
   *  when its turn comes. */
  fileId: () => Promise<number>;
  /** The file named in quarantine rows (the original input, not a converted copy). */
  fileLabel: string;
  /** Prefix for person ids from this format (`techbios:`), empty for formats with global ids. */
  idPrefix: string;
  /** Snapshot mode (`record_hashes` with `line_hash` exists): hash each record's line and
   *  content; with `share`, a line a stored record has is not parsed
   *  (src/snapshots/known-lines.ts) and a record equal to its person's latest version stores no
   *  rows of its own (src/snapshots/record-hash.ts). */
  content?: { share: boolean };
}

/**
 * Load one file. When the engine refuses the file as a whole (invalid UTF-8, an overlong line), it is copied with
 * its bad lines blanked (`sanitizeLines`) and loaded again; those lines are quarantined too.
 */
export async function loadJsonLines(store: Store, format: JsonLinesFormat, path: string, target: LoadTarget): Promise<LoadCounts> {
  try {
    return await loadLines(store, format, path, target);
  } catch (e) {
    if (!(e instanceof StoreError) || !/unicode|utf-8|encod|line size|maximum_line_size|max_line_size/i.test(e.message)) throw e;
  }
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-'));
  try {
    const copy = join(dir, 'sanitized.jsonl');
    const rejects = await sanitizeLines(path, copy, target.fileLabel);
    const counts = await loadLines(store, format, copy, target);
    const fileId = await target.fileId();
    await store.append('quarantine', ['file_id', 'file', 'line', 'reason', 'detail', 'raw'], rejects.map((r) => [fileId, r.file, r.line, r.reason, r.detail, r.raw ?? null]));
    counts.blank_lines -= rejects.length;
    counts.quarantined += rejects.length;
    counts.records_read += rejects.length;
    for (const r of rejects) counts.reasons[r.reason] = (counts.reasons[r.reason] ?? 0) + 1;
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function loadLines(store: Store, format: JsonLinesFormat, path: string, target: LoadTarget): Promise<LoadCounts> {
  let dir: string | null = null;
  try {
    const read = target.content ? await stageLineHashes(store, format, path, target.content.share, async () => (dir ??= await mkdtemp(join(tmpdir(), 'talentflow-')))) : path;
    return await loadStaged(store, format, read, target);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** The line hashes of a snapshot file, and the file to parse: a copy without the lines a stored
 *  record has when there are any (formats numbering their own lines are parsed whole). */
async function stageLineHashes(store: Store, format: JsonLinesFormat, path: string, share: boolean, dir: () => Promise<string>): Promise<string> {
  // a known line reads as a record with an id and empty lists: parsed in passing, never looked at again
  const placeholder = JSON.stringify({ [format.id.replace(/^t\./, '')]: '', [format.positions.field]: [], [format.educations.field]: [] });
  const copy = await stageKnownLines(store, path, linesSource(path), share && format.sourceLine === 'NULL', placeholder, dir);
  return copy ?? path;
}

async function loadStaged(store: Store, format: JsonLinesFormat, path: string, target: LoadTarget): Promise<LoadCounts> {
  const source = linesSource(path);
  const lineCounts = target.content ? LINE_COUNTS_SQL : lineCountsSql(source);
  if (!(await stageFast(store, format, path, source, lineCounts))) await stageByLine(store, format, source);
  await store.run(STAGE_ROWS_SQL);
  await store.run(wrongTypesSql(format));
  await store.run(verdictSql(format));
  if (target.content) await store.run("UPDATE stage_verdict SET reason = 'known', detail = NULL WHERE rid IN (SELECT rid FROM stage_known)");

  const fileId = await target.fileId();
  const [base] = await store.all<{ b: number }>('SELECT coalesce(max(rec_id) + 1, 0) AS b FROM records');
  const params = { rec_base: base?.b ?? 0, file_id: fileId };
  await store.run(`CREATE OR REPLACE TEMP TABLE stage_records AS ${acceptedRecordsSql(target.idPrefix)}`, { file_id: fileId });
  // rows of their own: every accepted record, or (snapshot mode) those not sharing their content
  let own = 'SELECT rid FROM stage_records';
  if (target.content) {
    await store.run(stageContentSql(target.content.share));
    // ids freed by a replaced file are reused by the next load: drop what they hashed to before
    await store.run('DELETE FROM record_hashes WHERE rec_id >= $rec_base', { rec_base: params.rec_base });
    await store.run(
      'INSERT INTO record_hashes SELECT $rec_base + c.rid, c.content_hash, l.line_hash FROM stage_content c JOIN stage_line_hash l ON l.rowid = c.rid',
      { rec_base: params.rec_base },
    );
    own = 'SELECT rid FROM stage_content WHERE content_rec IS NULL';
  }
  await store.run(
    `INSERT INTO records SELECT $rec_base + r.rid AS rec_id, r.* EXCLUDE (rid), ${target.content ? 'c.content_rec' : 'NULL'} AS content_rec
     FROM stage_records r ${target.content ? 'JOIN stage_content c ON c.rid = r.rid' : ''} ORDER BY r.rid`,
    { rec_base: params.rec_base },
  );
  for (const [table, stage, cols] of [
    ['record_positions', 'stage_pos', 'company, company_domain, company_linkedin, title, start_m, start_prec, end_m, end_prec, current, location'],
    ['record_educations', 'stage_edu', 'school, degree, start_m, start_prec, end_m, end_prec'],
  ] as const) {
    await store.run(
      `INSERT INTO ${table} SELECT $rec_base + s.rid, s.idx, ${cols.split(', ').map((c) => `s.${c}`).join(', ')}
       FROM ${stage} s WHERE s.rid IN (${own})`,
      { rec_base: params.rec_base },
    );
  }
  if (target.content) await insertKnownRecords(store, params);
  await quarantineRejects(store, { file_id: fileId, file: target.fileLabel });

  const rows = await store.all<{ reason: string | null; n: number }>(
    'SELECT reason, count(*) AS n FROM stage_verdict GROUP BY reason',
  );
  await store.run('DROP VIEW IF EXISTS stage_rows');
  for (const t of ['stage_line_hash', 'stage_known', 'stage_records', 'stage_content', 'stage_raw', 'stage_pos', 'stage_edu', 'stage_want', 'stage_lines', 'stage_reparsed', 'stage_untyped', 'stage_wrong_types', 'stage_verdict']) {
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  }
  const counts: LoadCounts = { records_read: 0, accepted: 0, quarantined: 0, blank_lines: 0, repeated: 0, reasons: {} };
  for (const { reason, n } of rows) {
    if (reason === 'blank') counts.blank_lines += n;
    else if (reason === null || reason === 'known') {
      counts.accepted += n;
      if (reason === 'known') counts.repeated += n;
    }
    else {
      counts.quarantined += n;
      counts.reasons[reason] = (counts.reasons[reason] ?? 0) + n;
    }
  }
  counts.records_read = counts.accepted + counts.quarantined;
  return counts;
}

/**
 * Stage with `read_json`; false when that reading cannot stand for the file line by line (the
 * reader refused it, or it has blank lines, so row i is not line i + 1).
 */
async function stageFast(store: Store, format: JsonLinesFormat, path: string, source: string, countsSql: string): Promise<boolean> {
  try {
    await store.run(stageRawFastSql(format, path));
  } catch (e) {
    if (e instanceof StoreError) return false;
    throw e;
  }
  const [c] = await store.all<{ lines: number; blank: number }>(countsSql);
  const [r] = await store.all<{ n: number }>('SELECT count(*) AS n FROM stage_raw');
  if (!c || !r || c.blank > 0 || c.lines !== r.n) return false;
  await stageLists(store, format, source);
  for (const sql of classifyUntypedSql(format)) await store.run(sql);
  await store.run(stagePositionsSql(format, 'reparsed'));
  await store.run(stageEducationsSql(format, 'reparsed'));
  return true;
}

/** Stage one row per line with `read_csv` + `json_transform`: slower, takes any file. */
async function stageByLine(store: Store, format: JsonLinesFormat, source: string): Promise<void> {
  await store.run(stageRawSql(format, source));
  await stageLists(store, format, source);
  for (const sql of NO_UNTYPED_SQL) await store.run(sql);
}

/** Positions and educations, then the text of the lines that need a second look. */
async function stageLists(store: Store, format: JsonLinesFormat, source: string): Promise<void> {
  await store.run(stagePositionsSql(format));
  await store.run(stageEducationsSql(format));
  await store.run(wantedLinesSql());
  const [w] = await store.all<{ n: number }>('SELECT count(*) AS n FROM stage_want');
  await store.run(w && w.n > 0 ? lineScanSql(source) : 'CREATE OR REPLACE TEMP TABLE stage_lines (rid BIGINT, line VARCHAR)');
}

/** Rejected lines are listed with file, line, reason and detail; the raw text is kept where the
 *  stage already has it (lines that are not JSON objects). Reading a file twice to fetch the raw
 *  text of the others would cost a second scan: the file and line say where it is. */
async function quarantineRejects(store: Store, params: { file_id: number; file: string }): Promise<void> {
  await store.run(
    `INSERT INTO quarantine
     SELECT $file_id, $file, ${lineSql()}, v.reason, v.detail, r.raw
     FROM stage_verdict v JOIN stage_rows r ON r.rid = v.rid
     WHERE v.reason IS NOT NULL AND v.reason NOT IN ('blank', 'known')`,
    params,
  );
}
