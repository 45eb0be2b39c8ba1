/**
 * `ingest --workers N` on one machine, in two parallel phases:
 *
 * 1. reading: the inputs are shared out to N worker threads, each reading its share into the
 *    raw tables of its own DuckDB (parsing, validation and quarantine in parallel); the main
 *    thread then merges the raw tables in input order — file ids and record ids exactly as one
 *    worker would have given them;
 * 2. deriving: people and the resolution maps once in the main database, then the per-person
 *    tables by N workers, each over its shard of the people (shard-derive.ts).
 *
 * The result equals the single-worker ingest row for row, duplicates across shares included.
 * A database holding snapshots (docs/snapshots.md) derives on the single path.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../engines/engine.js';
import { derive } from '../derive/index.js';
import { hasSnapshots } from '../snapshots/index.js';
import { ingestRegistry, monthIndexOf, planUnits, registerFile, type IngestOptions, type IngestSummary, type FileSummary, type Unit } from './ingest-files.js';
import { sumCounts } from './load-json-lines.js';
import { dbTotals } from './totals.js';
import { deriveSharded } from './shard-derive.js';
import { runWorker } from './worker-thread.js';
import type { WorkerTask, WorkerUnitResult } from './parallel-ingest-worker.js';

export interface ParallelOptions extends IngestOptions {
  /** Worker threads (default 2). */
  workers?: number;
  /** Engine threads of each worker (default 1). */
  workerThreads?: number;
  /** Memory limit of each worker's engine (e.g. `512MB`). */
  workerMemoryLimit?: string;
}

/** Ingest `paths` with N parallel readers; same result as `ingestFiles`. */
export async function ingestParallel(store: Store, paths: string[], options: ParallelOptions): Promise<IngestSummary> {
  const say = options.progress ?? (() => {});
  const registry = await ingestRegistry(store, options);
  const asOf = monthIndexOf(options.now);
  const units = (await planUnits(paths, options.format ?? 'auto')).map((u, order) => ({ ...u, order }));
  const shares = await shareOut(units, Math.max(1, Math.min(options.workers ?? 2, units.length)));
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-workers-'));
  try {
    let done = 0;
    const results = await Promise.all(
      shares.map((share, w) =>
        runWorker<WorkerUnitResult[]>(
          'parallel-ingest-worker',
          { dbPath: join(dir, `w${w}.duckdb`), units: share, asOf, now: options.now, threads: options.workerThreads ?? 1, memoryLimit: options.workerMemoryLimit } satisfies WorkerTask,
          () => say(`read ${++done}/${units.length} inputs`),
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
    const shards = { shards: Math.max(1, options.workers ?? 2), dir, threads: options.workerThreads, memoryLimit: options.workerMemoryLimit };
    const stats = (await hasSnapshots(store)) ? await derive(store, registry, say) : await deriveSharded(store, registry, shards, say);
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

/** Copy one input's rows from a worker's tables: record ids rebased onto this database's next id
 *  (as `loadJsonLines` numbers them), file id this database's. The input's records are a range
 *  of the worker's ids, which the engine's zone maps find without reading the rest. */
async function mergeUnit(store: Store, w: string, r: WorkerUnitResult, fileId: number): Promise<void> {
  const [b] = await store.all<{ b: number }>('SELECT coalesce(max(rec_id) + 1, 0) AS b FROM records');
  const p = { shift: (b?.b ?? 0) - r.localBase, lo: r.localBase, hi: r.localEnd };
  const mine = 'WHERE rec_id >= $lo AND rec_id < $hi';
  await store.run(`INSERT INTO records SELECT * REPLACE (rec_id + $shift AS rec_id, $fid AS file_id) FROM ${w}.records ${mine}`, { ...p, fid: fileId });
  await store.run(`INSERT INTO record_positions SELECT * REPLACE (rec_id + $shift AS rec_id) FROM ${w}.record_positions ${mine}`, p);
  await store.run(`INSERT INTO record_educations SELECT * REPLACE (rec_id + $shift AS rec_id) FROM ${w}.record_educations ${mine}`, p);
  await store.run(`INSERT INTO quarantine SELECT * REPLACE ($fid AS file_id) FROM ${w}.quarantine WHERE file_id = $lf`, { fid: fileId, lf: r.localFileId });
  const c = r.counts;
  await store.run('UPDATE files SET records_read = $r, accepted = $a, quarantined = $q, blank_lines = $bl WHERE file_id = $id', {
    r: c.records_read, a: c.accepted, q: c.quarantined, bl: c.blank_lines, id: fileId,
  });
}
