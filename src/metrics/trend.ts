/**
 * Stocks and flows by period: hires, new-grad hires, departures, headcount (the stock at the
 * period's last month), the hiring rate (hires ÷ headcount at the period's start, i.e. at the
 * end of the previous period), the attrition rate (departures ÷ the same), change against the
 * previous period and against a base year — each with a bootstrap CI over people, and small
 * cells suppressed. `headcount` and `departures` are views of this one query.
 *
 * The SQL (trend-sql.ts) returns, per cell (group × period), each distinct per-person
 * contribution vector with its number of people; the statistics come from those
 * (src/analyze/bootstrap.ts).
 */
import { requireCapabilities, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import { wilson, type Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, planSuppression, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { monthsPer, periodLabel, type Grain } from './grain.js';
import { scopeSql, type GroupDim, type MetricFilters } from './metric-scope.js';
import type { WeightSpec } from './weights.js';
import { ensurePlaceMap, ensureSpells } from './spells.js';
import { COMPONENTS, trendSql, WEIGHTED_OF, type TrendQuery } from './trend-sql.js';
import { measuresRead, TREND_MEASURES, type TrendMeasure } from './trend-measures.js';

export { expandedTrendSql, trendSql, type TrendQuery } from './trend-sql.js';

const W = COMPONENTS.length;

/** One figure and its interval; null where suppressed or undefined. */
export interface TrendRow {
  /** Group values by dimension; `{}` for the total row. */
  group: Partial<Record<GroupDim, string | number | boolean | null>>;
  total: boolean;
  period: string;
  /** The period ends after the latest profile update: its counts are partial. */
  partial?: boolean;
  figures: Record<TrendFigure, Estimate>;
  /** With weights: the weighted figures (WEIGHTED_FIGURES), hidden where the unweighted are. */
  weighted?: Partial<Record<TrendFigure, Estimate>>;
  /** People each count rests on (after suppression: null where hidden). */
  people: Record<TrendMeasure, number | null>;
}

export const TREND_FIGURES = [
  'hires', 'hires_yoy', 'hires_vs_base', 'new_grad_hires', 'new_grad_share', 'departures', 'departures_yoy', 'departures_vs_base',
  'headcount', 'headcount_start', 'headcount_change', 'headcount_vs_base', 'hiring_rate', 'attrition_rate',
] as const;
export type TrendFigure = (typeof TREND_FIGURES)[number];

export interface TrendOptions {
  by?: GroupDim[];
  grain?: Grain;
  from?: number;
  to?: number;
  base?: number;
  filters?: MetricFilters;
  /** Add a total row per period (and suppress complementary cells). */
  totals?: boolean;
  minCell?: number;
  bootstrap?: Partial<BootstrapOptions>;
  /** Figures to compute (default all); the others are null. A command asks for what it prints. */
  figures?: readonly TrendFigure[];
  /** Post-stratified weights (src/metrics/weights.ts `buildWeights`): adds `weighted` to each row. */
  weights?: WeightSpec;
}

export interface TrendResult {
  definition: string;
  query: TrendQuery;
  sql: string;
  rows: TrendRow[];
  notes: string[];
  parameters: { level: number; replicates: number; seed: number; minCell: number };
}

interface Cell {
  key: string;
  group: TrendRow['group'];
  total: boolean;
  p: number;
  /** The per-person vectors with their people; from `sums`, one vector of the cell's sums (n = 1). */
  patterns: PatternRow[];
  /** People with a non-zero component, by component. */
  people: number[];
  /** People with a hire that is not a new grad's (the new-grad share's other margin). */
  others: number;
}

const cellKey = (total: boolean, group: readonly unknown[], p: number) => JSON.stringify([total, group, p]);

/** The latest profile update (month index): no stock can be read after it. */
export async function latestUpdate(store: Store): Promise<number> {
  const [r] = await store.all<{ m: number | null }>('SELECT max(as_of_m) AS m FROM people');
  return r?.m ?? 0;
}

/** The last year whose December is on or before the latest update: the default `to`. */
export function lastCompleteYear(latest: number): number {
  return Math.floor((latest + 1) / 12) - 1;
}

/** Run the trend query (and its totals when asked) and compute every figure. */
export async function trend(store: Store, o: TrendOptions, cohorts: readonly Cohort[]): Promise<TrendResult> {
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'headcount and departures', ['cteSubqueries']);
  await ensureSpells(store);
  const by = o.by ?? [];
  const filters = o.filters ?? {};
  const latest = await latestUpdate(store);
  const to = o.to ?? filters.to ?? lastCompleteYear(latest);
  const from = o.from ?? filters.from ?? to - 5;
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...o.bootstrap };
  // without intervals the per-person vectors are not needed: the engine sums each cell
  const sums = boot.replicates === 0 && !o.weights;
  const query: TrendQuery = { metric: 'trend', by, grain: o.grain ?? 'year', from, to, base: o.base, filters, ...(o.weights ? { weights: o.weights } : {}), ...(sums ? { sums } : {}) };
  if (by.includes('cohort') || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  if (scopeSql(store.dialect, by, filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = trendSql(store.dialect, query);
  const read = async (q: string, groups: readonly GroupDim[], total: boolean) => {
    const raw = await store.all<Record<string, unknown>>(q);
    return sums ? summedCells(raw, groups, total) : collect(raw, groups, total, !!o.weights);
  };
  const cells = await read(sql, by, false);
  if (o.totals && by.length) cells.push(...(await read(trendSql(store.dialect, { ...query, by: [] }), [], true)));
  const wanted = new Set<TrendFigure>(o.figures ?? TREND_FIGURES);
  const measures = measuresRead(wanted, DEPENDS);
  // suppression first: a hidden figure (most cells of a fine table) costs no replicates
  const plan = suppress(cells, measures, minCell, o.totals === true && by.length > 0);
  // a period ending after the latest update has no observable stock, and its flows are partial
  const L = monthsPer(query.grain);
  const late = new Set(cells.filter((c) => c.p * L + L - 1 > latest).map((c) => c.p));
  const rows = cells.map((c, i) => {
    // the cell's hidden counts, looked up once (a fine table has ~20k cells × 14 figures)
    const hidden = new Set(HIDEABLE.filter((m) => plan.hidden.has(`${i}|${m}`)));
    const isLate = late.has(c.p);
    const row = figures(c, query, boot, (f) => wanted.has(f) && !(isLate && LATE_HIDDEN.has(f)) && !DEPENDS[f].some((m) => hidden.has(m)));
    // people of a count that is hidden, or that no wanted figure reads (never checked), are not given
    for (const m of TREND_MEASURES) if (!measures.includes(m) || hidden.has(m)) row.people[m] = null;
    return row;
  });
  const notes = plan.note ? [plan.note] : [];
  if (late.size) {
    rows.forEach((r, i) => {
      if (late.has(cells[i]!.p)) r.partial = true;
    });
    notes.push(`${late.size} period${late.size === 1 ? '' : 's'} end after the latest profile update (${periodLabel(Math.floor(latest / L), query.grain)}): counts there are partial, stocks and changes not shown`);
  }
  return { definition: DEFINITIONS.version, query, sql, rows, notes, parameters: { level: boot.level, replicates: boot.replicates, seed: boot.seed, minCell } };
}

function collect(raw: Record<string, unknown>[], by: readonly GroupDim[], total: boolean, weighted: boolean): Cell[] {
  const cells = new Map<string, Cell>();
  const cols = by.map((b) => `g_${b}`);
  const comps = COMPONENTS.map((_, i) => `c${i}`);
  let last: Record<string, unknown> | null = null;
  let c: Cell | undefined;
  for (const r of raw) {
    // rows come ordered by cell: a row of the previous row's cell needs no key
    if (!last || r.p !== last.p || cols.some((g) => r[g] !== last![g])) {
      const p = Number(r.p);
      const key = cellKey(total, cols.map((g) => r[g]), p);
      c = cells.get(key);
      if (!c) {
        const group = Object.fromEntries(by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null]));
        cells.set(key, (c = { key, group, total, p, patterns: [], people: [], others: 0 }));
      }
    }
    last = r;
    if (!c) continue;
    const v = new Array<number>(weighted ? W + WEIGHTED_OF.length : W);
    for (let i = 0; i < W; i++) v[i] = Number(r[comps[i]!]);
    if (weighted) for (let i = 0; i < WEIGHTED_OF.length; i++) v[W + i] = Number(r.w) * v[WEIGHTED_OF[i]!]!;
    c.patterns.push({ v, n: Number(r.n) });
  }
  for (const c of cells.values()) {
    // a canonical pattern order: the draws (hence the intervals) do not depend on the engine's
    // row order; equal vectors (from different branches of the SQL) are then neighbours, and
    // one pattern: fewer draws
    const sorted = c.patterns.sort(byVector);
    const merged: PatternRow[] = [];
    for (const p of sorted) {
      const prev = merged[merged.length - 1];
      if (prev && byVector(prev, p) === 0) merged[merged.length - 1] = { v: prev.v, n: prev.n + p.n };
      else merged.push(p);
    }
    c.patterns = merged;
    const people = new Array<number>(W).fill(0);
    for (const p of merged) for (let i = 0; i < W; i++) if (p.v[i]! > 0) people[i]! += p.n;
    c.people = people;
    c.others = merged.reduce((s, p) => s + (p.v[0]! > p.v[1]! ? p.n : 0), 0);
  }
  return [...cells.values()];
}

/** Cells from the `sums` form: one row per cell, already in cell order. */
function summedCells(raw: Record<string, unknown>[], by: readonly GroupDim[], total: boolean): Cell[] {
  return raw.map((r) => {
    const p = Number(r.p);
    const group = Object.fromEntries(by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null]));
    const v = COMPONENTS.map((_, i) => Number(r[`t${i}`]));
    const people = COMPONENTS.map((_, i) => Number(r[`n${i}`]));
    return { key: cellKey(total, by.map((b) => group[b]), p), group, total, p, patterns: [{ v, n: 1 }], people, others: Number(r.others) };
  });
}

