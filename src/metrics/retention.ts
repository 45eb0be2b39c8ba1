/**
 * Retention R(k): of the hires (spell openings) in a window, the share still at the company k
 * months after the hire; Kaplan–Meier, each spell censored at its profile's last update, with a
 * pointwise Greenwood CI (log−log scale). A spell that ends (last month there e, stated end on or
 * before the update) is an event at T = e − start + 1: "still there k months later" is T > k.
 */
import { requireCapabilities, type Dialect, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { DEFAULT_LEVEL } from '../analyze/intervals.js';
import { kaplanMeier, survivalAt, type CurvePoint, type SurvivalCount } from '../analyze/kaplan-meier.js';
import { DEFAULT_MIN_CELL, primaryOnly, suppressionNote } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { scopeSql, type GroupDim, type MetricFilters } from './metric-scope.js';
import { ensurePlaceMap, ensureSpells } from './spells.js';

export type RetentionDim = GroupDim | 'year';
export const DEFAULT_KS = [6, 12, 24];

export interface RetentionQuery {
  metric: 'retention';
  /** Group dimensions; `year` is the hire year. */
  by: RetentionDim[];
  /** Hire window, years inclusive (filters.from / filters.to). */
  filters: MetricFilters;
  ks: number[];
  cohortSet?: string;
}

export function retentionSql(d: Dialect, q: RetentionQuery): string {
  const dims = q.by.filter((b): b is GroupDim => b !== 'year');
  const scope = scopeSql(d, dims, q.filters, q.cohortSet);
  const select = q.by.map((b) => (b === 'year' ? `${d.intDiv('s.start_m', 12)} AS g_year` : scope.select[dims.indexOf(b)]!));
  const keys = q.by.map((b) => `g_${b}`);
  const where = ['s.stop_m >= s.start_m', ...scope.where];
  if (q.filters.from !== undefined) where.push(`s.start_m >= ${Math.trunc(q.filters.from) * 12}`);
  if (q.filters.to !== undefined) where.push(`s.start_m <= ${Math.trunc(q.filters.to) * 12 + 11}`);
  const g = keys.map((k) => `${k}, `).join('');
  return `WITH s AS (
  SELECT ${[...select, 's.start_m', 's.stop_m', 's.departed'].join(', ')}
  FROM ${scope.from}
  WHERE ${where.join(' AND ')}
)
SELECT ${g}CASE WHEN departed THEN stop_m - start_m + 1 ELSE stop_m - start_m END AS t,
       CASE WHEN departed THEN 1 ELSE 0 END AS event, count(*) AS n
FROM s GROUP BY ${g}t, event ORDER BY ${g}t`;
}

export interface RetentionPoint {
  k: number;
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** Hires still followed at k (neither departed nor censored before k). */
  at_risk: number | null;
}

export interface RetentionRow {
  group: Partial<Record<RetentionDim, string | number | boolean | null>>;
  /** Hires in the window (the n every R(k) rests on). */
  hires: number;
  departures: number;
  points: RetentionPoint[];
  /** The whole curve, on request. */
  curve?: CurvePoint[];
}

export interface RetentionOptions {
  by?: RetentionDim[];
  filters?: MetricFilters;
  ks?: number[];
  curve?: boolean;
  level?: number;
  minCell?: number;
}

export interface RetentionResult {
  definition: string;
  query: RetentionQuery;
  sql: string;
  rows: RetentionRow[];
  notes: string[];
  parameters: { level: number; minCell: number };
}

/**
 * Run a retention query. Groups with fewer than `minCell` hires are not printed; an R(k) whose
 * risk set at k holds fewer than `minCell` people is null (too few followed that long).
 */
export async function retention(store: Store, o: RetentionOptions, cohorts: readonly Cohort[]): Promise<RetentionResult> {
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'retention', ['cteSubqueries']);
  await ensureSpells(store);
  const filters = o.filters ?? {};
  const query: RetentionQuery = { metric: 'retention', by: o.by ?? [], filters, ks: o.ks ?? DEFAULT_KS };
  if (query.by.includes('cohort') || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  const dims = query.by.filter((b): b is GroupDim => b !== 'year');
  if (scopeSql(store.dialect, dims, filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const level = o.level ?? DEFAULT_LEVEL;
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const sql = retentionSql(store.dialect, query);
  const raw = await store.all<Record<string, unknown>>(sql);
  const groups = new Map<string, { group: RetentionRow['group']; counts: Map<number, SurvivalCount> }>();
  for (const r of raw) {
    const key = JSON.stringify(query.by.map((b) => r[`g_${b}`]));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { group: Object.fromEntries(query.by.map((b) => [b, r[`g_${b}`] as string | number | boolean | null])), counts: new Map() }));
    const t = Number(r.t);
    const c = g.counts.get(t) ?? { t, events: 0, censored: 0 };
    if (Number(r.event) === 1) c.events += Number(r.n);
    else c.censored += Number(r.n);
    g.counts.set(t, c);
  }
  const rows: RetentionRow[] = [];
  let hidden = 0;
  let hiddenPoints = 0;
  for (const { group, counts } of groups.values()) {
    const list = [...counts.values()];
    const hires = list.reduce((s, c) => s + c.events + c.censored, 0);
    if (hires < minCell) {
      hidden++;
      continue;
    }
    const curve = kaplanMeier(list, level);
    const points = query.ks.map((k): RetentionPoint => {
      const p = survivalAt(curve, list, k, level);
      if (!p || (p.at_risk < minCell && p.value !== 0)) {
        if (p) hiddenPoints++;
        return { k, value: null, lo: null, hi: null, at_risk: null };
      }
      return { k, value: p.value, lo: p.lo, hi: p.hi, at_risk: p.at_risk };
    });
    const row: RetentionRow = { group, hires, departures: list.reduce((s, c) => s + c.events, 0), points };
    if (o.curve) row.curve = curve.filter((p) => p.at_risk >= minCell);
    rows.push(row);
  }
  const notes: string[] = [];
  const note = suppressionNote(primaryOnly(hidden, minCell), 'group');
  if (note) notes.push(note);
  if (hiddenPoints) notes.push(`${hiddenPoints} R(k) not shown: fewer than ${minCell} hires followed k months`);
  return { definition: DEFINITIONS.version, query, sql, rows, notes, parameters: { level, minCell } };
}
