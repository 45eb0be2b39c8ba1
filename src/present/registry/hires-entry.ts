/**
 * Registry entries built on the hires metric: `hires` (counts by any of cohort, year, band,
 * new_grad, company, with YoY) and `new_grad_share` (share of hires that are new grads, with a
 * Wilson 95% interval). Both compute their own cells from grouped counts (hire-groups.ts) and
 * plan them with the one small-cell rule (src/analyze/suppress-cells.ts): the `hires` entry hides
 * the groups and changes `talentflow hires --min-cell K` hides, and a share's row is a margin
 * (new grads and the others add up to the printed n).
 */
import { HIRE_DIMS, type HireDim } from '../../api.js';
import { BANDS } from '../../derive/index.js';
import { withYoy } from '../../analyze/yoy.js';
import { DEFAULT_MIN_CELL, planSuppression, primaryOnly, suppressionNote, type CellSize } from '../../analyze/suppress-cells.js';
import { cohortNamesWithOther, OTHER_COHORT } from '../../resolve/index.js';
import type { ColumnSpec, MetricContext, MetricEntry, MetricRow, ParamSpec } from './metric-registry.js';
import { wilson } from '../../analyze/intervals.js';
import { FUNCTIONS } from '../../resolve/titles/index.js';
import { METROS } from '../../resolve/place-gazetteer.js';
import { groupedHires, groupKey, outputDims } from './hire-groups.js';
import { dataAsOf, partialYearNote } from './data-as-of.js';

const cohortNames = (ctx: MetricContext) => cohortNamesWithOther(ctx.cohorts);

const YEARS: ParamSpec[] = [
  { name: 'from', kind: 'integer', min: 1901, max: 2100, description: 'First hire year reported (inclusive).' },
  { name: 'to', kind: 'integer', min: 1901, max: 2100, description: 'Last hire year reported (inclusive).' },
];
const FILTERS: ParamSpec[] = [
  { name: 'cohorts', kind: 'list', values: cohortNames, description: `Cohorts reported, comma separated (default: every cohort loaded, and ${OTHER_COHORT}). Filtering by cohort groups by cohort.` },
  { name: 'band', kind: 'list', values: BANDS, description: 'Only hires in these experience bands.' },
  { name: 'new_grad', kind: 'boolean', description: 'Only new-grad hires (true) or only the others (false).' },
  { name: 'function', kind: 'list', values: FUNCTIONS, description: 'Only hires into titles of these functions.' },
  { name: 'seniority', kind: 'list', values: ['1', '2', '3', '4', '5', '6', '7'], description: 'Only hires at these seniority levels (1 entry … 7 senior executive).' },
  { name: 'metro', kind: 'list', values: METROS.map((m) => m.name), description: "Only hires whose place is in these metro areas (the position's location, else the profile's)." },
  { name: 'min_cell', kind: 'integer', min: 1, max: 1000, default: DEFAULT_MIN_CELL, description: 'Cells resting on fewer than this many hired people (zero excepted) are suppressed.' },
];

const DIM_COLUMNS: Record<HireDim, ColumnSpec> = {
  cohort: { name: 'cohort', type: 'string', role: 'dimension', description: `Company cohort; ${OTHER_COHORT} = in no loaded cohort.` },
  year: { name: 'year', type: 'integer', role: 'dimension', description: 'Calendar year of the hire month.' },
  band: { name: 'band', type: 'string', role: 'dimension', description: 'Experience band at hire (years of full-time work since graduation).' },
  new_grad: { name: 'new_grad', type: 'boolean', role: 'dimension', description: 'New-grad hire.' },
  company: { name: 'company', type: 'string', role: 'dimension', description: 'Canonical company name.' },
  seniority: { name: 'seniority', type: 'integer', role: 'dimension', description: 'Seniority level of the title, 1 (entry) … 7 (senior executive); null when the title names none.' },
  function: { name: 'function', type: 'string', role: 'dimension', description: 'Function of the title (engineering, data, sales, …).' },
  occupation: { name: 'occupation', type: 'string', role: 'dimension', description: 'SOC code and O*NET occupation of the title; null without the reference data.' },
  exposure_quintile: { name: 'exposure_quintile', type: 'integer', role: 'dimension', description: 'AI-exposure quintile of the occupation (1 least … 5 most).' },
  metro: { name: 'metro', type: 'string', role: 'dimension', description: "Metro area of the hire's place (its position's location, else the profile's); null when unknown." },
  country: { name: 'country', type: 'string', role: 'dimension', description: "Country (ISO code) of the hire's place; null when unknown." },
};

