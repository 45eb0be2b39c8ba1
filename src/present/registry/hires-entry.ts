/**
 * Registry entries built on the hires metric: `hires` (counts by any of cohort, year, band,
 * new_grad, company, with YoY) and `new_grad_share` (share of hires that are new grads, with a
 * Wilson 95% interval). Filters (cohorts, band, new_grad) are applied to the grouped counts, so no
 * request text reaches the engine: the SQL is the hires metric's own.
 */
import type { Store } from '../../engines/engine.js';
import { hires, HIRE_DIMS, type HireDim } from '../../api.js';
import { BANDS } from '../../derive/index.js';
import { withYoy } from '../../analyze/yoy.js';
import { cohortNamesWithOther, OTHER_COHORT } from '../../resolve/index.js';
import type { ColumnSpec, MetricContext, MetricEntry, MetricRow, ParamSpec, ParamValues } from './metric-registry.js';
import { wilson } from '../../analyze/intervals.js';
import { FUNCTIONS } from '../../resolve/titles/index.js';
import { METROS } from '../../resolve/place-gazetteer.js';
import { DEFAULT_MIN_CELL, suppressionNote, suppressSmallCells } from './small-cells.js';
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
  { name: 'min_cell', kind: 'integer', min: 1, max: 1000, default: DEFAULT_MIN_CELL, description: 'Cells counting fewer than this many hires are suppressed.' },
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

/** Filters applied to grouped counts: parameter → the dimension it constrains. */
const FILTER_DIMS = { band: 'band', new_grad: 'new_grad', function: 'function', seniority: 'seniority', metro: 'metro' } as const satisfies Record<string, HireDim>;

function keep(row: Record<string, unknown>, p: ParamValues): boolean {
  for (const [param, dim] of Object.entries(FILTER_DIMS)) {
    const want = p[param];
    if (want === undefined) continue;
    const have = row[dim];
    if (Array.isArray(want) ? !want.includes(String(have)) : have !== want) return false;
  }
  return true;
}

/** The dims a result is grouped by: `by`, with `cohort` first when cohorts are filtered (a cohort filter groups by cohort). */
function outputDims(p: ParamValues, by: HireDim[]): HireDim[] {
  return p.cohorts && !by.includes('cohort') ? ['cohort', ...by] : by;
}

interface Grouped {
  dims: HireDim[];
  rows: (Record<string, unknown> & { hires: number })[];
}

/** Hires grouped by `out` dims after applying the filters; `from` is applied later (YoY needs the year before). */
async function groupedHires(store: Store, p: ParamValues, ctx: MetricContext, by: HireDim[]): Promise<Grouped> {
  const cohorts = p.cohorts as string[] | undefined;
  const out = outputDims(p, by);
  const filtered = new Set(Object.entries(FILTER_DIMS).filter(([param]) => p[param] !== undefined).map(([, dim]) => dim as HireDim));
  const need = HIRE_DIMS.filter((d) => out.includes(d) || filtered.has(d));
  const yearly = out.includes('year');
  const result = await hires(store, { by: need, from: yearly ? undefined : (p.from as number | undefined), to: p.to as number | undefined }, ctx.cohorts);
  const sums = new Map<string, Record<string, unknown> & { hires: number }>();
  for (const r of result.rows) {
    const row = r as unknown as Record<string, unknown>;
    if (cohorts && !cohorts.includes(row.cohort as string)) continue;
    if (!keep(row, p)) continue;
    const key = JSON.stringify(out.map((d) => row[d]));
    const have = sums.get(key);
    if (have) have.hires += r.hires;
    else sums.set(key, { ...Object.fromEntries(out.map((d) => [d, row[d]])), hires: r.hires });
  }
  const rows = [...sums.values()].sort((a, b) => {
    for (const d of out) {
      const x = a[d] as string | number | boolean | null, y = b[d] as string | number | boolean | null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
  return { dims: out, rows };
}

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
    cols.push({ name: 'suppressed', type: 'boolean', role: 'flag', description: 'A count in this row was below min_cell and is hidden.' });
    return cols;
  },
  async run(store, p, ctx) {
    const g = await groupedHires(store, p, ctx, p.by as HireDim[]);
    const from = p.from as number | undefined;
    const rows = (g.dims.includes('year') ? withYoy(g.rows, g.dims, from) : g.rows) as unknown as MetricRow[];
    const k = p.min_cell as number;
    const hidden = suppressSmallCells(rows, k, ['hires', 'prev_hires'], g.dims.includes('year') ? ['yoy'] : []);
    // a hidden current count hides the row's change; a hidden previous count only hides the change
    for (const r of rows) if (r.prev_hires === null && 'yoy' in r) r.yoy = null;
    const notes = [suppressionNote(hidden, rows.length, k, 'hires'), g.dims.includes('cohort') ? cohortNote : null];
    if (g.dims.includes('year')) notes.push(partialYearNote(await dataAsOf(store), maxYear(rows)));
    return { rows, notes: notes.filter((n): n is string => n !== null) };
  },
};

const cohortNote = `A hire counts in every cohort holding its company (and in ${OTHER_COHORT} when none does), so cohort rows do not add up to a total.`;

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
    { name: 'suppressed', type: 'boolean', role: 'flag', description: 'n below min_cell: hidden.' },
  ],
  async run(store, p, ctx) {
    const g = await groupedHires(store, { ...p, new_grad: undefined }, ctx, ['cohort', 'year', 'new_grad']);
    const from = p.from as number | undefined;
    const cells = new Map<string, MetricRow>();
    for (const r of g.rows) {
      if (from !== undefined && (r.year as number) < from) continue;
      const key = `${r.cohort}\u0000${r.year}`;
      const cell = cells.get(key) ?? { cohort: r.cohort as string, year: r.year as number, hires: 0, new_grad_hires: 0 };
      cell.hires = (cell.hires as number) + r.hires;
      if (r.new_grad === true) cell.new_grad_hires = (cell.new_grad_hires as number) + r.hires;
      cells.set(key, cell);
    }
    const rows = [...cells.values()];
    for (const r of rows) {
      const n = r.hires as number, x = r.new_grad_hires as number;
      const ci = wilson(x, n);
      Object.assign(r, { share: ci.value, ci_lo: ci.lo, ci_hi: ci.hi });
    }
    const k = p.min_cell as number;
    const hidden = suppressSmallCells(rows, k, ['hires'], ['new_grad_hires', 'share', 'ci_lo', 'ci_hi']);
    const notes = [suppressionNote(hidden, rows.length, k, 'hires'), cohortNote, partialYearNote(await dataAsOf(store), maxYear(rows))];
    return { rows, notes: notes.filter((n): n is string => n !== null) };
  },
};
