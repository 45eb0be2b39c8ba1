/**
 * Metric results out: flat rows with each figure beside its interval (`x`, `x_lo`, `x_hi`) for
 * JSON and CSV, and for people an aligned table with `value (lo–hi)` cells and the notes
 * (suppression, parameters) under it. JSON is one object naming the definition version and the
 * parameters; CSV is the rows alone (notes go to stderr).
 */
import type { Estimate } from '../analyze/intervals.js';
import { count, toCsv, toTable, type Column, type OutputFormat } from './format-rows.js';

/** How a figure reads: a count, a share or rate (0–1), a change (−0.2 = −20%), or months. */
export type FigureKind = 'count' | 'share' | 'change' | 'months';

export interface FigureColumn {
  key: string;
  header: string;
  kind: FigureKind;
}

export type FlatRow = Record<string, string | number | boolean | null>;

/** Add `key`, `key_lo`, `key_hi` to a flat row. */
export function putEstimate(row: FlatRow, key: string, e: Estimate): void {
  row[key] = round(e.value);
  row[`${key}_lo`] = round(e.lo);
  row[`${key}_hi`] = round(e.hi);
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e6) / 1e6;
}

function fmt(x: number | null | undefined, kind: FigureKind): string {
  if (x === null || x === undefined) return '';
  switch (kind) {
    case 'count':
      return count(Math.round(x));
    case 'share':
      return `${(x * 100).toFixed(1)}%`;
    case 'change':
      return `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}%`;
    case 'months':
      return x.toFixed(1);
  }
}

/** `12.3% (10.1–14.5)`; `–` for a hidden or undefined figure. */
function estimateCell(row: FlatRow, key: string, kind: FigureKind): string {
  const v = row[key] as number | null | undefined;
  if (v === null || v === undefined) return '–';
  const lo = row[`${key}_lo`] as number | null | undefined;
  const hi = row[`${key}_hi`] as number | null | undefined;
  if ((lo === null || lo === undefined) && (hi === null || hi === undefined)) return fmt(v, kind);
  return `${fmt(v, kind)} (${lo === null || lo === undefined ? '…' : fmt(lo, kind)} to ${hi === null || hi === undefined ? '…' : fmt(hi, kind)})`;
}

export interface MetricOutput {
  format: OutputFormat;
  definition: string;
  metric: string;
  parameters: Record<string, unknown>;
  notes: readonly string[];
  /** Plain columns (dimensions, period, n), then figures with intervals. */
  dims: readonly string[];
  figures: readonly FigureColumn[];
  rows: readonly FlatRow[];
}

/** Render a metric and write it: the table or data to stdout, notes for people to stderr. */
export function printMetric(o: MetricOutput): void {
  const out = renderMetric(o);
  process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
}

/** Render a metric result; returns the text for stdout and the notes for stderr (CSV). */
export function renderMetric(o: MetricOutput): { stdout: string; stderr: string } {
  if (o.format === 'json') {
    return { stdout: JSON.stringify({ definition: o.definition, metric: o.metric, parameters: o.parameters, notes: o.notes, rows: o.rows }, null, 2) + '\n', stderr: '' };
  }
  const keys = [...o.dims, ...o.figures.flatMap((f) => (f.kind === 'months' && !(`${f.key}_lo` in (o.rows[0] ?? {})) ? [f.key] : [f.key, `${f.key}_lo`, `${f.key}_hi`]))];
  if (o.format === 'csv') return { stdout: toCsv(o.rows, keys), stderr: o.notes.map((n) => `note: ${n}\n`).join('') };
  const columns: Column<FlatRow>[] = [
    ...o.dims.map((d) => ({ header: d, cell: (r: FlatRow) => cellText(r[d]), align: typeof o.rows[0]?.[d] === 'number' ? ('right' as const) : ('left' as const) })),
    ...o.figures.map((f) => ({ header: f.header, cell: (r: FlatRow) => estimateCell(r, f.key, f.kind), align: 'right' as const })),
  ];
  const level = o.parameters.level;
  const foot = [
    ...o.notes,
    `${typeof level === 'number' ? Math.round(level * 100) : 95}% intervals in parentheses; definitions ${o.definition} (docs/metrics.md)`,
  ];
  return { stdout: toTable(o.rows, columns) + foot.map((n) => `note: ${n}`).join('\n') + '\n', stderr: '' };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}
