/**
 * Stocks and flows by period: hires, new-grad hires, departures, headcount (the stock at the
 * period's last month), the hiring rate (hires ÷ headcount at the period's start, i.e. at the
 * end of the previous period), the attrition rate (departures ÷ the same), change against the
 * previous period and against a base year — each with a bootstrap CI over people, and small
 * cells suppressed. `headcount` and `departures` are views of this one query.
 *
 * The SQL returns, per cell (group × period), each distinct per-person contribution vector with
 * its number of people; the statistics come from those (src/analyze/bootstrap.ts).
 */
import type { Dialect, Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, change, ratio, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import { wilson, type Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, planSuppression, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { basePeriod, monthsPer, periodLabel, periodsOfYears, periodsPerYear, type Grain } from './grain.js';
import { scopeSql, type GroupDim, type MetricFilters } from './metric-scope.js';
import { ensurePlaceMap, ensureSpells } from './spells.js';

export interface TrendQuery {
  metric: 'trend';
  by: GroupDim[];
  grain: Grain;
  /** First and last reported year (inclusive). */
  from: number;
  to: number;
  /** Base year for "change vs base" (`--base 2019`): the same quarter/month of that year. */
  base?: number;
  filters: MetricFilters;
  cohortSet?: string;
}

/** Per-person contribution components, in vector order. */
export const COMPONENTS = ['hires', 'new_grad_hires', 'departures', 'headcount', 'hires_prev', 'departures_prev', 'headcount_prev', 'hires_base', 'departures_base', 'headcount_base'] as const;
const W = COMPONENTS.length;

/** SQL: one row per (group, period, distinct contribution vector) with `n` people. */
export function trendSql(d: Dialect, q: TrendQuery): string {
  const scope = scopeSql(d, q.by, q.filters, q.cohortSet);
  const L = monthsPer(q.grain);
  const [lo, hi] = periodsOfYears(q.from, q.to, q.grain);
  const [blo, bhi] = q.base === undefined ? [lo, lo - 1] : periodsOfYears(q.base, q.base, q.grain);
  const first = Math.min(lo - 1, blo);
  const g = scope.keys.map((k) => `${k}, `).join('');
  const per = (m: string) => d.intDiv(m, L);
  const needed = `(p BETWEEN ${lo - 1} AND ${hi}${q.base === undefined ? '' : ` OR p BETWEEN ${blo} AND ${bhi}`})`;
  const zeros = (n: number) => Array.from({ length: n }, () => '0').join(', ');
  const k = periodsPerYear(q.grain);
  const base =
    q.base === undefined
      ? ''
      : `\n  UNION ALL SELECT ${g}r.p, person_id, ${zeros(7)}, h, d, hc FROM pp JOIN (SELECT ${d.expandRange(String(lo), String(hi + 1))} AS p) r
    ON pp.p BETWEEN ${blo} AND ${bhi} AND pp.p % ${k} = r.p % ${k}`;
  const sums = COMPONENTS.map((c, i) => `sum(c${i}) AS c${i}`).join(', ');
  const cs = COMPONENTS.map((_, i) => `c${i}`).join(', ');
  return `WITH s AS (
  SELECT ${[...scope.select, 's.person_id', 's.start_m', 's.stop_m', 's.departed', 's.new_grad'].join(', ')}
  FROM ${scope.from}
  WHERE ${['s.stop_m >= s.start_m', ...scope.where].join(' AND ')}
), ev AS (
  SELECT ${g}${per('start_m')} AS p, person_id, 1 AS h, CASE WHEN new_grad THEN 1 ELSE 0 END AS ng, 0 AS d, 0 AS hc FROM s
  UNION ALL SELECT ${g}${per('stop_m')} AS p, person_id, 0, 0, 1, 0 FROM s WHERE departed
  UNION ALL SELECT ${g}${d.expandRange(`greatest(${per('start_m')}, ${first})`, `least(${per('stop_m + 1')} - 1, ${hi}) + 1`)} AS p, person_id, 0, 0, 0, 1 FROM s
), pp AS (
  SELECT ${g}p, person_id, sum(h) AS h, sum(ng) AS ng, sum(d) AS d, max(hc) AS hc
  FROM ev WHERE ${needed} GROUP BY ${g}p, person_id
), j AS (
  SELECT ${g}p, person_id, h AS c0, ng AS c1, d AS c2, hc AS c3, 0 AS c4, 0 AS c5, 0 AS c6, 0 AS c7, 0 AS c8, 0 AS c9 FROM pp WHERE p BETWEEN ${lo} AND ${hi}
  UNION ALL SELECT ${g}p + 1, person_id, ${zeros(4)}, h, d, hc, ${zeros(3)} FROM pp WHERE p + 1 BETWEEN ${lo} AND ${hi}${base}
), v AS (
  SELECT ${g}p, person_id, ${sums} FROM j GROUP BY ${g}p, person_id
)
SELECT ${g}p, ${cs}, count(*) AS n FROM v GROUP BY ${g}p, ${cs}
ORDER BY ${g}p`;
}

/** One figure and its interval; null where suppressed or undefined. */
export interface TrendRow {
  /** Group values by dimension; `{}` for the total row. */
  group: Partial<Record<GroupDim, string | number | boolean | null>>;
  total: boolean;
  period: string;
  /** The period ends after the latest profile update: its counts are partial. */
  partial?: boolean;
  figures: Record<TrendFigure, Estimate>;
  /** People each count rests on (after suppression: null where hidden). */
  people: Record<'hires' | 'new_grad_hires' | 'departures' | 'headcount' | 'headcount_start', number | null>;
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
  patterns: PatternRow[];
}

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
  await ensureSpells(store);
  const by = o.by ?? [];
  const filters = o.filters ?? {};
  const latest = await latestUpdate(store);
  const to = o.to ?? filters.to ?? lastCompleteYear(latest);
  const from = o.from ?? filters.from ?? to - 5;
  const query: TrendQuery = { metric: 'trend', by, grain: o.grain ?? 'year', from, to, base: o.base, filters };
  if (by.includes('cohort') || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  if (scopeSql(store.dialect, by, filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...o.bootstrap };
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = trendSql(store.dialect, query);
  const cells = collect(await store.all<Record<string, unknown>>(sql), by, false);
  if (o.totals && by.length) {
    const totalSql = trendSql(store.dialect, { ...query, by: [] });
    cells.push(...collect(await store.all<Record<string, unknown>>(totalSql), [], true));
  }
  const rows = cells.map((c) => figures(c, query, boot));
  const notes = suppress(rows, cells, minCell, o.totals === true && by.length > 0);
  // a period ending after the latest update has no observable stock, and its flows are partial
  const L = monthsPer(query.grain);
  const late = new Set(cells.filter((c) => c.p * L + L - 1 > latest).map((c) => c.p));
  if (late.size) {
    rows.forEach((r, i) => {
      if (!late.has(cells[i]!.p)) return;
      for (const f of ['headcount', 'headcount_change', 'headcount_vs_base', 'hires_yoy', 'hires_vs_base', 'departures_yoy', 'departures_vs_base'] as const) r.figures[f] = none();
      r.partial = true;
    });
    notes.push(`${late.size} period${late.size === 1 ? '' : 's'} end after the latest profile update (${periodLabel(Math.floor(latest / L), query.grain)}): counts there are partial, stocks and changes not shown`);
  }
  return { definition: DEFINITIONS.version, query, sql, rows, notes, parameters: { level: boot.level, replicates: boot.replicates, seed: boot.seed, minCell } };
}

function collect(raw: Record<string, unknown>[], by: readonly GroupDim[], total: boolean): Cell[] {
  const cells = new Map<string, Cell>();
  for (const r of raw) {
    const group = Object.fromEntries(by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null]));
    const p = Number(r.p);
    const key = JSON.stringify([total, by.map((b) => r[`g_${b}`]), p]);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { key, group, total, p, patterns: [] }));
    c.patterns.push({ v: COMPONENTS.map((_, i) => Number(r[`c${i}`])), n: Number(r.n) });
  }
  return [...cells.values()];
}