/** Patterns ordered by their vectors, component by component. */
function byVector(a: PatternRow, b: PatternRow): number {
  for (let i = 0; i < a.v.length; i++) if (a.v[i] !== b.v[i]) return a.v[i]! - b.v[i]!;
  return 0;
}

function figures(c: Cell, q: TrendQuery, boot: BootstrapOptions, show: (f: TrendFigure) => boolean): TrendRow {
  const weighted = q.weights !== undefined;
  const boots = new CellBootstrap(c.patterns, weighted ? W + WEIGHTED_OF.length : W, c.key, boot);
  const t = boots.total;
  const hasBase = q.base !== undefined;
  const est = (f: TrendFigure, op: 'sum' | 'ratio' | 'change', a: number, y?: number): Estimate => (show(f) ? boots.intervalOf(op, a, y) : none());
  const f: Record<TrendFigure, Estimate> = {
    hires: est('hires', 'sum', 0),
    hires_yoy: est('hires_yoy', 'change', 0, 4),
    hires_vs_base: hasBase ? est('hires_vs_base', 'change', 0, 7) : none(),
    new_grad_hires: est('new_grad_hires', 'sum', 1),
    new_grad_share: show('new_grad_share') ? wilson(t[1]!, t[0]!, boot.level) : none(),
    departures: est('departures', 'sum', 2),
    departures_yoy: est('departures_yoy', 'change', 2, 5),
    departures_vs_base: hasBase ? est('departures_vs_base', 'change', 2, 8) : none(),
    headcount: est('headcount', 'sum', 3),
    headcount_start: est('headcount_start', 'sum', 6),
    headcount_change: est('headcount_change', 'change', 3, 6),
    headcount_vs_base: hasBase ? est('headcount_vs_base', 'change', 3, 9) : none(),
    hiring_rate: est('hiring_rate', 'ratio', 0, 6),
    attrition_rate: est('attrition_rate', 'ratio', 2, 6),
  };
  const pp = c.people;
  const row: TrendRow = {
    group: c.group,
    total: c.total,
    period: periodLabel(c.p, q.grain),
    figures: f,
    ...(weighted ? { weighted: weightedFigures(boots, show) } : {}),
    people: { hires: pp[0]!, new_grad_hires: pp[1]!, departures: pp[2]!, headcount: pp[3]!, headcount_start: pp[6]! },
  };
  boots.release();
  return row;
}

