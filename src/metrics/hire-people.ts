/**
 * Hires and the people hired, per cell of a hires query: the count and the n the small-cell rule
 * counts (DESIGN.md "Uncertainty": cells with fewer than k *people*). A person hired twice in one
 * cell (two companies of one cohort in a year, a boomerang) is one person, so a cell can hold
 * more hires than people. Both come from one query over the hires query's per-person form (one
 * row per cell and person, holding that person's hires there).
 */
import type { Dialect, Store } from '../engines/engine.js';
import type { Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';
import { hiresSql, type HireDim, type HiresQuery } from './hires.js';
import { ensureHireKeys } from './spells.js';

export type HirePeopleRow = Partial<Record<HireDim, string | number | boolean | null>> & { hires: number; people: number };

export interface HirePeople {
  sql: string;
  /** The per-person hires query it groups (its `cohortSet` when cohorts are read). */
  query: HiresQuery;
  /** Ordered by the grouped dimensions (NULLs last), as `hires` orders its rows. */
  rows: HirePeopleRow[];
}

/** The values a hire's dimension must take for the hire to count, by dimension (a NULL never does). */
export type HireFilter = Partial<Record<HireDim, readonly (string | number | boolean)[]>>;

/**
 * Hires and people with at least one hire per cell of `by` (cells with hires only), among the
 * hires `only` keeps; with `year` grouped, the year before `from` is counted too (as `hires`
 * reads it for the change). A filtered dimension need not be grouped: its hires are kept or left
 * out before the cell's people are counted, so a person hired under two kept values of it (two
 * functions in one cohort-year) is one person of the cell.
 *
 * @example hiresWithPeople(store, { by: ['cohort', 'year'], only: { function: ['engineering', 'data'] } }, cohorts)
 */
export async function hiresWithPeople(store: Store, q: { by: HireDim[]; from?: number; to?: number; only?: HireFilter }, cohorts: readonly Cohort[]): Promise<HirePeople> {
  const only = Object.entries(q.only ?? {}) as [HireDim, readonly (string | number | boolean)[]][];
  // the per-person rows are grouped by the filtered dimensions too: a filter reads its own column
  const inner = [...q.by, ...only.map(([dim]) => dim).filter((dim) => !q.by.includes(dim))];
  const query: HiresQuery = { metric: 'hires', by: inner, from: q.from, to: q.to, perPerson: true };
  if (inner.includes('cohort')) query.cohortSet = await ensureCohortMembers(store, cohorts);
  const d = store.dialect;
  if (d.capabilities.multipleJoins && d.capabilities.nonEquiJoins) await ensureHireKeys(store);
  const dims = q.by.map((b) => d.ident(b));
  // one per-person row per cell and person, unless a filtered dimension is not grouped: then a person may have several
  const people = inner.length === q.by.length ? 'count(*)' : d.countDistinctExact('pid');
  const where = only.map(([dim, values]) => valueIn(d, d.ident(dim), values));
  const sql = [
    `SELECT ${[...dims, 'sum(hires) AS hires', `${people} AS people`].join(', ')} FROM (${hiresSql(query, d)}) AS c`,
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    dims.length ? `GROUP BY ${dims.join(', ')}` : '',
    dims.length ? `ORDER BY ${dims.map((dim) => `${dim} NULLS LAST`).join(', ')}` : '',
  ].filter(Boolean).join(' ');
  const rows = await store.all<HirePeopleRow>(sql);
  return { sql, query, rows: rows.map((r) => ({ ...r, hires: Number(r.hires), people: Number(r.people) })) };
}

/** SQL: `column` takes one of `values` (typed values, never request text); false for none. */
export function valueIn(d: Dialect, column: string, values: readonly (string | number | boolean)[]): string {
  const either: string[] = [];
  if (values.includes(true)) either.push(column);
  if (values.includes(false)) either.push(`NOT ${column}`);
  const listed = values.flatMap((v) => (typeof v === 'string' ? [d.literal(v)] : typeof v === 'number' && Number.isFinite(v) ? [String(v)] : []));
  if (listed.length) either.push(`${column} IN (${listed.join(', ')})`);
  return either.length ? `(${either.join(' OR ')})` : '(1 = 0)';
}
