/**
 * The trend query (src/metrics/trend.ts): a `TrendQuery` compiled to SQL that returns, per cell
 * (group × period), each distinct per-person contribution vector with its number of people.
 * Two forms: per person and wide (a few yearly periods), or expanded period by period. With
 * `sums` (no intervals asked), either form's vectors are summed per cell in the engine.
 */
import type { Dialect } from '../engines/engine.js';
import { basePeriod, monthsPer, periodsOfYears, periodsPerYear, type Grain } from './grain.js';
import { scopeSql, withLabels, type GroupDim, type MetricFilters } from './metric-scope.js';
import { personWeightsSql, type WeightSpec } from './weights.js';

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
  /**
   * One row per cell with its sums instead of its per-person vectors (`cellSums`): the point
   * figures and the people each count rests on, but no bootstrap. Not with weights.
   */
  sums?: boolean;
}

/** Per-person contribution components, in vector order. */
export const COMPONENTS = ['hires', 'new_grad_hires', 'departures', 'headcount', 'hires_prev', 'departures_prev', 'headcount_prev', 'hires_base', 'departures_base', 'headcount_base'] as const;
/** Weighted components appended to a vector when weighted: w × these components. */
export const WEIGHTED_OF = [0, 1, 2, 3, 6] as const;

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
 * Without a base year, most spells are the only one of their person in their group that reaches
 * their periods, and the person's vector there is that spell's own, in closed form: only the
 * others go through the per-person grouping (`v`), the costly step (millions of person-periods).
 * Rows of both branches are disjoint (person, period) pairs; `trend` merges equal vectors.
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
 *  rows: no 64-bit conversions), ordered by cell; with `sums`, one row per cell. */
function finish(d: Dialect, q: TrendQuery, rows: string): string {
  const keys = q.by.map((b) => `g_${b}`);
  const labels = trendScope(d, q).labels;
  const ints = ['p', ...COMPONENTS.map((_, i) => `c${i}`), 'n'];
  // one integer type for every branch's columns (ClickHouse sums none of a UNION's mixed types)
  const cast = `SELECT ${[...keys, ...ints.map((c) => `CAST(${c} AS INTEGER) AS ${c}`), ...(q.weights ? ['w'] : [])].join(', ')} FROM (\n${rows}\n) AS tr`;
  if (q.sums) {
    if (q.weights) throw new Error('a trend query with sums takes no weights');
    const summed = cellSums(keys, cast);
    return withLabels(summed.sql, summed.columns, labels, [...keys, 'p']);
  }
  return withLabels(cast, [...keys, ...ints, ...(q.weights ? ['w'] : [])], labels, [...keys, 'p']);
}

/**
 * Per cell (`keys`, p) of the vector rows: `t<i>` = Σ n · c<i> (the point sums), `n<i>` = the
 * people with c<i> > 0, and `others` = the people with more hires than new-grad hires — what
 * the figures and the small-cell rule read when no interval is drawn (a table by company and
 * quarter: 18k rows instead of 250k). DOUBLE out: exact far past any count, and no 64-bit
 * integer conversions.
 */
