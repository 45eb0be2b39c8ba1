/**
 * Ingest: read input files of any known format into the raw tables, then rebuild the derived
 * tables. PDL and canonical JSONL are parsed in the engine; every other format is read by its
 * TypeScript reader into a canonical JSONL file that the engine then loads the same way.
 * Re-ingesting a path replaces what it contributed before (idempotent).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Store } from '../engines/engine.js';
import { derive, type DeriveStats } from '../derive/index.js';
import { UserError } from '../model/errors.js';
import { resolutionEntries, type RegistryEntry } from '../resolve/index.js';
import { ensureRegistry } from './company-import.js';
import { ingestCohorts } from './company-cohort-files.js';
import { canonicalFormat } from '../sources/canonical-sql.js';
import { STAGE_MACROS, type JsonLinesFormat } from '../sources/json-lines-sql.js';
import { pdlFormat } from '../sources/pdl-sql.js';
import { FORMAT_NAMES, readerFor, sniffFormat, type FormatName, type ReadableFormat } from '../sources/index.js';
import { inputFiles } from '../sources/input-files.js';
import { loadJsonLines, sumCounts, type LoadCounts, type LoadTarget } from './load-json-lines.js';
import { writeCanonical } from './write-canonical.js';
import { readInputs } from './read-inputs.js';
import { runWorker } from './worker-thread.js';
import type { CanonicalTask } from './canonical-worker.js';
import type { Reject } from '../model/profile.js';
import { dbTotals, type DbTotals } from './totals.js';
import { parseSnapshotDate, releaseSharedContent, type ChangeUpdate } from '../snapshots/index.js';
import { deriveFingerprint, incrementalBase } from '../snapshots/incremental-derive.js';
import { RECORD_HASHES_SQL } from '../snapshots/record-hash.js';
import { LINE_HASH_COLUMN_SQL } from '../snapshots/known-lines.js';
import { referenceVersion } from './reference-store.js';
import { checkpointAfterDerive } from '../snapshots/deferred-merge.js';

export interface IngestOptions {
  /** A format name, or `auto` (default) to sniff each input. */
  format?: FormatName | 'auto';
  /** Extra cohort files whose companies join the registry used to resolve employers. */
  cohortFiles?: string[];
  /** "Now" for this run (YYYY-MM-DD): the as-of date of profiles that state no update date. */
  now: string;
  progress?: (message: string) => void;
  /** The snapshot (YYYY-MM-DD) these files are; absent = no snapshot tracking (docs/snapshots.md). */
  snapshot?: string;
  /** Readers staging inputs at once (default 1; a snapshot takes 1): src/store/read-inputs.ts. */
  workers?: number;
}

export interface FileSummary extends LoadCounts {
  path: string;
  format: FormatName;
}

export interface IngestSummary extends LoadCounts {
  files: FileSummary[];
  /** Totals of the whole database after this ingest. */
  database: DbTotals;
  derive: DeriveStats;
  /** Change events this ingest recorded (snapshot mode only). */
  changes?: ChangeUpdate;
}

const JSON_LINES: Partial<Record<FormatName, JsonLinesFormat>> = { pdl: pdlFormat, canonical: canonicalFormat };
const JSON_LINES_FILES = /\.(jsonl|ndjson)(\.gz)?$/i;
const FOLDER_FORMATS: readonly FormatName[] = ['techbios', 'scraped'];

export async function ingestFiles(store: Store, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  return withOneCheckpoint(store, () => ingest(store, paths, options));
}

/**
 * Run the ingest with the engine's automatic checkpoints (one at each 16 MB of log) held back,
 * then checkpoint once. An ingest commits many statements; each automatic checkpoint rewrote the
 * same tables' last row groups and vacuumed again (a second snapshot of 200k people: 20.1 s with
 * them, 17.7 s with one checkpoint at the end, that checkpoint included). After an incremental
 * derive that checkpoint defers merging row groups (src/snapshots/deferred-merge.ts).
 */
