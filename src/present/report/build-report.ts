/**
 * The "State of Talent" report as one self-contained HTML page (inline CSS and SVG, no external
 * resource) plus its tables as CSV. Deterministic: the only date printed is `now`, passed in.
 */
import type { Store } from '../../engines/engine.js';
import { DEFINITIONS } from '../../derive/index.js';
import { cohortNamesWithOther, type Cohort } from '../../resolve/index.js';
import { dataAsOf, DEFAULT_MIN_CELL, metricEntry, PRODUCT, runMetric } from '../registry/index.js';
import { esc, page } from './html.js';
import { headlineSection } from './headline.js';
import { hiresByBandSection, hiresByFunctionSection, hiresByMetroSection, hiresBySenioritySection, hiresOverTimeSection, newGradShareSection, yoySection } from './hires-sections.js';
import { methodologySection } from './methodology.js';
import { flowsSection, headcountSection, retentionSection } from './suite-sections.js';
import type { ExportedTable, ReportContext } from './report-context.js';

export interface ReportOptions {
  cohorts: readonly Cohort[];
  /** The date printed as "generated" (YYYY-MM-DD); pass it in so output is reproducible. */
  now: string;
  from?: number;
  to?: number;
  /** Base year of the headline comparison; default 2019 when in range, else the first year. */
  base?: number;
  /** Small-cell threshold k (default 10). */
  minCell?: number;
  /** Section ids to include (default all: see `REPORT_SECTIONS`); the methodology is always in. */
  sections?: readonly string[];
}

export interface Report {
  html: string;
  tables: ExportedTable[];
  /** The headline year and base year chosen. */
  year: number | null;
  base: number | null;
}

const ALL_SECTIONS: [string, string, (rc: ReportContext) => Promise<string>][] = [
  ['headline', 'Headline', headlineSection],
  ['hires-over-time', 'Hires over time by cohort', hiresOverTimeSection],
  ['hires-by-band', 'Hires by cohort and experience band', hiresByBandSection],
  ['yoy', 'Year-over-year change', yoySection],
  ['new-grad-share', 'New-grad share of hires', newGradShareSection],
  ['hires-by-function', 'Hires by function', hiresByFunctionSection],
  ['hires-by-seniority', 'Hires by seniority', hiresBySenioritySection],
  ['hires-by-metro', 'Hires by metro area', hiresByMetroSection],
  ['retention', 'Retention of hires', retentionSection],
  ['headcount', 'Headcount, hiring and attrition', headcountSection],
  ['flows', 'Moves between cohorts', flowsSection],
];

/** Every section id, in report order. */
export const REPORT_SECTIONS: readonly string[] = ALL_SECTIONS.map(([id]) => id);

export async function buildReport(store: Store, o: ReportOptions): Promise<Report> {
  const metrics = { cohorts: o.cohorts, minCellFloor: 1 };
  const asOf = await dataAsOf(store);
  const years = (await runMetric(store, metricEntry('hires'), { by: 'year', min_cell: '1', ...(o.from ? { from: String(o.from) } : {}), ...(o.to ? { to: String(o.to) } : {}) }, metrics)).rows
    .map((r) => r.year as number)
    .sort((a, b) => a - b);
  const title = 'State of Talent — hiring by company cohort';
  const byline = `<p class="byline">${esc(PRODUCT)} · definitions ${esc(DEFINITIONS.version)} · profiles as of ${esc(asOf.label ?? 'unknown')} · generated ${esc(o.now)}</p>`;
  if (years.length === 0) {
    return { html: page(title, `<h1>${esc(title)}</h1>${byline}<p>No hires in the database for the years asked.</p>`), tables: [], year: null, base: null };
  }
  const last = years[years.length - 1]!;
  const partial = asOf.month !== null && Math.floor(asOf.month / 12) === last && asOf.month % 12 !== 11;
  const year = o.to ?? (partial && years.length > 1 ? years[years.length - 2]! : last);
  const base = o.base ?? (years.includes(2019) && 2019 < year ? 2019 : years[0]! < year ? years[0]! : year - 1);
  const rc: ReportContext = {
    store,
    metrics,
    k: o.minCell ?? DEFAULT_MIN_CELL,
    from: o.from,
    to: o.to,
    base,
    year,
    asOf,
    cohortNames: cohortNamesWithOther(o.cohorts),
    source: `Source: ${PRODUCT} · definitions ${DEFINITIONS.version} · profiles as of ${asOf.label ?? 'unknown'}`,
    tables: [],
  };
  const SECTIONS = ALL_SECTIONS.filter(([id]) => !o.sections || o.sections.includes(id));
  const body: string[] = [];
  for (const [, , section] of SECTIONS) body.push(await section(rc));
  body.push(await methodologySection(rc));
  const toc = [...SECTIONS.map(([id, label]) => [id, label]), ['methodology', 'Methodology']].map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('');
  const intro = `<p class="lede">Hiring at ${esc(o.cohorts.map((c) => c.name).join(', ') || 'all companies')} from ${years[0]} to ${last}: new graduates and experienced hires, year over year.${partial && o.to === undefined ? ` ${last} is partial (profiles as of ${esc(asOf.label)}), so the headline year is ${year}.` : ''}</p>`;
  const html = page(title, [`<h1>${esc(title)}</h1>`, byline, intro, `<nav><ol>${toc}</ol></nav>`, ...body].join('\n'));
  return { html, tables: rc.tables, year, base };
}