/** Figures not shown for a period that ends after the latest update. */
const LATE_HIDDEN = new Set<TrendFigure>(['headcount', 'headcount_change', 'headcount_vs_base', 'hires_yoy', 'hires_vs_base', 'departures_yoy', 'departures_vs_base']);

/** Figures that have a weighted version. */
export const WEIGHTED_FIGURES = ['hires', 'new_grad_share', 'departures', 'headcount', 'headcount_start', 'headcount_change', 'hiring_rate', 'attrition_rate'] as const satisfies readonly TrendFigure[];

/** Weighted figures: sums of w × the person's components (10 + i = w × WEIGHTED_OF[i]); bootstrap CIs throughout. */
function weightedFigures(b: CellBootstrap, show: (f: TrendFigure) => boolean): Partial<Record<TrendFigure, Estimate>> {
  const [h, ng, dep, hc, hcStart] = [W, W + 1, W + 2, W + 3, W + 4];
  const est = (f: TrendFigure, op: 'sum' | 'ratio' | 'change', a: number, y?: number) => (show(f) ? b.intervalOf(op, a, y) : none());
  return {
    hires: est('hires', 'sum', h),
    new_grad_share: est('new_grad_share', 'ratio', ng, h),
    departures: est('departures', 'sum', dep),
    headcount: est('headcount', 'sum', hc),
    headcount_start: est('headcount_start', 'sum', hcStart),
    headcount_change: est('headcount_change', 'change', hc, hcStart),
    hiring_rate: est('hiring_rate', 'ratio', h, hcStart),
    attrition_rate: est('attrition_rate', 'ratio', dep, hcStart),
  };
}

