/**
 * The dashboard's chart for a metric result, as SVG rendered on the server (the page swaps it in):
 * lines over years split by the first non-year dimension, with CI whiskers when the rows have
 * them; bars when there is no year. The same chart kinds and house style as the report.
 */
import { BANDS, DEFINITIONS } from '../../derive/index.js';
import { barSpec, lineSpec, renderSvg } from '../charts/index.js';
import { metricEntry, PRODUCT, type MetricContext, type MetricResult, type MetricRow } from '../registry/index.js';
import { cohortNamesWithOther } from '../../resolve/index.js';

export async function dashboardChart(result: MetricResult, ctx: MetricContext, asOf: string | null): Promise<string> {
  const source = `Source: ${PRODUCT} · definitions ${DEFINITIONS.version} · profiles as of ${asOf ?? 'unknown'}`;
  const dims = result.columns.filter((c) => c.role === 'dimension').map((c) => c.name);
  const measure = result.columns.find((c) => c.role === 'fraction' && c.name === 'share') ?? result.columns.find((c) => c.role === 'count');
  if (!measure) return emptySvg('nothing to chart');
  // one series per combination of the non-year dimensions ("bigtech15 · <1")
  const splitDims = dims.filter((d) => d !== 'year');
  const split = splitDims.length ? splitDims.join(' · ') : null;
  const series = 'series';
  const label = (r: MetricRow) => (splitDims.length ? splitDims.map((d) => (r[d] === null ? '(none)' : String(r[d]))).join(' · ') : 'all hires');
  const rows: MetricRow[] = result.rows.map((r) => ({ ...r, series: label(r) }));
  const cohortOrder = cohortNamesWithOther(ctx.cohorts);
  const domain = splitDims.length === 1 && splitDims[0] === 'cohort'
    ? cohortOrder.filter((c) => rows.some((r) => r.series === c))
    : [...new Set(rows.map((r) => String(r.series)))].sort(byBandThenText);
  const isShare = measure.role === 'fraction';
  const hasCi = result.columns.some((c) => c.name === 'ci_lo');
  const yTitle = isShare ? 'Share of hires (%)' : 'Hires (count)';
  const title = `${metricEntry(result.metric).title}${split ? ` by ${split}` : ''}`;
  if (rows.every((r) => r[measure.name] === null || r[measure.name] === undefined)) return emptySvg('every cell is suppressed or empty');
  if (dims.includes('year')) {
    return renderSvg(
      lineSpec({ title, source, rows, x: 'year', y: measure.name, yTitle, yFormat: isShare ? '.0%' : ',d', series, seriesTitle: split ?? '', seriesDomain: domain, width: 640, height: 300, ...(hasCi ? { ci: ['ci_lo', 'ci_hi'] as [string, string] } : {}) }),
      'dash-chart',
    );
  }
  return renderSvg(
    barSpec({ title, source, rows, x: series, xTitle: split ?? '', y: measure.name, yTitle, yFormat: isShare ? '.0%' : ',d', group: series, groupTitle: split ?? '', groupDomain: domain, width: 640, height: 300 }),
    'dash-chart',
  );
}

const BAND_ORDER: readonly string[] = BANDS;

/** Experience bands in their natural order (`<1` first), anything else alphabetically. */
function byBandThenText(a: string, b: string): number {
  const ia = BAND_ORDER.indexOf(a), ib = BAND_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptySvg(message: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="80" viewBox="0 0 640 80"><text x="10" y="40" font-family="Helvetica, Arial, sans-serif" font-size="14" fill="#555">${message}</text></svg>`;
}