async function withOneCheckpoint(store: Store, f: () => Promise<IngestSummary>): Promise<IngestSummary> {
  const [row] = await store.all<{ v: string }>("SELECT current_setting('checkpoint_threshold') AS v");
  await store.run("SET checkpoint_threshold = '1TB'");
  try {
    const result = await f();
    await checkpointAfterDerive(store, { rebuilt: result.derive.incremental?.rebuilt ?? null, people: result.database.people });
    return result;
  } finally {
    await store.run(`SET checkpoint_threshold = '${row!.v.replaceAll("'", "")}'`);
  }
}

async function ingest(store: Store, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const say = options.progress ?? (() => {});
  const format = options.format ?? 'auto';
  if (format !== 'auto' && !FORMAT_NAMES.includes(format)) {
    throw new UserError(`unknown format: ${format}`, 'usage', `formats: auto, ${FORMAT_NAMES.join(', ')}`);
  }
  const registry = await ingestRegistry(store, options);
  await store.run(STAGE_MACROS);
  const asOf = monthIndexOf(options.now);
  const snapshot = options.snapshot === undefined ? null : parseSnapshotDate(options.snapshot);

  const units = await planUnits(paths, format);
  // a later snapshot of a database derived through its last record derives only what changed
  // (a replaced file has its own snapshot, never a later one: it derives in full)
  const base = snapshot === null ? null : await incrementalBase(store, snapshot, deriveFingerprint(registry, await referenceVersion(store)));
  if (snapshot !== null) {
    await store.run(RECORD_HASHES_SQL);
    await store.run(LINE_HASH_COLUMN_SQL);
  }
  // a snapshot reads one input after the other: an input's known lines are those stored before it
  const readers = snapshot === null ? Math.max(1, Math.min(options.workers ?? 1, units.length)) : 1;
  let read = 0;
  const files = await readInputs(store, units.length, readers, async (reader, k, turn): Promise<FileSummary> => {
    const unit = units[k]!;
    if (reader !== store) await reader.run(STAGE_MACROS);
    say(`reading ${k + 1}/${units.length} ${unit.path} (${unit.format})`);
    let registered: Promise<number> | undefined;
    const fileId = () => (registered ??= turn().then(() => registerFile(reader, unit.path, unit.format, asOf, options.now, snapshot)));
    if (readers === 1) await fileId();
    const counts = await loadUnit(reader, unit, fileId, snapshot === null ? undefined : { share: base !== null }, readers > 1);
    await reader.run(
      `UPDATE files SET records_read = $r, accepted = $a, quarantined = $q, blank_lines = $b WHERE file_id = $id`,
      { r: counts.records_read, a: counts.accepted, q: counts.quarantined, b: counts.blank_lines, id: await fileId() },
    );
    if (readers > 1) say(`read ${++read}/${units.length} inputs`);
    return { path: unit.path, format: unit.format, ...counts };
  });
  const { changes, ...stats } = await derive(store, registry, say, { incrementalFrom: base });
  const total = sumCounts(files);
  return { ...total, files, database: await dbTotals(store), derive: stats, ...(changes ? { changes } : {}) };
}

/** The entries employers resolve against: the stored company registry (seeded with the shipped
 *  one) outranks the cohorts' aliases (built-in cohorts and `options.cohortFiles`, recorded for
 *  later re-derives: src/store/company-cohort-files.ts). */
export async function ingestRegistry(store: Store, options: IngestOptions): Promise<RegistryEntry[]> {
  return resolutionEntries(await ensureRegistry(store, options.now), await ingestCohorts(store, options.cohortFiles ?? []));
}

/** One input loaded at a time: a file, or a folder of a folder format. */
export interface Unit {
  path: string;
  format: FormatName;
}

/** Each input path as the units that load one at a time: a folder format (techbios, scraped) is
 *  one unit; any other folder is its JSON-lines files (shards), each sniffed on its own. */
export async function planUnits(paths: string[], format: FormatName | 'auto'): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const p of paths.map((x) => resolve(x))) {
    if (!existsSync(p)) throw new UserError(`unknown file: ${p}`, 'file_not_found', 'check the path', { file: p });
    if ((await stat(p)).isDirectory() && !FOLDER_FORMATS.includes(format as FormatName)) {
      const folder = format === 'auto' ? await sniffFormat(p).catch(() => undefined) : undefined;
      if (folder && FOLDER_FORMATS.includes(folder)) {
        units.push({ path: p, format: folder });
        continue;
      }
      const files = await inputFiles(p, JSON_LINES_FILES, format === 'auto' ? 'JSON lines' : format);
      for (const file of files) units.push({ path: file, format: format === 'auto' ? await sniffFormat(file) : format });
    } else {
      units.push({ path: p, format: format === 'auto' ? await sniffFormat(p) : format });
    }
  }
  return units;
}

