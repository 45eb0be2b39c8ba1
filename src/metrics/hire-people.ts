/**
 * Hires and the people hired, per cell of a hires query: the count and the n the small-cell rule
 * counts (DESIGN.md "Uncertainty": cells with fewer than k *people*). A person hired twice in one
 * cell (two companies of one cohort in a year, a boomerang) is one person, so a cell can hold
 * more hires than people. Both come from one query over the hires query's per-person form (one
 * row per cell and person, holding that person's hires there).
 */
import type { Store } from '../engines/engine.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { hiresSql, type HireDim, type HiresQuery } from './hires.js';
import { ensureHireKeys } from './spells.js';

export type HirePeopleRow = Partial<Record<HireDim, string | number | boolean | null>> & { hires: number; people: number };

/**
 * Hires and people with at least one hire per cell of `by` (cells with hires only); with `year`
 * grouped, the year before `from` is counted too (as `hires` reads it for the change).
 */
export async function hiresWithPeople(store: Store, q: { by: HireDim[]; from?: number; to?: number }, cohorts: readonly Cohort[]): Promise<HirePeopleRow[]> {
  const query: HiresQuery = { metric: 'hires', ...q, perPerson: true };
  if (q.by.includes('cohort')) query.cohortSet = await ensureCohortMembers(store, cohorts);
  const d = store.dialect;
  if (d.capabilities.multipleJoins && d.capabilities.nonEquiJoins) await ensureHireKeys(store);
  const dims = q.by.map((b) => d.ident(b));
  const sql = `SELECT ${[...dims, 'sum(hires) AS hires', 'count(*) AS people'].join(', ')} FROM (${hiresSql(query, d)}) AS c${dims.length ? ` GROUP BY ${dims.join(', ')}` : ''}`;
  const rows = await store.all<HirePeopleRow>(sql);
  return rows.map((r) => ({ ...r, hires: Number(r.hires), people: Number(r.people) }));
}