function figures(c: Cell, q: TrendQuery, boot: BootstrapOptions): TrendRow {
  const b = new CellBootstrap(c.patterns, W, c.key, boot);
  const t = b.total;
  const people = (i: number) => c.patterns.reduce((s, p) => s + ((p.v[i] ?? 0) > 0 ? p.n : 0), 0);
  const hasBase = q.base !== undefined;
  const f: Record<TrendFigure, Estimate> = {
    hires: b.interval((s) => s[0]!),
    hires_yoy: b.interval((s) => change(s[0]!, s[4]!)),
    hires_vs_base: hasBase ? b.interval((s) => change(s[0]!, s[7]!)) : none(),
    new_grad_hires: b.interval((s) => s[1]!),
    new_grad_share: wilson(t[1]!, t[0]!, boot.level),
    departures: b.interval((s) => s[2]!),
    departures_yoy: b.interval((s) => change(s[2]!, s[5]!)),
    departures_vs_base: hasBase ? b.interval((s) => change(s[2]!, s[8]!)) : none(),
    headcount: b.interval((s) => s[3]!),
    headcount_start: b.interval((s) => s[6]!),
    headcount_change: b.interval((s) => change(s[3]!, s[6]!)),
    headcount_vs_base: hasBase ? b.interval((s) => change(s[3]!, s[9]!)) : none(),
    hiring_rate: b.interval((s) => ratio(s[0]!, s[6]!)),
    attrition_rate: b.interval((s) => ratio(s[2]!, s[6]!)),
  };
  return {
    group: c.group,
    total: c.total,
    period: periodLabel(c.p, q.grain),
    figures: f,
    people: { hires: people(0), new_grad_hires: people(1), departures: people(2), headcount: people(3), headcount_start: people(6) },
  };
}

