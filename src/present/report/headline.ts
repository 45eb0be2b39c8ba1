/**
 * The headline section: new-grad hires and 2–5-year hires by cohort in the headline year, with
 * the change vs the year before and vs the base year, each change beside the counts it compares.
 * The figures, and which are hidden, are the headline metric's (src/metrics/headline.ts, the
 * table `talentflow demo` prints); this file only formats them.
 */
import { headline, type HeadlineCell, type HeadlineGroup } from '../../metrics/headline.js';
import { OTHER_COHORT } from '../../resolve/index.js';
import { COHORT_NOTE } from '../registry/index.js';
import { esc, fmtCount, fmtPercent, noteParagraphs, suppressedCell, table } from './html.js';
import { exportLine, reportMetric, type ReportContext } from './report-context.js';

const LABEL: Record<HeadlineGroup, string> = { 'new grad': 'new-grad hires', '2-5 years': '2–5-year hires' };

export async function headlineSection(rc: ReportContext): Promise<string> {
  const result = await headline(rc.store, rc.metrics.cohorts, { from: rc.year - 1, to: rc.year, base: rc.base, minCell: rc.k });
  const k = rc.k;
  const at = (c: HeadlineCell, year: number) => result.cells.find((x) => x.cohort === c.cohort && x.group === c.group && x.year === year)!;
  const current = result.cells.filter((c) => c.year === rc.year);
  const n = (x: number | null) => (x === null ? suppressedCell(k) : fmtCount(x));
  const change = (x: number | null | undefined) => (x === null || x === undefined ? '–' : fmtPercent(x, true));
  const head = ['<th>cohort</th>', '<th>hires</th>', `<th class="num">${rc.year}</th>`, `<th class="num">vs ${rc.year - 1}</th>`, `<th class="num">${rc.year - 1}</th>`, `<th class="num">vs ${rc.base}</th>`, `<th class="num">${rc.base}</th>`];
  const body = current.map(
    (c) => `<tr><td>${esc(c.cohort)}</td><td>${esc(LABEL[c.group])}</td><td class="num">${n(c.hires)}</td><td class="num">${change(c.yoy)}</td><td class="num">${n(at(c, rc.year - 1).hires)}</td><td class="num">${change(c.vs_base)}</td><td class="num">${n(at(c, rc.base).hires)}</td></tr>`,
  );
  const sentences = current
    .filter((c) => c.group === 'new grad' && c.cohort !== OTHER_COHORT)
    .map((c) => {
      if (c.hires === null) return `<li><b>${esc(c.cohort)}</b>: fewer than ${k} new-grad hires in ${rc.year}; too few to report.</li>`;
      const prevN = at(c, rc.year - 1).hires;
      const baseN = at(c, rc.base).hires;
      const prev = prevN === null ? `fewer than ${k} in ${rc.year - 1}` : `${change(c.yoy)} vs ${fmtCount(prevN)} in ${rc.year - 1}`;
      const base = rc.base === rc.year - 1 ? '' : baseN === null ? `; fewer than ${k} in ${rc.base}` : `; ${change(c.vs_base)} vs ${fmtCount(baseN)} in ${rc.base}`;
      return `<li><b>${esc(c.cohort)}</b>: ${fmtCount(c.hires)} new-grad hires in ${rc.year} (${prev}${base}).</li>`;
    });
  // the exported table is the hires metric by the same dimensions, each row under the same rule
  const exported = await reportMetric(rc, 'hires', { by: 'cohort,year,band,new_grad' });
  return [
    '<section id="headline"><h2>Headline</h2>',
    `<p class="lede">New-grad hires and hires with 2–5 years of experience by company cohort in ${rc.year}, against ${rc.year - 1} and the base year ${rc.base}.</p>`,
    sentences.length ? `<ul>${sentences.join('')}</ul>` : '',
    table(head, body, `Hires in ${rc.year} by cohort; changes are shown beside the counts they compare. Cells resting on fewer than ${k} people are suppressed.`),
    exportLine(rc, 'hires-by-cohort-year-band-newgrad.csv', exported),
    noteParagraphs([...result.notes, COHORT_NOTE]),
    '</section>',
  ].join('\n');
}
