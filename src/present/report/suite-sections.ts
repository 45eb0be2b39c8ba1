/**
 * Report sections over the metric suite (issue 5): retention R(k) by cohort (bars with 95% CI
 * whiskers), headcount by cohort over time, and the top moves between cohorts. A metric that
 * fails (the suite is young) leaves a note in its section instead of stopping the report.
 */
import { barSpec, lineSpec, renderSvg } from '../charts/index.js';
import { esc, metricTable, noteParagraphs } from './html.js';
import { exportLine, reportMetric, type ReportContext } from './report-context.js';

async function guarded(id: string, title: string, body: () => Promise<string>): Promise<string> {
  let inner: string;
  try {
    inner = await body();
  } catch (e) {
    inner = `<p class="note">Not available for this database: ${esc(e instanceof Error ? e.message.split('\n')[0] : String(e))}</p>`;
  }
  return `<section id="${id}"><h2>${esc(title)}</h2>\n${inner}\n</section>`;
}

export function retentionSection(rc: ReportContext): Promise<string> {
  return guarded('retention', 'Retention of hires', async () => {
    const r = await reportMetric(rc, 'retention', { by: 'cohort' });
    const rows = r.rows.map((x) => ({ ...x, k: `${x.k} months` }));
    const svg = await renderSvg(
      barSpec({ title: 'Share of hires still at the company k months later', source: rc.source, rows, x: 'cohort', xTitle: 'Cohort', y: 'share', yTitle: 'Still there (% of hires)', yFormat: '.0%', group: 'k', groupTitle: 'After', groupDomain: [...new Set(rows.map((x) => String(x.k)))], ci: ['ci_lo', 'ci_hi'] }),
      'chart-retention',
    );
    return [
      `<figure>${svg}<figcaption>Kaplan–Meier estimates, censored at each profile's last update; whiskers: 95% intervals.</figcaption></figure>`,
      metricTable(r.columns, r.rows, { k: rc.k, caption: 'R(k) by cohort with n (hires followed) and the people still followed at k.' }),
      exportLine(rc, 'retention-by-cohort.csv', r),
      noteParagraphs(r.notes),
    ].join('\n');
  });
}

export function headcountSection(rc: ReportContext): Promise<string> {
  return guarded('headcount', 'Headcount, hiring and attrition', async () => {
    const r = await reportMetric(rc, 'headcount', { by: 'cohort' });
    const rows = r.rows.map((x) => ({ ...x, year: x.period ?? null }));
    const svg = await renderSvg(
      lineSpec({ title: 'Headcount at year end by cohort', source: rc.source, rows, x: 'year', y: 'headcount', yTitle: 'People employed (count)', xTitle: 'Year end', series: 'cohort', seriesTitle: 'Cohort', seriesDomain: rc.cohortNames, ci: ['headcount_lo', 'headcount_hi'] }),
      'chart-headcount',
    );
    const cols = r.columns.filter((c) => !/_lo$|_hi$/.test(c.name));
    return [
      `<figure>${svg}<figcaption>People holding a full-time position at a company of the cohort at the end of each year; whiskers: bootstrap 95% intervals.</figcaption></figure>`,
      metricTable(cols, r.rows, { k: rc.k, caption: 'Headcount, hires, departures, hiring rate (hires ÷ headcount at the start) and attrition rate; intervals in the CSV.' }),
      exportLine(rc, 'headcount-by-cohort.csv', r),
      noteParagraphs(r.notes),
    ].join('\n');
  });
}

export function flowsSection(rc: ReportContext): Promise<string> {
  return guarded('flows', 'Moves between cohorts', async () => {
    const r = await reportMetric(rc, 'flows', { level: 'cohort', top: '20' });
    return [
      '<p>A move A→B: a person leaves A and joins B within 6 months. Intervals: bootstrap over people, 95%.</p>',
      metricTable(r.columns.map((c) => (c.name === 'ci_lo' || c.name === 'ci_hi' ? { ...c, role: 'count' as const } : c)), r.rows.map((x) => ({ ...x, ci_lo: round(x.ci_lo), ci_hi: round(x.ci_hi) })), { k: rc.k, caption: 'Top moves between cohorts, with the 95% interval of the count.' }),
      exportLine(rc, 'flows-by-cohort.csv', r),
      noteParagraphs(r.notes),
    ].join('\n');
  });
}

function round(x: unknown): number | null {
  return typeof x === 'number' ? Math.round(x) : null;
}