const none = (): Estimate => ({ value: null, lo: null, hi: null });

/** Which figures fall when a count is hidden. */
const DEPENDS: Record<TrendFigure, (keyof TrendRow['people'] | 'hires_prev' | 'departures_prev')[]> = {
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

function suppress(rows: TrendRow[], cells: Cell[], minCell: number, withTotals: boolean): string[] {
  const measures = ['hires', 'new_grad_hires', 'departures', 'headcount', 'headcount_start'] as const;
  const idx: Record<string, number> = { hires: 0, new_grad_hires: 1, departures: 2, headcount: 3, hires_prev: 4, departures_prev: 5, headcount_start: 6 };
  const peopleIn = (c: Cell, m: string) => c.patterns.reduce((s, p) => s + ((p.v[idx[m]!] ?? 0) > 0 ? p.n : 0), 0);
  const sizes: CellSize[] = [];
  cells.forEach((c, i) => {
    for (const m of measures) sizes.push({ key: `${i}|${m}`, margin: withTotals && !c.total ? `${c.p}|${m}` : null, people: peopleIn(c, m) });
  });
  const plan = planSuppression(sizes, minCell);
  const totalsOf = new Map(cells.filter((c) => c.total).map((c) => [String(c.p), cells.indexOf(c)]));
  for (const margin of plan.hiddenTotals) {
    const [p, m] = margin.split('|');
    const i = totalsOf.get(p!);
    if (i !== undefined) plan.hidden.add(`${i}|${m}`);
  }
  rows.forEach((r, i) => {
    const c = cells[i]!;
    // the previous period's counts are that period's cells: a change against a small one is hidden too
    for (const m of ['hires_prev', 'departures_prev'] as const) {
      const n = peopleIn(c, m);
      if (n > 0 && n < minCell) plan.hidden.add(`${i}|${m}`);
    }
    for (const fig of TREND_FIGURES) {
      if (DEPENDS[fig].some((m) => plan.hidden.has(`${i}|${m}`))) r.figures[fig] = none();
    }
    for (const m of Object.keys(r.people) as (keyof TrendRow['people'])[]) if (plan.hidden.has(`${i}|${m}`)) r.people[m] = null;
  });
  const note = suppressionNote(plan);
  return note ? [note] : [];
}
