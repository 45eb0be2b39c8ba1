/**
 * One shard-derive worker (a worker thread): in its own DuckDB file, which the main thread
 * filled with a shard of the people (`people`, their `record_positions` and
 * `record_educations`) and the resolution maps, it derives the per-person tables — positions,
 * graduations, stints, hires, spells — with `derive`'s own statements (`perPersonSql`), for the
 * main thread to collect.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBStore } from '../engines/duckdb/index.js';
import { educationsRawSql, positionsRawSql } from '../derive/derive-sql.js';
import { perPersonSql } from '../derive/per-person-sql.js';
import type { WorkerMessage } from './worker-thread.js';

export interface ShardTask {
  dbPath: string;
  threads: number;
  memoryLimit?: string;
}

const task = workerData as ShardTask;
const store = await DuckDBStore.open(task.dbPath, { threads: task.threads, memoryLimit: task.memoryLimit });
try {
  // the raw views over this shard's people (views do not travel between database files)
  await store.run(positionsRawSql());
  await store.run(educationsRawSql());
  for (const { sql } of perPersonSql()) await store.run(sql);
} finally {
  await store.close();
}
parentPort?.postMessage({ kind: 'done', result: null } satisfies WorkerMessage<null>);