/** Load one input. A format read in TypeScript is converted to canonical JSONL first, on a worker
 *  thread with `inWorker` (concurrent readers), and its rejects are quarantined with the rest. */
export async function loadUnit(store: Store, unit: Unit, fileId: () => Promise<number>, content?: LoadTarget['content'], inWorker = false): Promise<LoadCounts> {
  const sql = JSON_LINES[unit.format];
  if (sql) return loadJsonLines(store, sql, unit.path, { fileId, fileLabel: unit.path, idPrefix: '', content });
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-'));
  try {
    const tmp = join(dir, 'canonical.jsonl');
    const format = unit.format as ReadableFormat;
    const rejects = inWorker
      ? await runWorker<Reject[]>('canonical-worker', { format, path: unit.path, out: tmp } satisfies CanonicalTask)
      : await writeCanonical(readerFor(format)(unit.path), tmp);
    const counts = await loadJsonLines(store, canonicalFormat, tmp, { fileId, fileLabel: unit.path, idPrefix: `${unit.format}:`, content });
    if (rejects.length) {
      const id = await fileId();
      await store.append(
        'quarantine',
        ['file_id', 'file', 'line', 'reason', 'detail', 'raw'],
        rejects.map((r) => [id, r.file, r.line, r.reason, r.detail, r.raw ?? null]),
      );
    }
    for (const r of rejects) counts.reasons[r.reason] = (counts.reasons[r.reason] ?? 0) + 1;
    counts.quarantined += rejects.length;
    counts.records_read += rejects.length;
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The file's id; a path ingested before is replaced: its records and rejects are removed. A
 *  path keeps its snapshot: the same path as another snapshot is refused (one file per release). */
export async function registerFile(store: Store, path: string, format: FormatName, asOf: number, now: string, snapshot: string | null = null): Promise<number> {
  const size = (await stat(path)).size;
  const [old] = await store.all<{ file_id: number; snapshot: string | null }>('SELECT file_id, snapshot FROM files WHERE path = $path', { path });
  if (old && old.snapshot !== snapshot) {
    throw new UserError(`invalid --snapshot: ${snapshot ?? '(none)'} for ${path}, ingested before as snapshot ${old.snapshot ?? '(none)'}`, 'usage',
      'each snapshot is its own file: copy a release to a new path, or re-ingest it with its own snapshot date');
  }
  if (old) {
    const id = { id: old.file_id };
    await releaseSharedContent(store, old.file_id);
    await store.run('DELETE FROM record_positions WHERE rec_id IN (SELECT rec_id FROM records WHERE file_id = $id)', id);
    await store.run('DELETE FROM record_educations WHERE rec_id IN (SELECT rec_id FROM records WHERE file_id = $id)', id);
    await store.run('DELETE FROM records WHERE file_id = $id', id);
    await store.run('DELETE FROM quarantine WHERE file_id = $id', id);
    await store.run('UPDATE files SET format = $format, size = $size, as_of_m = $asOf, ingested_at = $now WHERE file_id = $id', {
      ...id, format, size, asOf, now,
    });
    return old.file_id;
  }
  const [next] = await store.all<{ id: number }>('SELECT coalesce(max(file_id) + 1, 1) AS id FROM files');
  const fileId = next?.id ?? 1;
  await store.run(
    `INSERT INTO files (file_id, path, format, size, as_of_m, records_read, accepted, quarantined, blank_lines, ingested_at, snapshot)
     VALUES ($id, $path, $format, $size, $asOf, 0, 0, 0, 0, $now, $snapshot)`,
    { id: fileId, path, format, size, asOf, now, snapshot },
  );
  return fileId;
}

export function monthIndexOf(date: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) throw new UserError(`invalid date: ${date}`, 'usage', 'dates are YYYY-MM-DD');
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}
