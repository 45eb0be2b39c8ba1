/**
 * The hires metric: counts of hires grouped by any of cohort, year, band, new_grad, company, with
 * year-over-year change. The query is a plain object (`HiresQuery`) compiled to SQL, so it can
 * be printed (`--explain`) and tested without an engine.
 */
import type { Dialect, Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { DEFINITIONS } from '../derive/index.js';
import { withYoy } from '../analyze/yoy.js';
import { OTHER_COHORT, type Cohort } from '../resolve/index.js';
import { cohortJoinSql, cohortListsSql, ensureCohortMembers } from './cohort-members.js';
import { parseGroupDims, withLabels } from './metric-scope.js';
import { ensureHireKeys } from './spells.js';

export const HIRE_DIMS = ['cohort', 'year', 'band', 'new_grad', 'company', 'seniority', 'function', 'occupation', 'exposure_quintile', 'metro', 'country'] as const;
export type HireDim = (typeof HIRE_DIMS)[number];

export interface HiresQuery {
  metric: 'hires';
  by: HireDim[];
  /** First and last hire year reported (inclusive). */
  from?: number;
  to?: number;
  /** Id of the cohort set in `cohort_members` (needed when grouping by cohort). */
  cohortSet?: string;
  /** Also group by hire month (`hire_m`): the nowcast's input (src/snapshots/nowcast.ts). */
  monthly?: boolean;
  /** Also group by person (`pid`): the bootstrap's input (src/metrics/hires-stats.ts). */
  perPerson?: boolean;
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
  /** Metro area and country of the hire's place (its position's location, else the profile's). */
  metro?: string | null;
  country?: string | null;
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
  // by its integer key; the name is put on the result rows (`hiresSql`)
  company: 'h.name_key',
  seniority: 't.seniority_level',
  function: 't.function',
  occupation: "t.soc || ' ' || t.occupation",
  exposure_quintile: 't.exposure_quintile',
  metro: 'pm.metro',
  country: 'pm.country',
};

/** Dimensions read from the hire's place (the spell it opens carries the place key). */
const PLACE_DIMS: readonly HireDim[] = ['metro', 'country'];

/** Dimensions read from the title's classification. */
const TITLE_DIMS: readonly HireDim[] = ['seniority', 'function', 'occupation', 'exposure_quintile'];

export function parseDims(spec: string): HireDim[] {
  return parseGroupDims(spec, HIRE_DIMS);
}

/**
 * SQL for a hires query. With `year` grouped, the year before `from` is read too, for YoY.
 * On an engine without several JOINs per SELECT or non-equi JOINs (ClickHouse) the query takes
 * the portable form (`portableHiresSql`); without a dialect, the direct form.
 */
export function hiresSql(q: HiresQuery, d?: Dialect): string {
  if (d && !(d.capabilities.multipleJoins && d.capabilities.nonEquiJoins)) {
    if (q.by.some((dim) => PLACE_DIMS.includes(dim))) {
      throw new UserError('invalid --by: metro and country are not available on this engine yet', 'usage', 'the cluster path ships no spells');
    }
    return portableHiresSql(q, d);
  }
  const where: string[] = [];
  const from = q.from !== undefined && q.by.includes('year') ? q.from - 1 : q.from;
  if (from !== undefined) where.push(`h.year >= ${Math.trunc(from)}`);
  if (q.to !== undefined) where.push(`h.year <= ${Math.trunc(q.to)}`);
  const joinCohorts = q.by.includes('cohort');
  if (joinCohorts && !q.cohortSet) throw new Error('grouping by cohort needs a cohort set');
  const select = [...q.by.map((d) => `${COLUMN[d]} AS ${d}`), ...(q.monthly ? ['h.hire_m AS hire_m'] : []), ...(q.perPerson ? ['h.pid AS pid'] : [])];
  // hires are first counted by what the dimensions need (millions of rows → thousands), and only
  // those counts meet the joins: joining every hire to its cohorts cost 40× the counting
  const byTitle = q.by.some((d) => TITLE_DIMS.includes(d));
  const byPlace = q.by.some((d) => PLACE_DIMS.includes(d));
  const needs = [
    ...(['year', 'band', 'new_grad'] as const).filter((d) => q.by.includes(d)),
    ...(q.by.includes('company') ? ['name_key'] : []),
    ...(joinCohorts ? ['cid', 'hire_m'] : q.monthly ? ['hire_m'] : []),
    ...(byTitle ? ['title_key'] : []),
    ...(byPlace ? ['place_key'] : []),
    ...(q.perPerson ? ['pid'] : []),
  ].map((c) => (c === 'place_key' ? 'sp.place_key' : `h.${c}`));
  // per person the counting hardly reduces (a person is hired about once per company and month):
  // each hire goes on as a row of 1 (grouping 8M rows into as many groups was a third of the time)
  const counted = [
    `SELECT ${[...needs.map((c) => `${c} AS ${c.replace(/^\w+\./, '')}`), q.perPerson ? '1 AS n' : 'count(*) AS n'].join(', ')} FROM hires h`,
    byPlace ? 'LEFT JOIN spells sp ON sp.pid = h.pid AND sp.hire_idx = h.idx' : '',
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    needs.length && !q.perPerson ? `GROUP BY ${needs.join(', ')}` : '',
  ].filter(Boolean).join(' ');
  const anyValue = (x: string) => (d ? d.anyValue(x) : `any_value(${x})`);
  // cohorts are looked up once per (company, hire month), then joined to the counts by equality
  const months = `SELECT h.cid, h.hire_m, m.cohort FROM (SELECT cid, hire_m, ${anyValue('company_id')} AS company_id FROM hires GROUP BY cid, hire_m) h
  ${cohortJoinSql('m', 'h.company_id', 'h.hire_m', `'${q.cohortSet}'`)}`;
  const sql = [
    `SELECT ${[...select, 'sum(h.n)::BIGINT AS hires'].join(', ')}`,
    `FROM (${counted}) h`,
    joinCohorts ? `LEFT JOIN (${months}) m ON m.cid = h.cid AND m.hire_m = h.hire_m` : '',
    byTitle ? 'LEFT JOIN title_map t ON t.title_key = h.title_key' : '',
    byPlace ? 'LEFT JOIN place_map pm ON pm.place_key = h.place_key' : '',
    select.length ? `GROUP BY ${select.map((_, i) => i + 1).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const columns = [...select.map((c) => c.replace(/^.* AS /, '')), 'hires'];
  const order = q.perPerson ? [] : select.map((_, i) => `${i + 1} NULLS LAST`);
  if (q.by.includes('company')) {
    const names = `SELECT name_key AS k, ${anyValue('company_name')} AS label FROM hires GROUP BY name_key`;
    return withLabels(sql, columns, [{ key: 'company', dictionary: names }], order);
  }
  return order.length ? `${sql}\nORDER BY ${order.join(', ')}` : sql;
}

/**
 * The same query for engines that distribute it (ClickHouse): the facts are first reduced by a
 * plain aggregation over `hires` alone (what runs on each shard), then the small result meets
 * the dimensions, one equi-JOIN per SELECT: the title classification by key, and the cohort
 * memberships of each company as lists whose windows are tested per hire month.
 */
export function portableHiresSql(q: HiresQuery, d: Dialect): string {
  const where: string[] = [];
  const from = q.from !== undefined && q.by.includes('year') ? q.from - 1 : q.from;
  if (from !== undefined) where.push(`year >= ${Math.trunc(from)}`);
  if (q.to !== undefined) where.push(`year <= ${Math.trunc(q.to)}`);
  const byCohort = q.by.includes('cohort');
  if (byCohort && !q.cohortSet) throw new Error('grouping by cohort needs a cohort set');
  const byTitle = q.by.some((dim) => TITLE_DIMS.includes(dim));
  const fn = d.ident('function');
  const facts = [
    ...q.by.filter((dim) => ['year', 'band', 'new_grad'].includes(dim)),
    ...(q.by.includes('company') ? ['company_name AS company'] : []),
    ...(byTitle ? ['title_key'] : []),
    ...(byCohort ? ['company_id', 'hire_m'] : q.monthly ? ['hire_m'] : []),
    ...(q.perPerson ? ['pid'] : []),
  ];
  let sql = [
    `SELECT ${[...facts, 'count(*) AS n'].join(', ')} FROM hires`,
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    facts.length ? `GROUP BY ${facts.map((f) => f.replace(/ AS \w+$/, '')).join(', ')}` : '',
  ].filter(Boolean).join(' ');
  if (byTitle) {
    const titles = `SELECT title_key, ${d.anyValue('seniority_level')} AS seniority, ${d.anyValue(fn)} AS ${fn},
      ${d.anyValue("soc || ' ' || occupation")} AS occupation, ${d.anyValue('exposure_quintile')} AS exposure_quintile
      FROM title_map GROUP BY title_key`;
    sql = `SELECT * FROM (${sql}) AS f LEFT JOIN (${titles}) AS t USING (title_key)`;
  }
  if (byCohort) {
    const members = cohortListsSql(d, d.literal(q.cohortSet!));
    const cohort = d.unnestInWindowOr('hire_m', 'm_cohorts', 'm_from', 'm_to', d.literal(OTHER_COHORT));
    sql = `SELECT *, ${cohort} AS cohort FROM (${sql}) AS c LEFT JOIN (${members}) AS m USING (company_id)`;
  }
  const dims = [...q.by.map((dim) => (dim === 'function' ? fn : dim)), ...(q.monthly ? ['hire_m'] : []), ...(q.perPerson ? ['pid'] : [])];
  return [
    `SELECT ${[...dims, 'coalesce(sum(n), 0) AS hires'].join(', ')}`,
    `FROM (${sql}) AS x`,
    dims.length ? `GROUP BY ${dims.join(', ')}` : '',
    dims.length && !q.perPerson ? `ORDER BY ${dims.map((dim) => `${dim} NULLS LAST`).join(', ')}` : '',
  ].filter(Boolean).join('\n');
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
  const { multipleJoins, nonEquiJoins } = store.dialect.capabilities;
  if (multipleJoins && nonEquiJoins) await ensureHireKeys(store); // the direct form reads them
  const sql = hiresSql(query, store.dialect);
  const raw = await store.all<HiresRow>(sql);
  const rows = q.by.includes('year') ? withYoy(raw, q.by, q.from) : raw;
  return { definition: DEFINITIONS.version, query, sql, rows };
}
