/**
 * Tenure: the length of employment spells, completed (a departure: last month − first month,
 * so a stint 2021-01 … 2021-06 lasted 5 months) and ongoing (the months from the hire to the
 * profile's last update, a lower bound on the final length). Completed stints alone are biased
 * short, ongoing ones are cut short: the unbiased answer to "how long do hires stay" is the
 * retention curve (retention.ts); this is the plain distribution, for description.
 */
import { requireCapabilities, type Dialect, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { DEFAULT_LEVEL, wilson, zOf, type Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, primaryOnly, suppressionNote } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { scopeSql, type GroupDim, type MetricFilters } from './metric-scope.js';
import { ensurePlaceMap, ensureSpells } from './spells.js';

/** Buckets of tenure in months: [label, lower bound]. */
export const TENURE_BUCKETS = [
  ['<1y', 0],
  ['1-2y', 12],
  ['2-3y', 24],
  ['3-5y', 36],
  ['5y+', 60],
] as const;

export interface TenureQuery {
  metric: 'tenure';
  by: GroupDim[];
  /** Stints that began in these years (inclusive). */
  filters: MetricFilters;
  cohortSet?: string;
}

export function tenureSql(d: Dialect, q: TenureQuery): string {
  const scope = scopeSql(d, q.by, q.filters, q.cohortSet);
  const where = ['s.stop_m >= s.start_m', ...scope.where];
  if (q.filters.from !== undefined) where.push(`s.start_m >= ${Math.trunc(q.filters.from) * 12}`);
  if (q.filters.to !== undefined) where.push(`s.start_m <= ${Math.trunc(q.filters.to) * 12 + 11}`);
  const g = scope.keys.map((k) => `${k}, `).join('');
  return `WITH s AS (
  SELECT ${[...scope.select, 's.start_m', 's.stop_m', 's.departed'].join(', ')}
  FROM ${scope.from}
  WHERE ${where.join(' AND ')}
)
SELECT ${g}CASE WHEN departed THEN 'completed' ELSE 'ongoing' END AS status, stop_m - start_m AS months, count(*) AS n
FROM s GROUP BY ${g}status, months ORDER BY ${g}status, months`;
}

export interface TenureRow {
  group: Partial<Record<GroupDim, string | number | boolean | null>>;
  status: 'completed' | 'ongoing';
  stints: number;
  mean: number;
  /** Median months with a distribution-free (order-statistic) CI. */
  median: Estimate;
  p25: number;
  p75: number;
  /** Share of stints in each bucket, Wilson CIs; n = stints. Null where the bucket holds fewer than minCell. */
  buckets: { bucket: string; stints: number | null; share: Estimate }[];
}

export interface TenureResult {
  definition: string;
  query: TenureQuery;
  sql: string;
  rows: TenureRow[];
  notes: string[];
  parameters: { level: number; minCell: number };
}

export async function tenure(store: Store, o: { by?: GroupDim[]; filters?: MetricFilters; level?: number; minCell?: number }, cohorts: readonly Cohort[]): Promise<TenureResult> {
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'tenure', ['cteSubqueries']);
  await ensureSpells(store);
  const filters = o.filters ?? {};
  const query: TenureQuery = { metric: 'tenure', by: o.by ?? [], filters };
  if (query.by.includes('cohort') || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  if (scopeSql(store.dialect, query.by, filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const level = o.level ?? DEFAULT_LEVEL;
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = tenureSql(store.dialect, query);
  const raw = await store.all<Record<string, unknown>>(sql);
  const groups = new Map<string, { group: TenureRow['group']; status: 'completed' | 'ongoing'; hist: [number, number][] }>();
  for (const r of raw) {
    const key = JSON.stringify([...query.by.map((b) => r[`g_${b}`]), r.status]);
    let g = groups.get(key);
    if (!g) {
      const group = Object.fromEntries(query.by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null]));
      groups.set(key, (g = { group, status: r.status as 'completed' | 'ongoing', hist: [] }));
    }
    g.hist.push([Number(r.months), Number(r.n)]);
  }
  const rows: TenureRow[] = [];
  let hiddenGroups = 0;
  let hiddenBuckets = 0;
  const z = zOf(level);
  for (const g of groups.values()) {
    const n = g.hist.reduce((s, [, c]) => s + c, 0);
    if (n < minCell) {
      hiddenGroups++;
      continue;
    }
    const at = (rank: number) => valueAtRank(g.hist, rank);
    const loRank = Math.max(1, Math.floor(n / 2 - (z * Math.sqrt(n)) / 2));
    const hiRank = Math.min(n, Math.ceil(n / 2 + 1 + (z * Math.sqrt(n)) / 2));
    const buckets = TENURE_BUCKETS.map(([bucket, lo], i) => {
      const hi = TENURE_BUCKETS[i + 1]?.[1] ?? Infinity;
      const x = g.hist.reduce((s, [m, c]) => s + (m >= lo && m < hi ? c : 0), 0);
      if (x > 0 && x < minCell) {
        hiddenBuckets++;
        return { bucket, stints: null, share: { value: null, lo: null, hi: null } };
      }
      return { bucket, stints: x, share: wilson(x, n, level) };
    });
    rows.push({
      group: g.group,
      status: g.status,
      stints: n,
      mean: g.hist.reduce((s, [m, c]) => s + m * c, 0) / n,
      median: { value: (at(Math.ceil(n / 2)) + at(Math.floor(n / 2) + 1)) / 2, lo: at(loRank), hi: at(hiRank) },
      p25: at(Math.max(1, Math.ceil(n / 4))),
      p75: at(Math.max(1, Math.ceil((3 * n) / 4))),
      buckets,
    });
  }
  const notes: string[] = [];
  if (hiddenGroups) notes.push(`${hiddenGroups} group${hiddenGroups === 1 ? '' : 's'} with fewer than ${minCell} stints hidden`);
  if (hiddenBuckets) notes.push(suppressionNote(primaryOnly(hiddenBuckets, minCell)));
  return { definition: DEFINITIONS.version, query, sql, rows, notes, parameters: { level, minCell } };
}

/** The value at 1-based rank in a sorted histogram. */
function valueAtRank(hist: readonly [number, number][], rank: number): number {
  let seen = 0;
  for (const [m, c] of hist) {
    seen += c;
    if (seen >= rank) return m;
  }
  return hist[hist.length - 1]?.[0] ?? NaN;
}
