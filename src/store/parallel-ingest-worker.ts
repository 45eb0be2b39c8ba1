/**
 * One parallel-ingest worker (a worker thread): reads its share of the inputs into the raw tables
 * of its own DuckDB file (parse, validate, quarantine), and reports per input
 * the local file id and record-id range, so the main thread can merge them in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBStore } from '../engines/duckdb/index.js';
import { STAGE_MACROS } from '../sources/json-lines-sql.js';
import { initSchema } from './init-schema.js';
import { loadUnit, registerFile, type Unit } from './ingest-files.js';
import type { LoadCounts } from './load-json-lines.js';
import type { WorkerMessage } from './worker-thread.js';

export interface WorkerTask {
  dbPath: string;
  units: (Unit & { order: number })[];
  asOf: number;
  now: string;
  threads: number;
  memoryLimit?: string;
}

export interface WorkerUnitResult {
  order: number;
  localFileId: number;
  /** The input's records have local ids in [localBase, localEnd). */
  localBase: number;
  localEnd: number;
  counts: LoadCounts;
}

const task = workerData as WorkerTask;
const store = await DuckDBStore.open(task.dbPath, { threads: task.threads, memoryLimit: task.memoryLimit });
try {
  await initSchema(store);
  await store.run(STAGE_MACROS);
  const results: WorkerUnitResult[] = [];
  for (const unit of task.units) {
    const localFileId = await registerFile(store, unit.path, unit.format, task.asOf, task.now);
    const next = async () => (await store.all<{ b: number }>('SELECT coalesce(max(rec_id) + 1, 0) AS b FROM records'))[0]?.b ?? 0;
    const localBase = await next();
    const counts = await loadUnit(store, unit, localFileId);
    results.push({ order: unit.order, localFileId, localBase, localEnd: await next(), counts });
    parentPort?.postMessage({ kind: 'progress' } satisfies WorkerMessage<never>);
  }
  parentPort?.postMessage({ kind: 'done', result: results } satisfies WorkerMessage<WorkerUnitResult[]>);
} finally {
  await store.close();
}
