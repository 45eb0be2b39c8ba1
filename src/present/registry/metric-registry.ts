/**
 * The metric registry: one entry per metric that the report, the HTTP API, the dashboard and
 * `talentflow export` can show. An entry names the metric, declares its parameters (validated by
 * `parseParams`, described in the OpenAPI document) and its columns, and runs it:
 * `(store, params, context) → { rows, notes }`. Adding a metric to every surface is adding one
 * entry here.
 */
import type { Store } from '../../engines/engine.js';
import type { Cohort } from '../../resolve/index.js';

/** How a parameter is written in a URL or on a command line, and what it accepts. */
export type ParamKind = 'integer' | 'string' | 'enum' | 'list' | 'boolean';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  description: string;
  /** Allowed values (enum) or allowed items (list); a function when they depend on the context. */
  values?: readonly string[] | ((ctx: MetricContext) => readonly string[]);
  min?: number;
  max?: number;
  /** Used when the parameter is absent (already in parsed form). */
  default?: ParamValue | ((ctx: MetricContext) => ParamValue);
}

export type ParamValue = string | number | boolean | string[];
export type ParamValues = Record<string, ParamValue | undefined>;

/** A result column: its type for JSON/CSV/Parquet and how a table or chart should treat it. */
export interface ColumnSpec {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** `dimension` groups; `count` is an n; `fraction` is a share or change; `ci` bounds a fraction. */
  role: 'dimension' | 'count' | 'fraction' | 'ci' | 'flag' | 'text';
  description: string;
}

export type MetricRow = Record<string, string | number | boolean | null>;

export interface MetricResult {
  metric: string;
  /** Definition version of the figures (DEFINITIONS.version). */
  definition: string;
  params: ParamValues;
  columns: ColumnSpec[];
  rows: MetricRow[];
  /** Sentences a reader must see beside the figures: suppression, partial years, caveats. */
  notes: string[];
}

/** What every metric run may use besides the store: the cohorts chosen when the surface started. */
export interface MetricContext {
  cohorts: readonly Cohort[];
  /** Lowest small-cell threshold a caller may ask for (a server's floor); default 1. */
  minCellFloor?: number;
}

export interface MetricEntry {
  name: string;
  title: string;
  description: string;
  /** What the count measures, for axis titles: `hires`, `people`. */
  unit: string;
  params: ParamSpec[];
  /** The columns a run returns; may depend on the parameters (`by`). */
  columns(params: ParamValues, ctx: MetricContext): ColumnSpec[];
  run(store: Store, params: ParamValues, ctx: MetricContext): Promise<{ rows: MetricRow[]; notes: string[] }>;
}

/** Resolve a parameter's allowed values in a context. */
export function allowedValues(spec: ParamSpec, ctx: MetricContext): readonly string[] | undefined {
  return typeof spec.values === 'function' ? spec.values(ctx) : spec.values;
}

/** Resolve a parameter's default in a context. */
export function defaultValue(spec: ParamSpec, ctx: MetricContext): ParamValue | undefined {
  return typeof spec.default === 'function' ? spec.default(ctx) : spec.default;
}
