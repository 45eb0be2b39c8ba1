/**
 * Report sections built on the hires entries: hires over time by cohort, by cohort and band, YoY
 * changes in the headline year (bars; whiskers when the rows carry `yoy_lo`/`yoy_hi`), and the
 * new-grad share with its Wilson interval. Each chart is followed by its table and export line.
 */
import { BANDS } from '../../derive/index.js';
import { barSpec, lineSpec, renderSvg } from '../charts/index.js';
import type { MetricResult, MetricRow } from '../registry/index.js';
import { ciText, esc, fmtCount, fmtPercent, noteParagraphs, suppressedCell, table } from './html.js';
import { exportLine, reportMetric, type ReportContext } from './report-context.js';

/** A wide table: one row per series key, one column per year; `cell` renders a row's value. */
function yearTable(rows: readonly MetricRow[], keys: string[], cell: (r: MetricRow) => string, caption: string): string {
  const years = [...new Set(rows.map((r) => r.year as number))].sort((a, b) => a - b);
  const groups = new Map<string, Map<number, MetricRow>>();
  for (const r of rows) {
    const key = JSON.stringify(keys.map((k) => r[k]));
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(r.year as number, r);
  }
  const head = [...keys.map((k) => `<th>${esc(k)}</th>`), ...years.map((y) => `<th class="num">${y}</th>`)];
  const body = [...groups.entries()].map(([key, byYear]) => {
    const labels = (JSON.parse(key) as unknown[]).map((v) => `<td>${esc(v)}</td>`);
    return `<tr>${labels.join('')}${years.map((y) => `<td class="num">${byYear.has(y) ? cell(byYear.get(y)!) : ''}</td>`).join('')}</tr>`;
  });
  return table(head, body, caption);
}

function countWithChange(k: number) {
  return (r: MetricRow) => {
    if (r.hires === null) return suppressedCell(k);
    const yoy = typeof r.yoy === 'number' ? `<span class="sub">${fmtPercent(r.yoy, true)}</span>` : '';
    return `${fmtCount(r.hires)}${yoy}`;
  };
}

/**
 * Hires per year split by one dimension: a line chart, its table and export line. The cohort split
 * is the report's second section; function, seniority and metro follow the same shape.
 */
