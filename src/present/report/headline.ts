/**
 * The headline: new-grad hires and 2–5-year hires by cohort in the headline year, with the change
 * vs the year before and vs the base year, each change beside the counts it compares.
 */
import { OTHER_COHORT } from '../../resolve/index.js';
import type { MetricRow } from '../registry/index.js';
import { esc, fmtCount, fmtPercent, suppressedCell, table } from './html.js';
import { exportLine, reportMetric, type ReportContext } from './report-context.js';

interface Segment {
  label: string;
  match: (r: MetricRow) => boolean;
}

const SEGMENTS: Segment[] = [
  { label: 'new-grad hires', match: (r) => r.new_grad === true },
  { label: '2–5-year hires', match: (r) => r.band === '2-5' },
];

interface HeadlineCell {
  cohort: string;
  segment: string;
  n: number;
  prev: number;
  base: number;
}

/** Headline counts per cohort and segment (unsuppressed; the caller hides small cells). */
function headlineCells(rows: readonly MetricRow[], cohorts: readonly string[], year: number, base: number): HeadlineCell[] {
  const out: HeadlineCell[] = [];
  for (const cohort of cohorts) {
    for (const s of SEGMENTS) {
      const sum = (y: number) => rows.filter((r) => r.cohort === cohort && r.year === y && s.match(r)).reduce((a, r) => a + ((r.hires as number) ?? 0), 0);
      out.push({ cohort, segment: s.label, n: sum(year), prev: sum(year - 1), base: sum(base) });
    }
  }
  return out;
}

export async function headlineSection(rc: ReportContext): Promise<string> {
  // counts by band and flag are summed here, so the small-cell rule applies to the sums below
  const result = await reportMetric(rc, 'hires', { by: 'cohort,year,band,new_grad', min_cell: '1', from: String(Math.min(rc.base, rc.year - 1)), to: String(rc.year) });
  const cells = headlineCells(result.rows, rc.cohortNames, rc.year, rc.base);
  const k = rc.k;
  const n = (x: number) => (x < k ? suppressedCell(k) : fmtCount(x));
  const change = (x: number, ref: number) => (x < k || ref < k ? '–' : fmtPercent(x / ref - 1, true));
  const head = ['<th>cohort</th>', '<th>hires</th>', `<th class="num">${rc.year}</th>`, `<th class="num">vs ${rc.year - 1}</th>`, `<th class="num">${rc.year - 1}</th>`, `<th class="num">vs ${rc.base}</th>`, `<th class="num">${rc.base}</th>`];
  const body = cells.map(
    (c) => `<tr><td>${esc(c.cohort)}</td><td>${esc(c.segment)}</td><td class="num">${n(c.n)}</td><td class="num">${change(c.n, c.prev)}</td><td class="num">${n(c.prev)}</td><td class="num">${change(c.n, c.base)}</td><td class="num">${n(c.base)}</td></tr>`,
  );
  const sentences = rc.cohortNames
    .filter((c) => c !== OTHER_COHORT)
    .map((cohort) => {
      const ng = cells.find((c) => c.cohort === cohort && c.segment === SEGMENTS[0]!.label)!;
      if (ng.n < k) return `<li><b>${esc(cohort)}</b>: fewer than ${k} new-grad hires in ${rc.year}; too few to report.</li>`;
      const prev = ng.prev < k ? `fewer than ${k} in ${rc.year - 1}` : `${change(ng.n, ng.prev)} vs ${fmtCount(ng.prev)} in ${rc.year - 1}`;
      const base = rc.base === rc.year - 1 ? '' : ng.base < k ? `; fewer than ${k} in ${rc.base}` : `; ${change(ng.n, ng.base)} vs ${fmtCount(ng.base)} in ${rc.base}`;
      return `<li><b>${esc(cohort)}</b>: ${fmtCount(ng.n)} new-grad hires in ${rc.year} (${prev}${base}).</li>`;
    });
  // the exported table is the same query with the small-cell rule applied per row
  const exported = await reportMetric(rc, 'hires', { by: 'cohort,year,band,new_grad' });
  return [
    '<section id="headline"><h2>Headline</h2>',
    `<p class="lede">New-grad hires and hires with 2–5 years of experience by company cohort in ${rc.year}, against ${rc.year - 1} and the base year ${rc.base}.</p>`,
    sentences.length ? `<ul>${sentences.join('')}</ul>` : '',
    table(head, body, `Hires in ${rc.year} by cohort; changes are shown beside the counts they compare. Cells below ${k} are suppressed.`),
    exportLine(rc, 'hires-by-cohort-year-band-newgrad.csv', exported),
    ...result.notes.filter((x) => !x.includes('suppressed')).map((x) => `<p class="note">${esc(x)}</p>`),
    '</section>',
  ].join('\n');
}