function cellSums(keys: readonly string[], rows: string): { sql: string; columns: string[] } {
  const dbl = (x: string) => `CAST(${x} AS DOUBLE)`;
  const sums = COMPONENTS.flatMap((_, i) => [`${dbl(`sum(n * c${i})`)} AS t${i}`, `${dbl(`sum(CASE WHEN c${i} > 0 THEN n ELSE 0 END)`)} AS n${i}`]);
  const g = [...keys, 'p'].join(', ');
  return {
    sql: `SELECT ${g}, ${sums.join(', ')}, ${dbl('sum(CASE WHEN c0 > c1 THEN n ELSE 0 END)')} AS others FROM (\n${rows}\n) AS ts GROUP BY ${g}`,
    columns: [...keys, 'p', ...COMPONENTS.flatMap((_, i) => [`t${i}`, `n${i}`]), 'others'],
  };
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
  // people with the same columns are one row before the periods are read off (most people hold
  // the same few spell histories): the expansion below runs over distinct histories, not people
  const sums = periods.map((p) => `s${p}`).join(', ');
  return `WITH ${pw}s AS (
  SELECT ${cols}, ${per('s.start_m')} AS sp, ${per('s.stop_m')} AS ep
  FROM ${from}
  WHERE ${where.join(' AND ')}
), u AS (
  SELECT ${g}pid${w}, ${periods.map(column).join(',\n    ')}
  FROM s GROUP BY ${g}pid${w}
), uv AS (
  SELECT ${g}${sums}${w}, count(*) AS n FROM u GROUP BY ${g}${sums}${w}
), x AS (
  SELECT ${g}${lo} + i AS p${w}, ${pick((p) => p)} AS a0, ${pick((p) => p - 1)} AS a1, ${q.base !== undefined ? pick(twin) : '0'} AS a2, n
  FROM (SELECT *, ${d.expandRange('0', String(hi - lo + 1))} AS i FROM uv) y
), v AS (
  SELECT ${g}p${w}, ${strip('a0')} AS k0, ${strip('a1')} AS k1, ${strip('a2')} AS k2, n FROM x WHERE a0 <> 0 OR a1 <> 0 OR a2 <> 0
)
SELECT ${g}p${w}, ${comps.join(', ')}, n FROM (
  SELECT ${g}p${w}, k0, k1, k2, sum(n) AS n FROM v GROUP BY ${g}p${w}, k0, k1, k2
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
  // without a base year, a spell whose periods no other spell of its person in its group
  // touches makes its person's vector there by itself, in closed form: only the others are grouped
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
  const byCompany = q.by.length > 0 && q.by.every((b) => b === 'company');
  const inWindow = [...where, `${per('s.stop_m')} >= ${lo - 1}`, `${per('s.start_m')} <= ${hi}`].join(' AND ');
  // Which spells share their group with another of their person's (in the window): grouping
  // millions of (group, person) pairs to find them was most of the query. By company, a later
  // spell at a company opens with a boomerang hire (the definition of one), so a boomerang marks
  // its person there, and so does a company name several companies share: a superset, which
  // the next step narrows.
  const shared = byCompany
    ? `SELECT s0.*, coalesce(c.shared, 0) AS shared FROM s0 LEFT JOIN (
    SELECT DISTINCT g_company, pid, 1 AS shared FROM s0
    WHERE coalesce(boomerang, true) OR g_company IN (SELECT g_company FROM s0 GROUP BY g_company HAVING min(cid) <> max(cid))
  ) c ON c.g_company = s0.g_company AND c.pid = s0.pid`
    : `SELECT *, CASE WHEN count(*) OVER (PARTITION BY ${partition}) > 1 THEN 1 ELSE 0 END AS shared FROM s0`;
  // a spell touches the periods sp … ep + 1 (itself, then as the previous period): two spells of
  // one person and group whose ranges do not meet never add up in one period
  const order = `PARTITION BY ${partition} ORDER BY sp, ep`;
  const meets = `CASE WHEN sp <= coalesce(max(ep + 1) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1)
           OR lead(sp, 1, ${hi + 2}) OVER (${order}) <= ep + 1 THEN 1 ELSE 0 END`;
  const keep = [...scope.keys, 'pid', 'start_m', 'stop_m', 'departed', 'new_grad', ...(q.weights ? ['w'] : [])].join(', ');
  // Spells alone in their periods are first counted by shape (millions of spells, thousands of
  // shapes). Within the window [lo, hi] a spell's flags depend only on its first and last period
  // sp, ep (clamped: every sp < lo − 1 acts alike, and every ep > hi), on departed and new_grad
  // where they can show (ep ≤ hi, sp ≥ lo) and on whether its last month ends ep (for the stock
  // at ep's end); each shape stands for its spells with start_m = sp's first month and stop_m =
  // ep's first or last month.
  const shapes = `SELECT ${g}sp, ep, sp * ${L} AS start_m, ep * ${L} + CASE WHEN full_end THEN ${L - 1} ELSE 0 END AS stop_m, departed, new_grad${w}, count(*) AS n
    FROM (SELECT ${g}greatest(${per('start_m')}, ${lo - 2}) AS sp, least(${per('stop_m')}, ${hi + 1}) AS ep,
                 departed AND ${per('stop_m')} <= ${hi} AS departed, new_grad AND ${per('start_m')} >= ${lo} AS new_grad,
                 ${per('stop_m')} <= ${hi} AND stop_m % ${L} = ${L - 1} AS full_end${w}
          FROM alone) sh
    GROUP BY ${g}sp, ep, departed, new_grad, full_end${w}`;
  // A shape reaches the periods sp … ep + 1. Only its edges sp, sp + 1, ep, ep + 1 have flags
  // of their own; in between (sp + 2 … ep − 1) it is present at both ends and nothing else
  // (code 8 + 64), so there the shapes are counted by a running sum of their entries and exits
  // per group instead of being expanded period by period.
  const edge = `CASE WHEN j = 0 THEN sp WHEN j = 1 THEN sp + 1 WHEN j = 2 THEN ep ELSE ep + 1 END`;
  // every period of every group (and weight) with a shape inside; `one` lets the keys be none
  const part = [...scope.keys, ...(q.weights ? ['w'] : [])].join(', ');
  const interior = `SELECT ${g}p${w}, 72 AS code, running AS n FROM (
      SELECT ${g}p${w}, sum(coalesce(dn, 0)) OVER (${part ? `PARTITION BY ${part} ` : ''}ORDER BY p) AS running
      FROM (SELECT ${g}${lo} + i AS p${w} FROM (SELECT ${g}${d.expandRange('0', String(hi - lo + 1))} AS i${w} FROM (SELECT DISTINCT ${g}1 AS one${w} FROM inner_ev) gs) gi) grid
      LEFT JOIN (SELECT ${g}p${w}, sum(dn) AS dn FROM inner_ev GROUP BY ${g}p${w}) ev USING (${[...scope.keys, 'p', ...(q.weights ? ['w'] : [])].join(', ')})
    ) ri WHERE running > 0`;
  return `WITH ${pw}s0 AS (
  SELECT ${cols}${byCompany ? ', s.cid, s.boomerang' : ''}
  FROM ${from}
  WHERE ${inWindow}
), s AS (
  ${shared}
), maybe AS (
  SELECT *, ${meets} AS meets
  FROM (SELECT *, ${per('start_m')} AS sp, ${per('stop_m')} AS ep FROM s WHERE shared = 1) m0
), several AS (SELECT * FROM maybe WHERE meets = 1
), alone AS (
  SELECT ${keep} FROM s WHERE shared = 0
  UNION ALL SELECT ${keep} FROM maybe WHERE meets = 0
), ${general('several')}, shapes AS (
  ${shapes}
), inner_ev AS (
  SELECT ${g}greatest(sp + 2, ${lo}) AS p${w}, CAST(n AS BIGINT) AS dn FROM shapes WHERE greatest(sp + 2, ${lo}) <= least(ep - 1, ${hi})
  UNION ALL SELECT ${g}least(ep - 1, ${hi}) + 1 AS p${w}, -CAST(n AS BIGINT) AS dn FROM shapes WHERE greatest(sp + 2, ${lo}) <= least(ep - 1, ${hi}) AND ep - 1 < ${hi}
)
SELECT * FROM (
  ${merged}
  UNION ALL
  SELECT ${g}p${w}, ${unpacked.join(', ')}, n FROM (
    SELECT ${g}p${w}, code, sum(n) AS n FROM (
      SELECT ${g}p${w}, ${packed} AS code, CAST(n AS BIGINT) AS n
      FROM (SELECT *, ${edge} AS p FROM (SELECT *, ${d.expandRange('0', '4')} AS j FROM shapes) x0) x
      WHERE p BETWEEN ${lo} AND ${hi} AND (j < 2 OR p >= sp + 2)
      UNION ALL ${interior}
    ) o GROUP BY ${g}p${w}, code
  ) oo
) r`;
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
