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
import { ClickHouseStore, type ClickHouseOptions } from './engines/clickhouse/index.js';
import type { Store } from './engines/engine.js';
import { initSchema } from './store/index.js';
import { ingestToSink, type SinkIngestOptions, type SinkIngestSummary } from './store/ingest-to-sink.js';
import { dropFacts } from './store/ship-facts.js';
import { UserError } from './model/errors.js';

export { ingestFiles, dbTotals, type IngestOptions, type IngestSummary } from './store/index.js';
export { hires, parseDims, HIRE_DIMS, type HiresRow, type HiresQuery, type HireDim } from './metrics/hires.js';
export { selectCohorts, DEFAULT_COHORTS } from './metrics/cohort-selection.js';
export type { Store } from './engines/engine.js';
// the metric suite (docs/metrics.md): every figure with its interval, small cells suppressed
export { trend, trendSql, TREND_FIGURES, WEIGHTED_FIGURES, type TrendOptions, type TrendResult, type TrendRow, type TrendFigure, type TrendQuery } from './metrics/trend.js';
export { hiresWithStats, hiresPatternSql, type HiresStats, type HiresStatRow, type HiresStatResult } from './metrics/hires-stats.js';
export { buildWeights, readOfficialTotals, personWeightsSql, type WeightSpec } from './metrics/weights.js';
export { postStratify, DEFAULT_TRIM, type PostStratification, type Stratum } from './analyze/post-stratify.js';
export { retention, retentionSql, DEFAULT_KS, type RetentionOptions, type RetentionResult, type RetentionRow, type RetentionQuery, type RetentionDim } from './metrics/retention.js';
export { flows, flowsSql, FLOW_WINDOW, type FlowsOptions, type FlowsResult, type FlowRow, type FlowRatio, type FlowLevel, type FlowsQuery } from './metrics/flows.js';
export { tenure, tenureSql, TENURE_BUCKETS, type TenureResult, type TenureRow, type TenureQuery } from './metrics/tenure.js';
export { geography, geographySql, type GeographyOptions, type GeographyResult, type GeographyRow, type PlaceLevel, type GeographyQuery } from './metrics/geography.js';
export { GROUP_DIMS, parseGroupDims, type GroupDim, type MetricFilters } from './metrics/metric-scope.js';
export { GRAINS, parseGrain, type Grain } from './metrics/grain.js';
export { wilson, zOf, type Estimate } from './analyze/intervals.js';
export { kaplanMeier, type CurvePoint, type SurvivalCount } from './analyze/kaplan-meier.js';
export { planSuppression, DEFAULT_MIN_CELL, type SuppressionPlan } from './analyze/suppress-cells.js';
export { normalizePlace, type Place } from './resolve/place-normalize.js';

export { parseShard, type SinkIngestOptions, type SinkIngestSummary } from './store/ingest-to-sink.js';
export { ClickHouseStore, type ClickHouseOptions } from './engines/clickhouse/index.js';

/**
 * Connect to ClickHouse (`http://HOST:8123[/db]`, or `chdb:[PATH]` in-process) for queries or a
 * cluster ingest. With `cluster`, fact tables are sharded over that `remote_servers` cluster.
 */
export async function openClickHouse(url: string, options: ClickHouseOptions = {}): Promise<ClickHouseStore> {
  return ClickHouseStore.connect(url, options);
}

/**
 * Ingest into ClickHouse: this worker's share of `paths` is read and derived in an embedded
 * engine (in memory, or `localDb`), then shipped; `reset` drops the ClickHouse tables first.
 * With `snapshot`, `localDb` (the CLI's `--state`) is required: it keeps the history between
 * snapshots, so a later snapshot derives incrementally and ships only the people who changed
 * (docs/snapshots.md).
 * @example await ingestToClickHouse(await openClickHouse('http://ch:8123', { cluster: 'talentflow' }), ['world/'], { now: '2025-06-30', shard: { index: 0, count: 4 } })
 */
export async function ingestToClickHouse(
  sink: ClickHouseStore,
  paths: string[],
  options: SinkIngestOptions & { reset?: boolean; localDb?: string; threads?: number; memoryLimit?: string },
): Promise<SinkIngestSummary> {
  if (options.snapshot !== undefined && !options.localDb) {
    throw new UserError('missing --state: a snapshot ingest into ClickHouse keeps its worker database between snapshots', 'usage', 'give localDb (--state FILE)');
  }
  if (options.reset) await dropFacts(sink);
  const local = await openDatabase(options.localDb ?? ':memory:', { threads: options.threads, memoryLimit: options.memoryLimit });
  try {
    return await ingestToSink(sink, local, paths, options);
  } finally {
    await local.close();
  }
}

/** Open (or create) a talentflow database file on the embedded engine; `:memory:` for a throwaway one. */
export async function openDatabase(path: string, options: DuckDBOptions = {}): Promise<Store> {
  const store = await DuckDBStore.open(path, options);
  await initSchema(store);
  return store;
}