export const hiresEntry: MetricEntry = {
  name: 'hires',
  title: 'Hires',
  description: 'Hires (a full-time start at a company without a position there in the 3 months before) grouped by cohort, year, band, new_grad or company, with year-over-year change.',
  unit: 'hires',
  params: [
    { name: 'by', kind: 'list', values: HIRE_DIMS, default: ['cohort', 'year'], description: `Dimensions to group by, comma separated: ${HIRE_DIMS.join(', ')}.` },
    ...YEARS,
    ...FILTERS,
  ],
  columns(p) {
    const dims = outputDims(p, p.by as HireDim[]);
    const cols: ColumnSpec[] = dims.map((d) => DIM_COLUMNS[d]);
    cols.push({ name: 'hires', type: 'integer', role: 'count', description: 'Number of hires (null when suppressed).' });
    if (dims.includes('year')) {
      cols.push({ name: 'yoy', type: 'number', role: 'fraction', description: 'Year-over-year change X_t / X_{t−1} − 1 in the same group; null without a previous year.' });
      cols.push({ name: 'prev_hires', type: 'integer', role: 'count', description: 'Hires in the previous year of the same group (the count yoy is relative to).' });
    }
    cols.push({ name: 'suppressed', type: 'boolean', role: 'flag', description: 'The count, or the previous year it is compared with, rests on fewer than min_cell people: hidden.' });
    return cols;
  },
  async run(store, p, ctx) {
    const g = await groupedHires(store, p, ctx, p.by as HireDim[]);
    const k = p.min_cell as number;
    const yearly = g.dims.includes('year');
    // the groups and the years before `from` (the changes' references) are planned alike
    const plan = planSuppression(g.rows.map((r): CellSize => ({ key: groupKey(r, g.dims), margin: null, people: r.people })), k);
    const counts = g.rows.map(({ people: _people, ...r }) => r);
    const rows = (yearly ? withYoy(counts, g.dims, p.from as number | undefined) : counts) as unknown as MetricRow[];
    let hidden = 0;
    let hiddenYoy = 0;
    for (const r of rows) {
      const cur = plan.hidden.has(groupKey(r, g.dims));
      // a change against a hidden previous year would give it back: hidden too
      const prev = yearly && plan.hidden.has(groupKey(r, g.dims, (r.year as number) - 1));
      if (cur) {
        r.hires = null;
        hidden++;
      }
      if (yearly && (cur || prev)) r.yoy = null;
      if (prev) {
        r.prev_hires = null;
        if (!cur) hiddenYoy++;
      }
      r.suppressed = cur || prev;
    }
    const notes = [suppressionNote(primaryOnly(hidden, k), 'group')];
    if (hiddenYoy) notes.push(`${hiddenYoy} YoY change${hiddenYoy === 1 ? '' : 's'} hidden: the previous year has fewer than ${k} people`);
    if (g.dims.includes('cohort')) notes.push(COHORT_NOTE);
    if (yearly) notes.push(partialYearNote(await dataAsOf(store), maxYear(rows)) ?? '');
    return { rows, notes: notes.filter(Boolean) };
  },
};

/** Beside every table of hires by cohort. */
export const COHORT_NOTE = `A hire counts in every cohort holding its company (and in ${OTHER_COHORT} when none does), so cohort rows do not add up to a total.`;

/** A cohort-year of the new-grad share: hires and the people they rest on, all and new grads. */
interface ShareCell {
  key: string;
  cohort: string;
  year: number;
  hires: number;
  newGrad: number;
  people: number;
  newGradPeople: number;
  otherPeople: number;
}