const none = (): Estimate => ({ value: null, lo: null, hi: null });

/** A count the suppression plan may hide: a measure, or the previous period's cell of one. */
type Hideable = TrendMeasure | 'hires_prev' | 'departures_prev';
const HIDEABLE: readonly Hideable[] = [...TREND_MEASURES, 'hires_prev', 'departures_prev'];

/** Which figures fall when a count is hidden. */
const DEPENDS: Record<TrendFigure, Hideable[]> = {
  hires: ['hires'],
  hires_yoy: ['hires', 'hires_prev'],
  hires_vs_base: ['hires'],
  new_grad_hires: ['new_grad_hires'],
  new_grad_share: ['hires', 'new_grad_hires'],
  departures: ['departures'],
  departures_yoy: ['departures', 'departures_prev'],
  departures_vs_base: ['departures'],
  headcount: ['headcount'],
  headcount_start: ['headcount_start'],
  headcount_change: ['headcount', 'headcount_start'],
  headcount_vs_base: ['headcount'],
  hiring_rate: ['hires', 'headcount_start'],
  attrition_rate: ['departures', 'headcount_start'],
};

/**
 * Which (cell, measure) pairs are hidden, keyed `i|measure`, and the note, over the `measures`
 * the run's figures read (trend-measures.ts). The new-grad share is a margin, as in the API's
 * `new_grad_share`: a row's new-grad hires and its other hires (people with a hire that is not a
 * new grad's; not printed) add up to its hires, so a small "other" hides the new-grad count and
 * with it the share (hires − new-grad hires would give it back).
 */
function suppress(cells: Cell[], measures: readonly TrendMeasure[], minCell: number, withTotals: boolean): { hidden: Set<string>; note: string } {
  const idx: Record<string, number> = { hires: 0, new_grad_hires: 1, departures: 2, headcount: 3, hires_prev: 4, departures_prev: 5, headcount_start: 6 };
  const sizes: CellSize[] = [];
  cells.forEach((c, i) => {
    const share = `share|${i}`;
    for (const m of measures) {
      const column = withTotals && !c.total ? `${c.p}|${m}` : null;
      const margin = m === 'new_grad_hires' ? [...(column === null ? [] : [column]), share] : column;
      sizes.push({ key: `${i}|${m}`, margin, people: c.people[idx[m]!]! });
    }
    if (measures.includes('new_grad_hires')) sizes.push({ key: `${i}|other_hires`, margin: share, people: c.others });
  });
  const plan = planSuppression(sizes, minCell);
  const totalsOf = new Map(cells.flatMap((c, i) => (c.total ? [[String(c.p), i] as const] : [])));
  // a share's own total is its row's hires: hidden already whenever its margin is too small
  // (the row's hire people are at most its new-grad and other ones together)
  for (const margin of plan.hiddenTotals) {
    const [p, m] = margin.split('|');
    const i = totalsOf.get(p!);
    if (i !== undefined) plan.hidden.add(`${i}|${m}`);
  }
  cells.forEach((c, i) => {
    // the previous period's counts are that period's cells: a change against a small one is hidden too
    for (const m of ['hires_prev', 'departures_prev'] as const) {
      const n = c.people[idx[m]!]!;
      if (n > 0 && n < minCell) plan.hidden.add(`${i}|${m}`);
    }
  });
  return { hidden: plan.hidden, note: suppressionNote(plan) };
}