function hiresSplitSection(id: string, title: string, dim: string, dimTitle: string, caption: string) {
  return async (rc: ReportContext): Promise<string> => {
    const result = await reportMetric(rc, 'hires', { by: `${dim},year` });
    const rows = result.rows.map((r) => ({ ...r, [dim]: String(r[dim] ?? 'unknown') }));
    const domain = dim === 'cohort' ? rc.cohortNames : [...new Set(rows.map((r) => r[dim] as string))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const svg = await renderSvg(
      lineSpec({ title: `Hires per year by ${dim === 'cohort' ? 'company cohort' : dimTitle.toLowerCase()}`, source: rc.source, rows, x: 'year', y: 'hires', yTitle: 'Hires (count)', series: dim, seriesTitle: dimTitle, seriesDomain: domain }),
      `chart-hires-${dim}`,
    );
    return [
      `<section id="${id}"><h2>${esc(title)}</h2>`,
      `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`,
      yearTable(rows, [dim], countWithChange(rc.k), `Hires (n) with the year-over-year change below each count; cells below ${rc.k} suppressed.`),
      exportLine(rc, `hires-by-${dim}-year.csv`, result),
      noteParagraphs(result.notes),
      '</section>',
    ].join('\n');
  };
}

export const hiresOverTimeSection = hiresSplitSection('hires-over-time', 'Hires over time by cohort', 'cohort', 'Cohort',
  'Hires per calendar year of the hire month. A hire counts in every cohort holding its company.');
export const hiresByFunctionSection = hiresSplitSection('hires-by-function', 'Hires by function', 'function', 'Function',
  'Function of the title at hire, by built-in rules (docs/titles.md); unknown where the title names none.');
export const hiresBySenioritySection = hiresSplitSection('hires-by-seniority', 'Hires by seniority', 'seniority', 'Seniority',
  'Seniority level of the title at hire: 1 entry, 2 junior, 3 senior individual contributor, 4 manager or lead, 5 director, 6 vice president, 7 C-level, partner or owner.');
export const hiresByMetroSection = hiresSplitSection('hires-by-metro', 'Hires by metro area', 'metro', 'Metro',
  "Metro area of the hire's place: its position's location, else the profile's; unknown where neither names a known metro.");

export async function hiresByBandSection(rc: ReportContext): Promise<string> {
  const result = await reportMetric(rc, 'hires', { by: 'cohort,year,band' });
  const charts: string[] = [];
  for (const cohort of rc.cohortNames) {
    const rows = result.rows.filter((r) => r.cohort === cohort);
    if (rows.every((r) => r.hires === null)) continue;
    const svg = await renderSvg(
      lineSpec({ title: `${cohort}: hires per year by experience band`, source: rc.source, rows, x: 'year', y: 'hires', yTitle: 'Hires (count)', series: 'band', seriesTitle: 'Experience (years)', seriesDomain: BANDS, height: 200 }),
      `chart-band-${cohort.replace(/\W+/g, '-')}`,
    );
    charts.push(`<figure>${svg}</figure>`);
  }
  return [
    '<section id="hires-by-band"><h2>Hires over time by cohort and experience band</h2>',
    '<p>Experience at hire is full-time months since the latest graduation; bands are whole years: &lt;1, 1, 2–5, 6–10, 11+.</p>',
    charts.join('\n') || `<p class="note">Every cell is below ${rc.k}: nothing to draw.</p>`,
    yearTable(result.rows, ['cohort', 'band'], countWithChange(rc.k), `Hires (n) by cohort and band, YoY below; cells below ${rc.k} suppressed.`),
    exportLine(rc, 'hires-by-cohort-year-band.csv', result),
    noteParagraphs(result.notes),
    '</section>',
  ].join('\n');
}

export async function yoySection(rc: ReportContext): Promise<string> {
  const segments: [string, Record<string, string>][] = [
    ['all hires', {}],
    ['new-grad hires', { new_grad: 'true' }],
    ['2–5-year hires', { band: '2-5' }],
  ];
  const rows: MetricRow[] = [];
  const results: MetricResult[] = [];
  for (const [segment, filter] of segments) {
    const result = await reportMetric(rc, 'hires', { by: 'cohort,year', from: String(rc.year), to: String(rc.year), ...filter });
    results.push(result);
    for (const r of result.rows) rows.push({ ...r, segment });
  }
  const hasCi = rows.some((r) => typeof r.yoy_lo === 'number');
  const svg = await renderSvg(
    barSpec({
      title: `Change in hires, ${rc.year} vs ${rc.year - 1}, by cohort`, source: rc.source, rows, x: 'cohort', xTitle: 'Cohort', y: 'yoy', yTitle: 'Year-over-year change (%)',
      group: 'segment', groupTitle: 'Hires', groupDomain: segments.map(([s]) => s), ...(hasCi ? { ci: ['yoy_lo', 'yoy_hi'] as [string, string] } : {}),
    }),
    'chart-yoy',
  );
  const head = ['<th>cohort</th>', '<th>hires</th>', `<th class="num">${rc.year}</th>`, `<th class="num">${rc.year - 1}</th>`, '<th class="num">change</th>', ...(hasCi ? ['<th class="num">95% CI</th>'] : [])];
  const body = rows.map((r) => {
    const n = (v: unknown) => (v === null ? suppressedCell(rc.k) : fmtCount(v));
    return `<tr><td>${esc(r.cohort)}</td><td>${esc(r.segment)}</td><td class="num">${n(r.hires)}</td><td class="num">${n(r.prev_hires)}</td><td class="num">${r.yoy === null ? '–' : fmtPercent(r.yoy, true)}</td>${hasCi ? `<td class="num">${ciText(r.yoy_lo, r.yoy_hi)}</td>` : ''}</tr>`;
  });
  return [
    `<section id="yoy"><h2>Year-over-year change in ${rc.year}</h2>`,
    `<figure>${svg}<figcaption>${hasCi ? 'Whiskers: 95% confidence intervals.' : 'No interval is drawn: the hires metric does not provide one yet (a change is shown only where both counts reach the small-cell threshold).'}</figcaption></figure>`,
    table(head, body, `Hires in ${rc.year} and ${rc.year - 1} by cohort; change = ${rc.year} / ${rc.year - 1} − 1.`),
    exportLine(rc, `hires-yoy-${rc.year}.csv`, results[0]!),
    noteParagraphs(results[0]!.notes),
    '</section>',
  ].join('\n');
}

export async function newGradShareSection(rc: ReportContext): Promise<string> {
  const result = await reportMetric(rc, 'new_grad_share', {});
  const svg = await renderSvg(
    lineSpec({ title: 'New-grad share of hires by cohort', source: rc.source, rows: result.rows, x: 'year', y: 'share', yTitle: 'New-grad hires (% of hires)', yFormat: '.0%', series: 'cohort', seriesTitle: 'Cohort', seriesDomain: rc.cohortNames, ci: ['ci_lo', 'ci_hi'] }),
    'chart-newgrad-share',
  );
  const cell = (r: MetricRow) => {
    if (r.hires === null) return suppressedCell(rc.k);
    // n is shown, the split is not: new grads or the others are fewer than k
    if (r.share === null) return `<span class="supp" title="suppressed: new grads or the others fewer than ${rc.k}">–</span><span class="sub">n=${fmtCount(r.hires)}</span>`;
    return `${fmtPercent(r.share, false)}<span class="sub">${ciText(r.ci_lo, r.ci_hi)} n=${fmtCount(r.hires)}</span>`;
  };
  return [
    '<section id="new-grad-share"><h2>New-grad share of hires</h2>',
    `<figure>${svg}<figcaption>Share of each cohort's hires that are new-grad hires (experience under 12 months, graduated within the year before the hire). Whiskers: Wilson 95% intervals.</figcaption></figure>`,
    yearTable(result.rows, ['cohort'], cell, `New-grad share with its 95% interval and the number of hires n; a share is suppressed where its new grads or the others rest on fewer than ${rc.k} people.`),
    exportLine(rc, 'new-grad-share.csv', result),
    noteParagraphs(result.notes),
    '</section>',
  ].join('\n');
}
