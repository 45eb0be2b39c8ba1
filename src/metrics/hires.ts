/**
 * The hires metric: counts of hires grouped by any of cohort, year, band, new_grad, company, with
 * year-over-year change. The query is a plain object (`HiresQuery`) compiled to SQL, so it can
 * be printed (`--explain`) and tested without an engine.
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { DEFINITIONS } from '../derive/index.js';
import { withYoy } from '../analyze/yoy.js';
import { OTHER_COHORT, type Cohort } from '../resolve/index.js';
import { ensureCohortMembers } from './cohort-members.js';

export const HIRE_DIMS = ['cohort', 'year', 'band', 'new_grad', 'company', 'seniority', 'function', 'occupation', 'exposure_quintile'] as const;
export type HireDim = (typeof HIRE_DIMS)[number];

export interface HiresQuery {
  metric: 'hires';
  by: HireDim[];
  /** First and last hire year reported (inclusive). */
  from?: number;
  to?: number;
  /** Id of the cohort set in `cohort_members` (needed when grouping by cohort). */
  cohortSet?: string;
}

export interface HiresRow {
  cohort?: string;
  year?: number;
  band?: string;
  new_grad?: boolean;
  company?: string;
  /** Seniority level 1 (entry) … 7 (senior executive); null when the title names none. */
  seniority?: number | null;
  function?: string | null;
  occupation?: string | null;
  exposure_quintile?: number | null;
  hires: number;
  /** X_t / X_{t−1} − 1 for the same group; null without a previous year. */
  yoy?: number | null;
  /** X_{t−1}, the count the change is relative to. */
  prev_hires?: number | null;
}

const COLUMN: Record<HireDim, string> = {
  cohort: `coalesce(m.cohort, '${OTHER_COHORT}')`,
  year: 'h.year',
  band: 'h.band',
  new_grad: 'h.new_grad',
  company: 'h.company_name',
  seniority: 't.seniority_level',
  function: 't.function',
  occupation: "t.soc || ' ' || t.occupation",
  exposure_quintile: 't.exposure_quintile',
};

/** Dimensions read from the title's classification. */
const TITLE_DIMS: readonly HireDim[] = ['seniority', 'function', 'occupation', 'exposure_quintile'];

export function parseDims(spec: string): HireDim[] {
  const dims = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dims) {
    if (!(HIRE_DIMS as readonly string[]).includes(d)) {
      throw new UserError(`unknown dimension: ${d}`, 'usage', `dimensions: ${HIRE_DIMS.join(', ')}`);
    }
  }
  if (new Set(dims).size !== dims.length) throw new UserError(`invalid --by: ${spec} repeats a dimension`, 'usage');
  return dims as HireDim[];
}

/** SQL for a hires query. With `year` grouped, the year before `from` is read too, for YoY. */
export function hiresSql(q: HiresQuery): string {
  const where: string[] = [];
  const from = q.from !== undefined && q.by.includes('year') ? q.from - 1 : q.from;
  if (from !== undefined) where.push(`h.year >= ${Math.trunc(from)}`);
  if (q.to !== undefined) where.push(`h.year <= ${Math.trunc(q.to)}`);
  const joinCohorts = q.by.includes('cohort');
  if (joinCohorts && !q.cohortSet) throw new Error('grouping by cohort needs a cohort set');
  const select = q.by.map((d) => `${COLUMN[d]} AS ${d}`);
  return [
    `SELECT ${[...select, 'count(*) AS hires'].join(', ')}`,
    'FROM hires h',
    joinCohorts
      ? `LEFT JOIN cohort_members m ON m.company_id = h.company_id AND m.cohort_set = '${q.cohortSet}'
         AND h.hire_m BETWEEN coalesce(m.from_m, h.hire_m) AND coalesce(m.to_m, h.hire_m)`
      : '',
    q.by.some((d) => TITLE_DIMS.includes(d)) ? 'LEFT JOIN title_map t ON t.title_key = h.title_key' : '',
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    q.by.length ? `GROUP BY ${q.by.map((_, i) => i + 1).join(', ')}` : '',
    q.by.length ? `ORDER BY ${q.by.map((_, i) => `${i + 1} NULLS LAST`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export interface HiresResult {
  definition: typeof DEFINITIONS.version;
  query: HiresQuery;
  sql: string;
  rows: HiresRow[];
}

/** Run a hires query; `cohorts` are the cohorts reported when grouping by cohort. */
export async function hires(store: Store, q: Omit<HiresQuery, 'metric' | 'cohortSet'>, cohorts: readonly Cohort[]): Promise<HiresResult> {
  const query: HiresQuery = { metric: 'hires', ...q };
  if (q.by.includes('cohort')) query.cohortSet = await ensureCohortMembers(store, cohorts);
  const sql = hiresSql(query);
  const raw = await store.all<HiresRow>(sql);
  const rows = q.by.includes('year') ? withYoy(raw, q.by, q.from) : raw;
  return { definition: DEFINITIONS.version, query, sql, rows };
}
