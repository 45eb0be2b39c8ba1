/**
 * What every report section shares: the store, the metric context, the options of the run, the
 * source line for charts, and the collector of exported tables (each written as CSV beside the
 * report, with the `talentflow export` command that reproduces it).
 */
import type { Store } from '../../engines/engine.js';
import { metricEntry, paramText, runMetric, type DataAsOf, type MetricContext, type MetricResult } from '../registry/index.js';
import { toCsv } from '../format-rows.js';
import { esc } from './html.js';

export interface ExportedTable {
  /** File name under `tables/`. */
  file: string;
  csv: string;
  /** The command that exports the same table as CSV or Parquet. */
  command: string;
}

export interface ReportContext {
  store: Store;
  metrics: MetricContext;
  /** Small-cell threshold. */
  k: number;
  from?: number;
  to?: number;
  /** Year the headline compares against. */
  base: number;
  /** Headline year (the latest complete year unless `to` says otherwise). */
  year: number;
  asOf: DataAsOf;
  /** Every cohort reported, then `other`. */
  cohortNames: string[];
  /** Chart subtitle: product, definition version, data as of. */
  source: string;
  tables: ExportedTable[];
}

/** Run a registered metric with these raw parameters (the report's k and years added). */
export async function reportMetric(rc: ReportContext, name: string, raw: Record<string, string>): Promise<MetricResult> {
  const entry = metricEntry(name);
  const names = new Set(entry.params.map((p) => p.name));
  const full: Record<string, string> = { ...raw };
  if (names.has('min_cell') && full.min_cell === undefined) full.min_cell = String(rc.k);
  if (names.has('from') && rc.from !== undefined && full.from === undefined) full.from = String(rc.from);
  if (names.has('to') && rc.to !== undefined && full.to === undefined) full.to = String(rc.to);
  return runMetric(rc.store, entry, full, rc.metrics);
}

/** Collect a result as a CSV table; returns the HTML line naming the file and the export command. */
export function exportLine(rc: ReportContext, file: string, result: MetricResult): string {
  const keys = result.columns.map((c) => c.name);
  const args = Object.entries(result.params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `--${k.replaceAll('_', '-')} ${shellWord(paramText(v))}`)
    .join(' ');
  const command = `talentflow export --metric ${result.metric} ${args} --out ${file.replace(/\.csv$/, '.parquet')}`.replace(/\s+/g, ' ');
  rc.tables.push({ file, csv: toCsv(result.rows, keys), command });
  return `<p class="export">Table as CSV: <a href="tables/${file}">tables/${file}</a> · as Parquet: <code>${esc(command)}</code></p>`;
}

function shellWord(s: string): string {
  return /^[\w.,:/+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
