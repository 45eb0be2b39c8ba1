/**
 * The typed TypeScript API: open a database, ingest files, query hires. The CLI is a thin layer
 * over these.
 *
 * @example
 * const db = await openDatabase('talentflow.duckdb');
 * await ingestFiles(db, ['people.jsonl.gz'], { now: '2025-06-30' });
 * const { rows } = await hires(db, { by: ['cohort', 'year'] }, selectCohorts('bigtech15'));
 */
import { DuckDBStore, type DuckDBOptions } from './engines/duckdb/index.js';
import type { Store } from './engines/engine.js';
import { initSchema } from './store/index.js';

export { ingestFiles, dbTotals, type IngestOptions, type IngestSummary } from './store/index.js';
export { hires, parseDims, HIRE_DIMS, type HiresRow, type HiresQuery, type HireDim } from './metrics/hires.js';
export { selectCohorts, DEFAULT_COHORTS } from './metrics/cohort-selection.js';
export type { Store } from './engines/engine.js';

/** Open (or create) a talentflow database file on the embedded engine; `:memory:` for a throwaway one. */
export async function openDatabase(path: string, options: DuckDBOptions = {}): Promise<Store> {
  const store = await DuckDBStore.open(path, options);
  await initSchema(store);
  return store;
}
