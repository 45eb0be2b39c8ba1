/**
 * The report's and the dashboard's chart kinds as Vega-Lite specs: lines over years, bars with
 * confidence whiskers, shares with whiskers. Every chart carries its unit in the axis title and
 * its source line (product, definition version, data as of) in the subtitle. Suppressed cells
 * (null values) are left out of the marks; the table beside the chart marks them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricRow } from '../registry/index.js';

export interface ChartFrame {
  title: string;
  /** `Source: talentflow 0.1.0 · definitions talentflow-v1 · profiles as of 2025-05`. */
  source: string;
  width?: number;
  height?: number;
}

const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#eeca3b'];

function frame(f: ChartFrame) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: f.title, subtitle: f.source },
    width: f.width ?? 560,
    height: f.height ?? 240,
    background: 'white',
    padding: 8,
  } as const;
}

/** A color scale with a fixed domain, so a series keeps its color from chart to chart. */
function colorScale(domain: readonly string[]) {
  return { domain: [...domain], range: PALETTE.slice(0, Math.max(1, domain.length)) };
}

/** The rows drawn: those with a value (suppressed cells are null), the series field as text. */
function plotted(rows: readonly MetricRow[], y: string, series: string): MetricRow[] {
  return rows.filter((r) => r[y] !== null && r[y] !== undefined).map((r) => ({ ...r, [series]: String(r[series]) }));
}

export interface LineSpec extends ChartFrame {
  rows: readonly MetricRow[];
  x: string;
  y: string;
  yTitle: string;
  /** Default: "Year of hire" when x is `year`. */
  xTitle?: string;
  series: string;
  seriesTitle: string;
  seriesDomain: readonly string[];
  /** `,d` for counts, `.0%` for fractions. */
  yFormat?: string;
  /** Lower/upper CI fields, drawn as whiskers. */
  ci?: [string, string];
}

/** Lines over an ordinal x (years), one per series, points on each value, optional CI whiskers. */
export function lineSpec(s: LineSpec): TopLevelSpec {
  const values = plotted(s.rows, s.y, s.series);
  const x = { field: s.x, type: 'ordinal' as const, title: s.xTitle ?? (s.x === 'year' ? 'Year of hire' : s.x), axis: { labelAngle: 0 } };
  const color = { field: s.series, type: 'nominal' as const, title: s.seriesTitle, scale: colorScale(s.seriesDomain) };
  const y = { field: s.y, type: 'quantitative' as const, title: s.yTitle, axis: { format: s.yFormat ?? ',d' } };
  const layers: object[] = [
    { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color } },
    { mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y, color } },
  ];
  if (s.ci) {
    layers.push({
      mark: { type: 'rule', strokeWidth: 1.2 },
      encoding: { x, y: { field: s.ci[0], type: 'quantitative' }, y2: { field: s.ci[1] }, color },
    });
  }
  return { ...frame(s), data: { values }, layer: layers } as unknown as TopLevelSpec;
}

export interface BarSpec extends ChartFrame {
  rows: readonly MetricRow[];
  /** Category on x (e.g. cohort); `group` splits bars side by side. */
  x: string;
  xTitle: string;
  y: string;
  yTitle: string;
  group: string;
  groupTitle: string;
  groupDomain: readonly string[];
  yFormat?: string;
  ci?: [string, string];
}

/** Grouped bars with a zero rule and optional CI whiskers. */
export function barSpec(s: BarSpec): TopLevelSpec {
  const values = plotted(s.rows, s.y, s.group);
  const x = { field: s.x, type: 'nominal' as const, title: s.xTitle, axis: { labelAngle: 0 } };
  const xOffset = { field: s.group, type: 'nominal' as const, scale: { domain: [...s.groupDomain] } };
  const color = { field: s.group, type: 'nominal' as const, title: s.groupTitle, scale: colorScale(s.groupDomain) };
  const y = { field: s.y, type: 'quantitative' as const, title: s.yTitle, axis: { format: s.yFormat ?? '+.0%' } };
  const layers: object[] = [
    { mark: { type: 'bar' }, encoding: { x, xOffset, y, color } },
    { mark: { type: 'rule', color: '#333' }, encoding: { y: { datum: 0 } } },
  ];
  if (s.ci) {
    layers.push({
      mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
      encoding: { x, xOffset, y: { field: s.ci[0], type: 'quantitative' }, y2: { field: s.ci[1] } },
    });
  }
  return { ...frame(s), data: { values }, layer: layers } as unknown as TopLevelSpec;
}
