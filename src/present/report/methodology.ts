/**
 * The methodology section, generated from the run: the definition version and its parameters
 * (src/derive/definitions.ts), data coverage (records read, quarantined by reason, duplicates
 * merged, year-only dates, missing education, unresolved employers), the cohort lists used, the
 * small-cell rule and the sources.
 */
import { DEFINITIONS } from '../../derive/index.js';
import { coverage, quarantineReasons, PRODUCT } from '../registry/index.js';
import { esc, fmtCount, fmtPercent, table } from './html.js';
import type { ReportContext } from './report-context.js';

function definitionList(): string {
  const d = DEFINITIONS;
  const items: [string, string][] = [
    ['Definition version', d.version],
    ['Hire', `a full-time position starting at company c with no full-time position at c ending within the ${d.hireGapMonths} months before; a new title at the same company is an internal move; a return after ${d.hireGapMonths}+ months is a boomerang hire. Internships, co-ops, volunteer, board and advisor roles are never hires.`],
    ['Experience at hire (E)', 'full-time months (overlaps counted once, internships excluded) between the latest graduation on or before the hire and the hire.'],
    ['Bands', d.bands.map(([label, lo], i) => { const next = d.bands[i + 1]; return `${label}: ${lo} ≤ E${next ? ` < ${next[1]}` : ''} months`; }).join('; ')],
    ['New-grad hire', `E < ${d.newGrad.maxExperienceMonths} months and the latest graduation in [hire − ${d.newGrad.gradBeforeMonths}, hire + ${d.newGrad.gradAfterMonths}] months.`],
    ['Graduation', `end of the latest completed degree; a degree with a start but no end lasts ${Object.entries(d.degreeMonths).map(([l, m]) => `${l} ${m}`).join(', ')} months; no education at all: the month before the first full-time position (imputed).`],
    ['Year-only dates', `placed at month ${d.yearOnlyMonth.position} for positions, ${d.yearOnlyMonth.educationEnd} for an education end, ${d.yearOnlyMonth.educationStart} for an education start.`],
    ['Year-over-year change', 'X_t / X_{t−1} − 1 in the same group, shown beside both counts; change vs the base year likewise.'],
    ['Small cells', `a count resting on fewer than ${'{k}'} people is suppressed (never printed; zero is shown: it reveals no one), and so is any change or share computed from it; where a row prints a total (a share's n), the other part is hidden too, so that the total does not give the hidden one back.`],
  ];
  return `<dl class="defs">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export async function methodologySection(rc: ReportContext): Promise<string> {
  const figures = await coverage(rc.store);
  const reasons = await quarantineReasons(rc.store);
  const coverageRows = figures.map(
    (f) => `<tr><td>${esc(f.description)}</td><td class="num">${fmtCount(f.value)}</td><td class="num">${f.share === null ? '' : `${fmtPercent(f.share, false)} of ${fmtCount(f.of)}`}</td></tr>`,
  );
  const reasonRows = reasons.map((r) => `<tr><td><code>${esc(r.reason)}</code></td><td class="num">${fmtCount(r.records)}</td></tr>`);
  const cohortRows = rc.metrics.cohorts.map(
    (c) => `<tr><td>${esc(c.name)}</td><td>${esc(c.version ?? '')}</td><td class="num">${c.companies.length}</td><td>${esc(c.companies.map((x) => x.name).join(', '))}</td></tr>`,
  );
  return [
    '<section id="methodology"><h2>Methodology</h2>',
    `<p>Figures are derived by ${esc(PRODUCT)} under definitions <b>${esc(DEFINITIONS.version)}</b> from professional career histories; profiles are as of ${esc(rc.asOf.label ?? 'unknown')}. The parameters below are those of this run.</p>`,
    '<h3>Definitions</h3>',
    definitionList().replace('{k}', String(rc.k)),
    '<h3>Data coverage</h3>',
    table(['<th>measure</th>', '<th class="num">count</th>', '<th class="num">share</th>'], coverageRows, 'What was read and how complete it is. Records read = accepted + quarantined; records accepted = people + duplicates merged.'),
    '<h3>Quarantined records by reason</h3>',
    reasons.length ? table(['<th>reason</th>', '<th class="num">records</th>'], reasonRows) : '<p>No record was quarantined.</p>',
    '<h3>Cohorts used</h3>',
    table(['<th>cohort</th>', '<th>version</th>', '<th class="num">companies</th>', '<th>companies</th>'], cohortRows, "A hire counts in every cohort holding its company, and in 'other' when none does."),
    '<h3>Run</h3>',
    `<p>Years ${rc.from ?? 'all'}–${rc.to ?? 'all'}; headline year ${rc.year}; base year ${rc.base}; small-cell threshold k = ${rc.k}. The tables beside each chart are written as CSV under <code>tables/</code>; <code>talentflow export</code> writes any of them as CSV or Parquet.</p>`,
    '</section>',
  ].join('\n');
}
