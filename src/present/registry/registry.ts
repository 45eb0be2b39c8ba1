/**
 * The metrics every surface shows, in one list. `runMetric` validates raw parameters and runs an
 * entry; `describeData` is the `/meta` document (definitions, coverage, cohorts, metrics).
 */
import type { Store } from '../../engines/engine.js';
import { DEFINITIONS } from '../../derive/index.js';
import { UserError } from '../../model/errors.js';
import type { MetricContext, MetricEntry, MetricResult } from './metric-registry.js';
import { parseParams } from './parse-params.js';
import { hiresEntry, newGradShareEntry } from './hires-entry.js';
import { coverage, coverageEntry, quarantineEntry, quarantineReasons, type CoverageFigure } from './coverage-entry.js';
import { dataAsOf } from './data-as-of.js';
import { flowsEntry, headcountEntry, retentionEntry } from './suite-entries.js';
import { changesEntry } from './changes-entry.js';

/** Product version named beside the definition version in every output. */
export const PRODUCT = 'talentflow 0.1.0';

/** Every registered metric, in the order surfaces list them. */
export const METRICS: readonly MetricEntry[] = [hiresEntry, newGradShareEntry, retentionEntry, flowsEntry, headcountEntry, coverageEntry, quarantineEntry, changesEntry];

/** The entry named `name`; an unknown name is a user error listing the known ones. */
export function metricEntry(name: string): MetricEntry {
  const entry = METRICS.find((m) => m.name === name);
  if (!entry) throw new UserError(`unknown metric: ${name}`, 'unknown_metric', `metrics: ${METRICS.map((m) => m.name).join(', ')}`);
  return entry;
}

/** Validate `raw` against the entry's parameters and run it. */
export async function runMetric(store: Store, entry: MetricEntry, raw: Record<string, string | undefined>, ctx: MetricContext): Promise<MetricResult> {
  const params = parseParams(entry, raw, ctx);
  const floor = ctx.minCellFloor ?? 1;
  if (typeof params.min_cell === 'number' && params.min_cell < floor) {
    throw new UserError(`invalid min_cell: ${params.min_cell}`, 'invalid_parameter', `min_cell is at least ${floor} here`, { field: 'min_cell' });
  }
  const { rows, notes } = await entry.run(store, params, ctx);
  return { metric: entry.name, definition: DEFINITIONS.version, params, columns: entry.columns(params, ctx), rows, notes };
}

export interface DataDescription {
  product: string;
  definition: typeof DEFINITIONS;
  /** Latest profile update in the data (`YYYY-MM`). */
  data_as_of: string | null;
  coverage: CoverageFigure[];
  quarantine: { reason: string; records: number }[];
  cohorts: { name: string; version: string | null; description: string | null; companies: number; file: string | null }[];
  metrics: { name: string; title: string; description: string; parameters: string[] }[];
}

/** The `/meta` document: what the figures mean and what data they stand on. */
export async function describeData(store: Store, ctx: MetricContext): Promise<DataDescription> {
  return {
    product: PRODUCT,
    definition: DEFINITIONS,
    data_as_of: (await dataAsOf(store)).label,
    coverage: await coverage(store),
    quarantine: await quarantineReasons(store),
    cohorts: ctx.cohorts.map((c) => ({ name: c.name, version: c.version, description: c.description, companies: c.companies.length, file: c.file })),
    metrics: METRICS.map((m) => ({ name: m.name, title: m.title, description: m.description, parameters: m.params.map((p) => p.name) })),
  };
}
