/**
 * One shard-derive worker (a worker thread): in its own DuckDB file, which the main thread
 * filled with a shard of the people (`people`, their `record_positions` and
 * `record_educations`) and the resolution maps, it derives the per-person tables — positions,
 * graduations, stints, hires, spells — with the same SQL as `derive` (src/derive/derive-sql.ts,
 * spells-sql.ts), and reports the tables it made for the main thread to collect.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DuckDBStore } from '../engines/duckdb/index.js';
import { educationsRawSql, graduationsSql, hiresSql, positionsRawSql, positionsSql, stintsSql } from '../derive/derive-sql.js';
import { spellsSql } from '../derive/index.js';
import type { WorkerMessage } from './worker-thread.js';

export interface ShardTask {
  dbPath: string;
  threads: number;
  memoryLimit?: string;
}

export interface ShardResult {
  /** The per-person tables this shard holds, in the order they were derived. */
  tables: string[];
}

/** `derive`'s per-person steps after resolution, in its order, with the table each makes. */
const STEPS: [string | null, string][] = [
  [null, positionsRawSql()],
  [null, educationsRawSql()],
  ['positions', positionsSql()],
  ['graduations', graduationsSql()],
  ['stints', stintsSql()],
  ['hires', hiresSql()],
  ['spells', spellsSql()],
];

const task = workerData as ShardTask;
const store = await DuckDBStore.open(task.dbPath, { threads: task.threads, memoryLimit: task.memoryLimit });
try {
  for (const [, sql] of STEPS) await store.run(sql);
} finally {
  await store.close();
}
const done: WorkerMessage<ShardResult> = { kind: 'done', result: { tables: STEPS.flatMap(([t]) => (t ? [t] : [])) } };
parentPort?.postMessage(done);
