/**
 * One parallel-ingest worker (a worker thread): reads its share of the inputs into the raw tables
 * of its own DuckDB file (parse, validate, quarantine), one engine thread, and reports per input
 * the local file id and record-id base, so the main thread can merge them in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBStore } from '../engines/duckdb/index.js';
import { STAGE_MACROS } from '../sources/json-lines-sql.js';
import { initSchema } from './init-schema.js';
import { loadUnit, registerFile, type Unit } from './ingest-files.js';
import type { LoadCounts } from './load-json-lines.js';

export interface WorkerTask {
  dbPath: string;
  units: (Unit & { order: number })[];
  asOf: number;
  now: string;
  memoryLimit?: string;
}

export interface WorkerUnitResult {
  order: number;
  localFileId: number;
  localBase: number;
  counts: LoadCounts;
}

const task = workerData as WorkerTask;
const store = await DuckDBStore.open(task.dbPath, { threads: 1, memoryLimit: task.memoryLimit });
try {
  await initSchema(store);
  await store.run(STAGE_MACROS);
  const results: WorkerUnitResult[] = [];
  for (const unit of task.units) {
    const localFileId = await registerFile(store, unit.path, unit.format, task.asOf, task.now);
    const [b] = await store.all<{ b: number }>('SELECT coalesce(max(rec_id) + 1, 0) AS b FROM records');
    const counts = await loadUnit(store, unit, localFileId);
    results.push({ order: unit.order, localFileId, localBase: b?.b ?? 0, counts });
    parentPort?.postMessage({ kind: 'progress', path: unit.path });
  }
  parentPort?.postMessage({ kind: 'done', results });
} finally {
  await store.close();
}