function maxYear(rows: MetricRow[]): number | undefined {
  let m: number | undefined;
  for (const r of rows) if (typeof r.year === 'number' && (m === undefined || r.year > m)) m = r.year;
  return m;
}

export const newGradShareEntry: MetricEntry = {
  name: 'new_grad_share',
  title: 'New-grad share of hires',
  description: 'Share of hires that are new-grad hires, by cohort and year, with a Wilson 95% interval.',
  unit: 'share of hires',
  params: [...YEARS, ...FILTERS.filter((f) => f.name !== 'new_grad')],
  // the share's interval is Wilson's (analyze/intervals.ts) at 95%
  columns: () => [
    DIM_COLUMNS.cohort,
    DIM_COLUMNS.year,
    { name: 'hires', type: 'integer', role: 'count', description: 'All hires in the cell (n).' },
    { name: 'new_grad_hires', type: 'integer', role: 'count', description: 'New-grad hires in the cell.' },
    { name: 'share', type: 'number', role: 'fraction', description: 'new_grad_hires / hires.' },
    { name: 'ci_lo', type: 'number', role: 'ci', description: 'Wilson 95% interval, lower bound.' },
    { name: 'ci_hi', type: 'number', role: 'ci', description: 'Wilson 95% interval, upper bound.' },
    { name: 'suppressed', type: 'boolean', role: 'flag', description: 'The new-grad count (and so the share) or n rests on fewer than min_cell people, or would give such a count back: hidden.' },
  ],
  async run(store, p, ctx) {
    const scope = { ...p, new_grad: undefined };
    const g = await groupedHires(store, scope, ctx, ['cohort', 'year', 'new_grad']);
    // a person can have a new-grad hire and another in one cohort-year: n's people are counted apart
    const all = new Map((await groupedHires(store, scope, ctx, ['cohort', 'year'])).rows.map((r) => [JSON.stringify([r.cohort, r.year]), r.people]));
    const from = p.from as number | undefined;
    const cells = new Map<string, ShareCell>();
    for (const r of g.rows) {
      if (from !== undefined && (r.year as number) < from) continue;
      const key = JSON.stringify([r.cohort, r.year]);
      const cell = cells.get(key) ?? { key, cohort: r.cohort as string, year: r.year as number, hires: 0, newGrad: 0, people: all.get(key) ?? 0, newGradPeople: 0, otherPeople: 0 };
      cell.hires += r.hires;
      if (r.new_grad === true) {
        cell.newGrad += r.hires;
        cell.newGradPeople += r.people;
      } else cell.otherPeople += r.people;
      cells.set(key, cell);
    }
    // a row is a margin: its new grads and the others add up to the n it prints, so hiding
    // either leaves the other to hide (it would give the hidden one back), and with them the share
    const sizes: CellSize[] = [...cells.values()].flatMap((c) => [
      { key: `${c.key}|n`, margin: null, people: c.people },
      { key: `${c.key}|new_grad`, margin: c.key, people: c.newGradPeople },
      { key: `${c.key}|other`, margin: c.key, people: c.otherPeople },
    ]);
    const k = p.min_cell as number;
    const plan = planSuppression(sizes, k);
    const rows: MetricRow[] = [...cells.values()].map((c) => {
      const total = plan.hidden.has(`${c.key}|n`) || plan.hiddenTotals.has(c.key);
      const split = total || plan.hidden.has(`${c.key}|new_grad`) || plan.hidden.has(`${c.key}|other`);
      const ci = wilson(c.newGrad, c.hires);
      return {
        cohort: c.cohort,
        year: c.year,
        hires: total ? null : c.hires,
        new_grad_hires: split ? null : c.newGrad,
        share: split ? null : ci.value,
        ci_lo: split ? null : ci.lo,
        ci_hi: split ? null : ci.hi,
        suppressed: split,
      };
    });
    const notes = [suppressionNote(plan), COHORT_NOTE, partialYearNote(await dataAsOf(store), maxYear(rows))];
    return { rows, notes: notes.filter((n): n is string => !!n) };
  },
};
