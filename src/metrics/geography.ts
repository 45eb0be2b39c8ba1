/**
 * Geography: headcount by place at each period's end, its change, and net migration. A person's
 * place at a month is the place of the spell they hold then (the latest-started one when they
 * hold several); see spells.ts for a spell's place. A **migrant** into metro M in period p was
 * in M at p's end and in another known place at the previous period's end; net migration is
 * arrivals − leavers. People whose place is unknown at either end are not migrants. Bootstrap
 * CIs over people; small cells suppressed.
 */
import { requireCapabilities, type Dialect, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, change, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import type { Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, planSuppression, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { monthsPer, periodLabel, periodsOfYears, type Grain } from './grain.js';
import { scopeSql, type MetricFilters } from './metric-scope.js';
import { lastCompleteYear, latestUpdate } from './trend.js';
import { ensurePlaceMap } from './spells.js';

export type PlaceLevel = 'metro' | 'region' | 'country';

export interface GeographyQuery {
  metric: 'geography';
  level: PlaceLevel;
  grain: Grain;
  from: number;
  to: number;
  filters: MetricFilters;
  cohortSet?: string;
}

export function geographySql(d: Dialect, q: GeographyQuery): string {
  const [lo, hi] = periodsOfYears(q.from, q.to, q.grain);
  return hi - lo + 2 <= WIDE_MAX_PERIODS ? widePersonGeographySql(d, q) : expandedGeographySql(d, q);
}

/** What both forms share: the spell scope (place filters left out), the periods read, the
 *  place expression, and which places are reported. */
function geographyParts(d: Dialect, q: GeographyQuery) {
  const scope = scopeSql(d, [], { ...q.filters, from: undefined, to: undefined, metro: undefined, country: undefined }, q.cohortSet);
  const joins = scope.needsPlaces ? scope.from : `${scope.from}\nLEFT JOIN place_map pl ON pl.place_key = s.place_key`;
  const L = monthsPer(q.grain);
  const [lo, hi] = periodsOfYears(q.from, q.to, q.grain);
  const per = (m: string) => d.intDiv(m, L);
  const place = `coalesce(pl.${q.level}, '')`;
  const keep: string[] = [];
  if (q.filters.metro?.length) keep.push(`pl.metro IN (${q.filters.metro.map((m) => d.literal(m)).join(', ')})`);
  if (q.filters.country?.length) keep.push(`pl.country IN (${q.filters.country.map((m) => d.literal(m)).join(', ')})`);
  // a place filter keeps the places reported, not the people: migrants from elsewhere still count
  const reported = keep.length ? `place IN (SELECT DISTINCT ${place} FROM place_map pl WHERE ${keep.join(' AND ')})` : "place <> ''";
  return { scope, joins, lo, hi, per, place, reported };
}

/**
 * The same rows as `expandedGeographySql`, for few periods (years): one grouping per person
 * gives the person's place at the end of each period read (one `arg_min … FILTER` column per
 * period, NULL when they hold no spell then); each reported period then yields at most two rows
 * in closed form — the place now (headcount, arrival) and, when it differs, the place before
 * (start headcount, leaver). No spell is expanded, no person-period is joined to the one before
 * and nothing is grouped by (place, period, person): at 2M profiles those were most of the time.
 */
function widePersonGeographySql(d: Dialect, q: GeographyQuery): string {
  const { scope, joins, lo, hi, per, place, reported } = geographyParts(d, q);
  // a spell places its person at the end of periods sp … ep (ep: the last whose end it reaches)
  const where = ['s.stop_m >= s.start_m', ...scope.where, `${per('s.stop_m + 1')} - 1 >= ${lo - 1}`, `${per('s.start_m')} <= ${hi}`];
  const periods = Array.from({ length: hi - lo + 2 }, (_, i) => lo - 1 + i);
  const at = periods.map((p) => `${d.argMinIf('place', '-start_m', `${p} BETWEEN sp AND ep`)} AS l${p}`);
  const pick = (shift: number) => `CASE i ${periods.slice(1).map((p, i) => `WHEN ${i} THEN l${p - shift}`).join(' ')} END`;
  const known = (x: string) => `${x} IS NOT NULL AND ${x} <> ''`;
  // people with the same places at every period end are one row before the periods are read
  // off (most people stay put): the expansion runs over distinct place histories, not people
  const cols = periods.map((p) => `l${p}`).join(', ');
  return `WITH s AS (
  SELECT s.pid, s.start_m, ${place} AS place, ${per('s.start_m')} AS sp, ${per('s.stop_m + 1')} - 1 AS ep
  FROM ${joins}
  WHERE ${where.join(' AND ')}
), u AS (
  SELECT pid, ${at.join(',\n    ')}
  FROM s GROUP BY pid
), uv AS (
  SELECT ${cols}, count(*) AS n FROM u GROUP BY ${cols}
), pairs AS (
  SELECT ${lo} + i AS p, ${pick(0)} AS now, ${pick(1)} AS prev, n
  FROM (SELECT *, ${d.expandRange('0', String(hi - lo + 1))} AS i FROM uv) y
), w AS (
  SELECT CASE WHEN j = 0 THEN now ELSE prev END AS place, p, n,
         CASE WHEN j = 0 THEN 1 ELSE 0 END AS c0,
         CASE WHEN j = 1 OR prev = now THEN 1 ELSE 0 END AS c1,
         CASE WHEN j = 0 AND ${known('prev')} AND prev <> now THEN 1 ELSE 0 END AS c2,
         CASE WHEN j = 1 AND ${known('prev')} AND ${known('now')} AND now <> prev THEN 1 ELSE 0 END AS c3
  FROM (SELECT *, ${d.expandRange('0', '2')} AS j FROM pairs) z
  WHERE (j = 0 AND now IS NOT NULL) OR (j = 1 AND prev IS NOT NULL AND (now IS NULL OR now <> prev))
)
SELECT place, p, c0, c1, c2, c3, sum(n) AS n FROM w WHERE ${reported}
GROUP BY place, p, c0, c1, c2, c3 ORDER BY place, p`;
}

/** Above this many periods read (the reported ones and the one before), geography expands spells. */
export const WIDE_MAX_PERIODS = 12;

/** The general form: each spell expanded to the periods whose end it reaches; any number of periods. */
export function expandedGeographySql(d: Dialect, q: GeographyQuery): string {
  const { scope, joins, lo, hi, per, place, reported } = geographyParts(d, q);
  const where = ['s.stop_m >= s.start_m', ...scope.where];
  return `WITH s AS (
  SELECT s.pid, s.start_m, ${place} AS place,
         ${d.expandRange(`greatest(${per('s.start_m')}, ${lo - 1})`, `least(${per('s.stop_m + 1')} - 1, ${hi}) + 1`)} AS p
  FROM ${joins}
  WHERE ${where.join(' AND ')}
), loc AS (
  SELECT pid, p, ${d.argMinIf('place', '-start_m', 'true')} AS place FROM s GROUP BY pid, p
), pairs AS (
  SELECT c.pid, c.p, c.place AS now, pr.place AS prev
  FROM loc c LEFT JOIN loc pr ON pr.pid = c.pid AND pr.p = c.p - 1
  WHERE c.p BETWEEN ${lo} AND ${hi}
), v AS (
  SELECT now AS place, p, pid, 1 AS c0, 0 AS c1, CASE WHEN prev IS NOT NULL AND prev <> '' AND prev <> now THEN 1 ELSE 0 END AS c2, 0 AS c3 FROM pairs
  UNION ALL SELECT place, p + 1, pid, 0, 1, 0, 0 FROM loc WHERE p + 1 BETWEEN ${lo} AND ${hi}
  UNION ALL SELECT prev, p, pid, 0, 0, 0, 1 FROM pairs WHERE prev IS NOT NULL AND prev <> '' AND now <> '' AND now <> prev
), w AS (
  SELECT place, p, pid, sum(c0) AS c0, sum(c1) AS c1, sum(c2) AS c2, sum(c3) AS c3 FROM v GROUP BY place, p, pid
)
SELECT place, p, c0, c1, c2, c3, count(*) AS n FROM w WHERE ${reported}
GROUP BY place, p, c0, c1, c2, c3 ORDER BY place, p`;
}

export interface GeographyRow {
  place: string;
  period: string;
  headcount: Estimate;
  headcount_start: Estimate;
  headcount_change: Estimate;
  arrivals: Estimate;
  leavers: Estimate;
  net_migration: Estimate;
}

export interface GeographyResult {
  definition: string;
  query: GeographyQuery;
  sql: string;
  rows: GeographyRow[];
  notes: string[];
  parameters: { level: number; replicates: number; seed: number; minCell: number };
}

export interface GeographyOptions {
  level?: PlaceLevel;
  grain?: Grain;
  from?: number;
  to?: number;
  filters?: MetricFilters;
  minCell?: number;
  bootstrap?: Partial<BootstrapOptions>;
}

export async function geography(store: Store, o: GeographyOptions, cohorts: readonly Cohort[]): Promise<GeographyResult> {
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'geography', ['cteSubqueries']);
  await ensurePlaceMap(store); // and spells
  const filters = o.filters ?? {};
  const to = o.to ?? filters.to ?? lastCompleteYear(await latestUpdate(store));
  const from = o.from ?? filters.from ?? to - 5;
  const query: GeographyQuery = { metric: 'geography', level: o.level ?? 'metro', grain: o.grain ?? 'year', from, to, filters };
  if (filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...o.bootstrap };
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = geographySql(store.dialect, query);
  const raw = await store.all<Record<string, unknown>>(sql);
  const cells = new Map<string, { place: string; p: number; patterns: PatternRow[] }>();
  for (const r of raw) {
    const key = JSON.stringify([r.place, r.p]);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { place: String(r.place), p: Number(r.p), patterns: [] }));
    c.patterns.push({ v: [Number(r.c0), Number(r.c1), Number(r.c2), Number(r.c3)], n: Number(r.n) });
  }
  // a canonical pattern order: the draws (hence the intervals) do not depend on the engine's row order
  for (const c of cells.values()) c.patterns.sort((a, b) => a.v.join(',').localeCompare(b.v.join(','), 'en', { numeric: true }));
  const list = [...cells.entries()];
  const peopleIn = (ps: PatternRow[], i: number) => ps.reduce((s, p) => s + ((p.v[i] ?? 0) > 0 ? p.n : 0), 0);
  const measures = ['headcount', 'headcount_start', 'arrivals', 'leavers'] as const;
  const sizes: CellSize[] = list.flatMap(([key, c]) => measures.map((m, i) => ({ key: `${key}|${m}`, margin: null, people: peopleIn(c.patterns, i) })));
  const plan = planSuppression(sizes, minCell);
  const nullE: Estimate = { value: null, lo: null, hi: null };
  const rows = list.map(([key, c]): GeographyRow => {
    const b = new CellBootstrap(c.patterns, 4, key, boot);
    const hidden = (m: (typeof measures)[number]) => plan.hidden.has(`${key}|${m}`);
    const est = (cond: boolean, f: (s: readonly number[]) => number | null) => (cond ? nullE : b.interval(f));
    return {
      place: c.place,
      period: periodLabel(c.p, query.grain),
      headcount: est(hidden('headcount'), (s) => s[0]!),
      headcount_start: est(hidden('headcount_start'), (s) => s[1]!),
      headcount_change: est(hidden('headcount') || hidden('headcount_start'), (s) => change(s[0]!, s[1]!)),
      arrivals: est(hidden('arrivals'), (s) => s[2]!),
      leavers: est(hidden('leavers'), (s) => s[3]!),
      net_migration: est(hidden('arrivals') || hidden('leavers'), (s) => s[2]! - s[3]!),
    };
  });
  const note = suppressionNote(plan);
  return { definition: DEFINITIONS.version, query, sql, rows, notes: note ? [note] : [], parameters: { level: boot.level, replicates: boot.replicates, seed: boot.seed, minCell } };
}
