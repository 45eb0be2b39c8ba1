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
import { requireCapabilities, type Dialect, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import { wilson, type Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, planSuppression, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { basePeriod, monthsPer, periodLabel, periodsOfYears, periodsPerYear, type Grain } from './grain.js';
import { scopeSql, withLabels, type GroupDim, type MetricFilters } from './metric-scope.js';
import { personWeightsSql, type WeightSpec } from './weights.js';
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
  /** Post-stratified weights: weighted figures beside the unweighted (`TrendRow.weighted`). */
  weights?: WeightSpec;
}

/** Per-person contribution components, in vector order. */
export const COMPONENTS = ['hires', 'new_grad_hires', 'departures', 'headcount', 'hires_prev', 'departures_prev', 'headcount_prev', 'hires_base', 'departures_base', 'headcount_base'] as const;
const W = COMPONENTS.length;
/** Weighted components appended to a vector when weighted: w × these components. */
const WEIGHTED_OF = [0, 1, 2, 3, 6] as const;

/**
 * SQL: one row per (group, period, distinct contribution vector) with `n` people, as 32-bit
 * integers, ordered by cell. With at most `WIDE_MAX_PERIODS` periods read (years) the query takes
 * the per-person wide form (`widePersonTrendSql`); otherwise the expanded form, in one pass
 * over `spells` (no UNION ALL of stages over the same rows):
 *
 * - `e`: each spell expands to the periods it touches; a row carries the spell's flags there
 *   (hire, new-grad hire, departure, and present at the period's last month);
 * - `t`: each of those rows goes to the reported periods that read it, with a role: the period
 *   itself (r = 0), the next one, for which it is the previous period (r = 1), and, for a base
 *   period, the same quarter/month of every reported year (r = 2);
 * - `v`: per group, reported period and person, the contribution vector (COMPONENTS), packed
 *   as one integer per role;
 * - the result: distinct vectors per cell with their number of people, unpacked.
 *
 * Without a base year, most people hold one spell per group in the window, and their vector is
 * that spell's own, in closed form: only the others go through the per-person grouping (`v`),
 * the costly step (millions of person-periods). Rows of both branches are disjoint people.
 */
export function trendSql(d: Dialect, q: TrendQuery): string {
  return finish(d, q, d.capabilities.windowFunctions && neededPeriods(q).length <= WIDE_MAX_PERIODS ? widePersonTrendSql(d, q) : expandedRows(d, q));
}

/** The general form alone (`trendSql` picks it above `WIDE_MAX_PERIODS` periods), finished alike. */
export function expandedTrendSql(d: Dialect, q: TrendQuery): string {
  return finish(d, q, expandedRows(d, q));
}

/** The scope of a trend query: companies by their integer name key, named in `finish`. */
const trendScope = (d: Dialect, q: TrendQuery) => scopeSql(d, q.by, q.filters, q.cohortSet, 's', true);

/** Names on the compact keys, small integers out (a table by company and quarter returns ~300k
 *  rows: no 64-bit conversions), ordered by cell. */
function finish(d: Dialect, q: TrendQuery, rows: string): string {
  const keys = q.by.map((b) => `g_${b}`);
  const ints = ['p', ...COMPONENTS.map((_, i) => `c${i}`), 'n'];
  const cast = `SELECT ${[...keys, ...ints.map((c) => `CAST(${c} AS INTEGER) AS ${c}`), ...(q.weights ? ['w'] : [])].join(', ')} FROM (\n${rows}\n) AS tr`;
  return withLabels(cast, [...keys, ...ints, ...(q.weights ? ['w'] : [])], trendScope(d, q).labels, [...keys, 'p']);
}

/** Above this many periods read (lo − 1 … hi, and the base year's), `trendSql` expands spells instead. */
export const WIDE_MAX_PERIODS = 12;

/** The periods a trend query reads: the reported ones, the one before, and the base year's. */
function neededPeriods(q: TrendQuery): number[] {
  const [lo, hi] = periodsOfYears(q.from, q.to, q.grain);
  const out = new Set<number>();
  for (let p = lo - 1; p <= hi; p++) out.add(p);
  if (q.base !== undefined) {
    const [blo, bhi] = periodsOfYears(q.base, q.base, q.grain);
    for (let p = blo; p <= bhi; p++) out.add(p);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * What both forms read: the scope, the period length L and reported periods lo … hi, the group
 * keys as a select-list prefix `g`, and the spell columns (`cols`) from `from`. Weighted, each
 * person's weight rides along as one more grouping column (`w`), from the `pw` CTE.
 */
function spellSource(d: Dialect, q: TrendQuery) {
  const scope = trendScope(d, q);
  const L = monthsPer(q.grain);
  const [lo, hi] = periodsOfYears(q.from, q.to, q.grain);
  const g = scope.keys.map((key) => `${key}, `).join('');
  const per = (m: string) => d.intDiv(m, L);
  const w = q.weights ? ', w' : '';
  const pw = q.weights ? `pw AS (${personWeightsSql(d, q.weights)}), ` : '';
  const from = q.weights ? `${scope.from}\nLEFT JOIN pw ON pw.pid = s.pid` : scope.from;
  const cols = [...scope.select, 's.pid', 's.start_m', 's.stop_m', 's.departed', 's.new_grad', ...(q.weights ? ['coalesce(pw.w, 1) AS w'] : [])].join(', ');
  return { scope, L, lo, hi, g, per, w, pw, from, cols };
}

/**
 * The same rows as `expandedTrendSql`, for few periods (years): no spell is expanded and no
 * per-person-period grouping is made. One grouping per (group, person) over the spells sums, for
 * each period read, the codes of the spells touching it — one DOUBLE column per period
 * (`s<p>`; exact: 5 fields of 10 bits stay under 2⁵³), the fifth field counting the spells that
 * touch it (a person touched by a spell but with an all-zero vector still counts, as before).
 * Each (group, person) row then yields its reported periods, with the current, previous and
 * base-twin columns as k0, k1, k2. At 2M profiles this replaces a 15M-row grouping by person
 * and period (the dominant cost) by a 4M-row grouping by person.
 */
function widePersonTrendSql(d: Dialect, q: TrendQuery): string {
  const { scope, L, lo, hi, g, per, w, pw, from, cols } = spellSource(d, q);
  const periods = neededPeriods(q);
  const F = 1024;
  const where = ['s.stop_m >= s.start_m', ...scope.where, `${per('s.stop_m')} >= ${periods[0]!}`, `${per('s.start_m')} <= ${periods[periods.length - 1]!}`];
  // per period P read: touched (F⁴), hire (1; + F if new grad), departure (F²), present at P's end (F³)
  const column = (p: number) => `sum(CAST(CASE WHEN ${p} BETWEEN sp AND ep THEN ${F ** 4}
      + CASE WHEN sp = ${p} THEN CASE WHEN new_grad THEN ${1 + F} ELSE 1 END ELSE 0 END
      + CASE WHEN departed AND ep = ${p} THEN ${F ** 2} ELSE 0 END
      + CASE WHEN ${p * L + L - 1} BETWEEN start_m AND stop_m THEN ${F ** 3} ELSE 0 END ELSE 0 END AS DOUBLE)) AS s${p}`;
  const col = (p: number) => (periods.includes(p) ? `s${p}` : '0');
  const pick = (of: (p: number) => number) => `CASE i ${Array.from({ length: hi - lo + 1 }, (_, i) => `WHEN ${i} THEN ${col(of(lo + i))}`).join(' ')} END`;
  const twin = (p: number) => basePeriod(p, q.base!, q.grain);
  // the fields below F⁴ are the old codes: the touch count only decides whether a row exists
  const strip = (x: string) => `CAST(${x} AS BIGINT) % ${F ** 4}`;
  const comps = unpackRoles(d, F);
  return `WITH ${pw}s AS (
  SELECT ${cols}, ${per('s.start_m')} AS sp, ${per('s.stop_m')} AS ep
  FROM ${from}
  WHERE ${where.join(' AND ')}
), u AS (
  SELECT ${g}pid${w}, ${periods.map(column).join(',\n    ')}
  FROM s GROUP BY ${g}pid${w}
), x AS (
  SELECT ${g}${lo} + i AS p${w}, ${pick((p) => p)} AS a0, ${pick((p) => p - 1)} AS a1, ${q.base !== undefined ? pick(twin) : '0'} AS a2
  FROM (SELECT *, ${d.expandRange('0', String(hi - lo + 1))} AS i FROM u) y
), v AS (
  SELECT ${g}p${w}, ${strip('a0')} AS k0, ${strip('a1')} AS k1, ${strip('a2')} AS k2 FROM x WHERE a0 <> 0 OR a1 <> 0 OR a2 <> 0
)
SELECT ${g}p${w}, ${comps.join(', ')}, n FROM (
  SELECT ${g}p${w}, k0, k1, k2, count(*) AS n FROM v GROUP BY ${g}p${w}, k0, k1, k2
) vv`;
}

/**
 * The general form: each spell expanded to the periods it touches (see `trendSql` above for the
 * roles); any number of periods.
 */
function expandedRows(d: Dialect, q: TrendQuery): string {
  const { scope, L, lo, hi, g, per, w, pw, from, cols } = spellSource(d, q);
  const k = periodsPerYear(q.grain);
  const hasBase = q.base !== undefined;
  const [blo, bhi] = hasBase ? periodsOfYears(q.base!, q.base!, q.grain) : [lo, lo - 1];
  const first = hasBase ? Math.min(lo - 1, blo) : lo - 1;
  const last = hasBase ? Math.max(hi, bhi) : hi;
  const needed = `p BETWEEN ${lo - 1} AND ${hi}${hasBase ? ` OR p BETWEEN ${blo} AND ${bhi}` : ''}`;
  const years = q.to - q.from + 1;
  // j = 0: the period itself; 1: the next; 2 … 2 + years − 1: the base period's twin in each reported year
  const roles = hasBase ? `CASE WHEN p BETWEEN ${blo} AND ${bhi} THEN ${2 + years} ELSE 2 END` : '2';
  const target = `CASE WHEN j = 0 THEN p WHEN j = 1 THEN p + 1 ELSE (${q.from} + j - 2) * ${k} + p % ${k} END`;
  const role = 'CASE WHEN j < 2 THEN j ELSE 2 END';
  // a row's flags packed into one integer, 12 bits each (a person has far fewer than 4096
  // spells in one group and period): one summed state per role instead of ten
  const F = 4096;
  const sums = [0, 1, 2].map((r) => `sum(CASE WHEN r = ${r} THEN code ELSE 0 END) AS k${r}`);
  const comps = unpackRoles(d, F);
  const where = ['s.stop_m >= s.start_m', ...scope.where];
  const general = (from: string) => `e AS (
  SELECT ${g}pid${w}, p, CASE WHEN p = ${per('start_m')} THEN CASE WHEN new_grad THEN ${1 + F} ELSE 1 END ELSE 0 END
           + CASE WHEN departed AND p = ${per('stop_m')} THEN ${F ** 2} ELSE 0 END
           + CASE WHEN p * ${L} + ${L - 1} BETWEEN start_m AND stop_m THEN ${F ** 3} ELSE 0 END AS code
  FROM (SELECT *, ${d.expandRange(`greatest(${per('start_m')}, ${first})`, `least(${per('stop_m')}, ${last}) + 1`)} AS p FROM ${from}) x
  WHERE ${needed}
), t AS (
  SELECT ${g}pid${w}, code, ${target} AS tp, ${role} AS r
  FROM (SELECT *, ${d.expandRange('0', roles)} AS j FROM e) y
), v AS (
  SELECT ${g}tp AS p, pid${w}, ${sums.join(', ')}
  FROM t WHERE tp BETWEEN ${lo} AND ${hi} GROUP BY ${g}tp, pid${w}
)`;
  const merged = `SELECT ${g}p${w}, ${comps.join(', ')}, n FROM (
  SELECT ${g}p${w}, k0, k1, k2, count(*) AS n FROM v GROUP BY ${g}p${w}, k0, k1, k2
) vv`;
  // the closed form needs a window count; an engine without window functions groups everyone
  if (hasBase || !d.capabilities.windowFunctions) {
    return `WITH ${pw}s AS (
  SELECT ${cols}
  FROM ${from}
  WHERE ${where.join(' AND ')}
), ${general('s')}
${merged}`;
  }
  // without a base year, a spell alone in its group (for this person, in the window) makes its
  // person's vector by itself, in closed form: only people with several spells there are grouped
  const flag = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
  const hc = (p: string) => `${p} * ${L} + ${L - 1} BETWEEN start_m AND stop_m`;
  const own = [
    flag(`p = ${per('start_m')}`), flag(`p = ${per('start_m')} AND new_grad`), flag(`departed AND p = ${per('stop_m')}`), flag(hc('p')),
    flag(`p - 1 = ${per('start_m')}`), flag(`departed AND p - 1 = ${per('stop_m')}`), flag(hc('(p - 1)')), '0', '0', '0',
  ];
  // the seven flags packed into one small integer: the grouping below keys on (group, period, code)
  const packed = own.slice(0, 7).map((c, i) => (i === 0 ? c : `${2 ** i} * ${c}`)).join(' + ');
  const unpacked = own.map((c, i) => `${i < 7 ? `${i === 0 ? 'code' : d.intDiv('code', 2 ** i)} % 2` : c} AS c${i}`);
  const partition = [...scope.keys, 'pid'].join(', ');
  // Spells alone in their group are first counted by shape, and only the shapes are expanded to
  // periods (millions of spells, thousands of shapes). Within the window [lo, hi] a spell's flags
  // depend only on its first and last period sp, ep (clamped: every sp < lo − 1 acts alike, and
  // every ep > hi), on departed and new_grad where they can show (ep ≤ hi, sp ≥ lo) and on
  // whether its last month ends ep (for the stock at ep's end); each shape stands for its
  // spells with start_m = sp's first month and stop_m = ep's first or last month.
  const shapes = `SELECT ${g}sp * ${L} AS start_m, ep * ${L} + CASE WHEN full_end THEN ${L - 1} ELSE 0 END AS stop_m, departed, new_grad${w}, count(*) AS n
    FROM (SELECT ${g}greatest(${per('start_m')}, ${lo - 2}) AS sp, least(${per('stop_m')}, ${hi + 1}) AS ep,
                 departed AND ${per('stop_m')} <= ${hi} AS departed, new_grad AND ${per('start_m')} >= ${lo} AS new_grad,
                 ${per('stop_m')} <= ${hi} AND stop_m % ${L} = ${L - 1} AS full_end${w}
          FROM s WHERE spells_here = 1) sh
    GROUP BY ${g}sp, ep, departed, new_grad, full_end${w}`;
  return `WITH ${pw}s AS (
  SELECT *, count(*) OVER (PARTITION BY ${partition}) AS spells_here FROM (
    SELECT ${cols}
    FROM ${from}
    WHERE ${[...where, `${per('s.stop_m')} >= ${lo - 1}`, `${per('s.start_m')} <= ${hi}`].join(' AND ')}
  ) s0
), several AS (SELECT * FROM s WHERE spells_here > 1
), ${general('several')}, shapes AS (
  ${shapes}
)
SELECT * FROM (
  ${merged}
  UNION ALL
  SELECT ${g}p${w}, ${unpacked.join(', ')}, n FROM (
    SELECT ${g}p${w}, code, sum(n) AS n FROM (
      SELECT ${g}p${w}, ${packed} AS code, n
      FROM (SELECT *, ${d.expandRange(`greatest(${per('start_m')}, ${lo})`, `least(${per('stop_m')} + 1, ${hi}) + 1`)} AS p FROM shapes) x
    ) o GROUP BY ${g}p${w}, code
  ) oo
) r`;
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
  /** With weights: the weighted figures (WEIGHTED_FIGURES), hidden where the unweighted are. */
  weighted?: Partial<Record<TrendFigure, Estimate>>;
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
  patterns: PatternRow[];
  /** People with a non-zero component, by component. */
  people: number[];
  index: Map<string, { v: number[]; n: number }>;
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
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'headcount and departures', ['cteSubqueries']);
  await ensureSpells(store);
  const by = o.by ?? [];
  const filters = o.filters ?? {};
  const latest = await latestUpdate(store);
  const to = o.to ?? filters.to ?? lastCompleteYear(latest);
  const from = o.from ?? filters.from ?? to - 5;
  const query: TrendQuery = { metric: 'trend', by, grain: o.grain ?? 'year', from, to, base: o.base, filters, ...(o.weights ? { weights: o.weights } : {}) };
  if (by.includes('cohort') || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  if (scopeSql(store.dialect, by, filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...o.bootstrap };
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = trendSql(store.dialect, query);
  const cells = collect(await store.all<Record<string, unknown>>(sql), by, false, !!o.weights);
  if (o.totals && by.length) {
    const totalSql = trendSql(store.dialect, { ...query, by: [] });
    cells.push(...collect(await store.all<Record<string, unknown>>(totalSql), [], true, !!o.weights));
  }
  // suppression first: a hidden figure (most cells of a fine table) costs no replicates
  const plan = suppress(cells, minCell, o.totals === true && by.length > 0);
  const wanted = new Set<TrendFigure>(o.figures ?? TREND_FIGURES);
  // a period ending after the latest update has no observable stock, and its flows are partial
  const L = monthsPer(query.grain);
  const late = new Set(cells.filter((c) => c.p * L + L - 1 > latest).map((c) => c.p));
  const show = (i: number, f: TrendFigure) => wanted.has(f) && !(late.has(cells[i]!.p) && LATE_HIDDEN.has(f)) && !DEPENDS[f].some((m) => plan.hidden.has(`${i}|${m}`));
  const rows = cells.map((c, i) => figures(c, query, boot, (f) => show(i, f)));
  rows.forEach((r, i) => {
    for (const m of Object.keys(r.people) as (keyof TrendRow['people'])[]) if (plan.hidden.has(`${i}|${m}`)) r.people[m] = null;
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
  let last: Record<string, unknown> | null = null;
  let c: Cell | undefined;
  for (const r of raw) {
    // rows come ordered by cell: a row of the previous row's cell needs no key
    if (!last || r.p !== last.p || cols.some((g) => r[g] !== last![g])) {
      const p = Number(r.p);
      const key = JSON.stringify([total, cols.map((g) => r[g]), p]);
      c = cells.get(key);
      if (!c) {
        const group = Object.fromEntries(by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null]));
        cells.set(key, (c = { key, group, total, p, patterns: [], people: [], index: new Map() }));
      }
    }
    last = r;
    if (!c) continue;
    // equal vectors from different branches of the SQL are one pattern: fewer draws
    const v = COMPONENTS.map((_, i) => Number(r[`c${i}`]));
    if (weighted) v.push(...WEIGHTED_OF.map((i) => Number(r.w) * v[i]!));
    const vk = v.join(',');
    const same = c.index.get(vk);
    if (same) same.n += Number(r.n);
    else {
      const pat = { v, n: Number(r.n) };
      c.index.set(vk, pat);
      c.patterns.push(pat);
    }
  }
  // a canonical pattern order: the draws (hence the intervals) do not depend on the engine's row order
  const byVector = (a: PatternRow, b: PatternRow) => {
    for (let i = 0; i < a.v.length; i++) if (a.v[i] !== b.v[i]) return a.v[i]! - b.v[i]!;
    return 0;
  };
  for (const c of cells.values()) c.patterns.sort(byVector);
  for (const c of cells.values()) c.people = COMPONENTS.map((_, i) => c.patterns.reduce((s, p) => s + ((p.v[i] ?? 0) > 0 ? p.n : 0), 0));
  return [...cells.values()];
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

/**
 * Which (cell, measure) pairs are hidden, keyed `i|measure`, and the note. The new-grad share is
 * a margin, as in the API's `new_grad_share`: a row's new-grad hires and its other hires (people
 * with a hire that is not a new grad's; not printed) add up to its hires, so a small "other"
 * hides the new-grad count and with it the share (hires − new-grad hires would give it back).
 */
function suppress(cells: Cell[], minCell: number, withTotals: boolean): { hidden: Set<string>; note: string } {
  const measures = ['hires', 'new_grad_hires', 'departures', 'headcount', 'headcount_start'] as const;
  const idx: Record<string, number> = { hires: 0, new_grad_hires: 1, departures: 2, headcount: 3, hires_prev: 4, departures_prev: 5, headcount_start: 6 };
  const sizes: CellSize[] = [];
  cells.forEach((c, i) => {
    const share = `share|${i}`;
    for (const m of measures) {
      const column = withTotals && !c.total ? `${c.p}|${m}` : null;
      const margin = m === 'new_grad_hires' ? [...(column === null ? [] : [column]), share] : column;
      sizes.push({ key: `${i}|${m}`, margin, people: c.people[idx[m]!]! });
    }
    const others = c.patterns.reduce((s, p) => s + (p.v[0]! > p.v[1]! ? p.n : 0), 0);
    sizes.push({ key: `${i}|other_hires`, margin: share, people: others });
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

/**
 * The ten per-role figures `c0 … c9` from the packed role states `k0 k1 k2` (fields of base F):
 * per role — the period, the next, the base period — hires, new-grad hires (period only),
 * departures, present (a person present twice is present once).
 */
function unpackRoles(d: Dialect, F: number): string[] {
  const field = (r: number, i: number) => `${i === 0 ? `k${r}` : d.intDiv(`k${r}`, F ** i)} % ${F}`;
  return [
    field(0, 0), field(0, 1), field(0, 2), `least(${field(0, 3)}, 1)`,
    field(1, 0), field(1, 2), `least(${field(1, 3)}, 1)`,
    field(2, 0), field(2, 2), `least(${field(2, 3)}, 1)`,
  ].map((c, i) => `${c} AS c${i}`);
}
