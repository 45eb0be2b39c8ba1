/**
 * `ingest --workers N` on one machine: the inputs are shared out to N worker threads, each
 * reading its share into the raw tables of its own DuckDB (parsing, validation and quarantine
 * run in parallel, one engine thread each); the main thread then merges the raw tables in input
 * order — file ids and record ids exactly as one worker would have given them — and derives
 * once (dedupe, resolution, hires) over everything. The result equals the single-worker ingest
 * row for row, duplicates across shares included.
 */
import { Worker } from 'node:worker_threads';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../engines/engine.js';
import { derive } from '../derive/index.js';
import { builtinCohortFiles, loadCohortFiles, resolutionEntries } from '../resolve/index.js';
import { ensureRegistry } from './company-import.js';
import { monthIndexOf, planUnits, registerFile, type IngestOptions, type IngestSummary, type FileSummary, type Unit } from './ingest-files.js';
import { sumCounts, type LoadCounts } from './load-json-lines.js';
import { dbTotals } from './totals.js';
import type { WorkerTask, WorkerUnitResult } from './parallel-ingest-worker.js';

export interface ParallelOptions extends IngestOptions {
  /** Worker threads (default 2). */
  workers?: number;
  /** Memory limit of each worker's engine (e.g. `512MB`). */
  workerMemoryLimit?: string;
}

/** Ingest `paths` with N parallel readers; same result as `ingestFiles`. */
export async function ingestParallel(store: Store, paths: string[], options: ParallelOptions): Promise<IngestSummary> {
  const say = options.progress ?? (() => {});
  const registry = resolutionEntries(await ensureRegistry(store, options.now), loadCohortFiles([...builtinCohortFiles(), ...(options.cohortFiles ?? [])]));
  const asOf = monthIndexOf(options.now);
  const units = (await planUnits(paths, options.format ?? 'auto')).map((u, order) => ({ ...u, order }));
  const shares = await shareOut(units, Math.max(1, Math.min(options.workers ?? 2, units.length)));
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-workers-'));
  try {
    let done = 0;
    const results = await Promise.all(
      shares.map((share, w) =>
        runWorker({ dbPath: join(dir, `w${w}.duckdb`), units: share, asOf, now: options.now, memoryLimit: options.workerMemoryLimit }, () =>
          say(`read ${++done}/${units.length} inputs`),
        ),
      ),
    );
    const byOrder = new Map<number, WorkerUnitResult & { worker: number }>();
    results.forEach((rs, worker) => rs.forEach((r) => byOrder.set(r.order, { ...r, worker })));
    for (let w = 0; w < shares.length; w++) await store.run(`ATTACH '${join(dir, `w${w}.duckdb`)}' AS tf_w${w} (READ_ONLY)`);
    const files: FileSummary[] = [];
    try {
      say('merging the workers\u2019 tables');
      for (const unit of units) {
        const r = byOrder.get(unit.order)!;
        const fileId = await registerFile(store, unit.path, unit.format, asOf, options.now);
        await mergeUnit(store, `tf_w${r.worker}`, r, fileId);
        files.push({ path: unit.path, format: unit.format, ...r.counts });
      }
    } finally {
      for (let w = 0; w < shares.length; w++) await store.run(`DETACH tf_w${w}`);
    }
    const stats = await derive(store, registry, say);
    const total = sumCounts(files);
    return { ...total, files, database: await dbTotals(store), derive: stats };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Inputs to workers, largest first to the least loaded (by bytes). */
async function shareOut(units: (Unit & { order: number })[], n: number): Promise<(Unit & { order: number })[][]> {
  const sized = await Promise.all(units.map(async (u) => ({ u, size: (await stat(u.path)).size })));
  sized.sort((a, b) => b.size - a.size || a.u.order - b.u.order);
  const shares = Array.from({ length: n }, () => ({ units: [] as (Unit & { order: number })[], bytes: 0 }));
  for (const { u, size } of sized) {
    const least = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.units.push(u);
    least.bytes += size;
  }
  return shares.map((s) => s.units.sort((a, b) => a.order - b.order));
}

/** A worker; from TypeScript sources (tests, tsx) it registers tsx in the worker first (as the
 *  synth workers do). */
function newWorker(task: WorkerTask): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parallel-ingest-worker.js', import.meta.url), { workerData: task });
  const entry = new URL('./parallel-ingest-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: task });
}

function runWorker(task: WorkerTask, onProgress: () => void): Promise<WorkerUnitResult[]> {
  return new Promise((resolve, reject) => {
    const worker = newWorker(task);
    let results: WorkerUnitResult[] | null = null;
    worker.on('message', (m: { kind: 'progress' } | { kind: 'done'; results: WorkerUnitResult[] }) => {
      if (m.kind === 'progress') onProgress();
      else results = m.results;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (results ? resolve(results) : reject(new Error(`ingest worker exited with code ${code}`))));
  });
}

/** Copy one input's rows from a worker's tables: record ids rebased onto this database's next id
 *  (as `loadJsonLines` numbers them), file id this database's. */
async function mergeUnit(store: Store, w: string, r: WorkerUnitResult, fileId: number): Promise<void> {
  const [b] = await store.all<{ b: number }>('SELECT coalesce(max(rec_id) + 1, 0) AS b FROM records');
  const p = { shift: (b?.b ?? 0) - r.localBase, fid: fileId, lf: r.localFileId };
  const mine = `SELECT rec_id FROM ${w}.records WHERE file_id = $lf`;
  await store.run(`INSERT INTO records SELECT * REPLACE (rec_id + $shift AS rec_id, $fid AS file_id) FROM ${w}.records WHERE file_id = $lf`, p);
  const q = { shift: p.shift, lf: p.lf };
  await store.run(`INSERT INTO record_positions SELECT * REPLACE (rec_id + $shift AS rec_id) FROM ${w}.record_positions WHERE rec_id IN (${mine})`, q);
  await store.run(`INSERT INTO record_educations SELECT * REPLACE (rec_id + $shift AS rec_id) FROM ${w}.record_educations WHERE rec_id IN (${mine})`, q);
  await store.run(`INSERT INTO quarantine SELECT * REPLACE ($fid AS file_id) FROM ${w}.quarantine WHERE file_id = $lf`, { fid: fileId, lf: r.localFileId });
  const c = r.counts;
  await store.run('UPDATE files SET records_read = $r, accepted = $a, quarantined = $q, blank_lines = $bl WHERE file_id = $id', {
    r: c.records_read, a: c.accepted, q: c.quarantined, bl: c.blank_lines, id: fileId,
  });
}
