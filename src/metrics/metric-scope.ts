/**
 * The filters and group dimensions every metric shares, compiled once to SQL over `spells`.
 *
 * Title dimensions (seniority, function, occupation, exposure quintile) are those of the
 * spell's opening position — the title at hire — joined from `title_map`; place dimensions
 * (metro, region, country) those of the spell's first stated position location, else the
 * person's profile location, joined from `place_map`. Cohort: a spell counts in
 * every selected cohort holding its company and in `other` when none does.
 *
 * With `compact`, a company is grouped by its integer `name_key` (one per company name, as the
 * text was) and `labels` says how to put the names back on the few result rows: grouping
 * millions of person rows by an 8-byte key instead of text is most of a fine table's cost.
 */
import type { Dialect } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { OTHER_COHORT } from '../resolve/index.js';
import { cohortJoinSql, cohortListsSql, cohortMonthSql } from './cohort-members.js';

export const GROUP_DIMS = ['cohort', 'company', 'band', 'new_grad', 'seniority', 'function', 'occupation', 'exposure_quintile', 'metro', 'region', 'country'] as const;
export type GroupDim = (typeof GROUP_DIMS)[number];

/** Filters; every list is "any of". Years bound the reported periods (inclusive). */
export interface MetricFilters {
  cohort?: string[];
  company?: string[];
  band?: string[];
  new_grad?: boolean;
  seniority?: string[];
  function?: string[];
  occupation?: string[];
  exposure_quintile?: number[];
  metro?: string[];
  country?: string[];
  from?: number;
  to?: number;
}

const TITLE_DIMS = new Set<string>(['seniority', 'function', 'occupation', 'exposure_quintile']);
const PLACE_DIMS = new Set<string>(['metro', 'region', 'country']);

/** The SQL pieces of a scope over spells aliased `s`. */
export interface ScopeSql {
  /** `spells s LEFT JOIN …` */
  from: string;
  where: string[];
  /** Select-list expression of each grouped dimension, aliased `g_<dim>`. */
  select: string[];
  /** The aliases, in order. */
  keys: string[];
  needsPlaces: boolean;
  needsCohorts: boolean;
  /** Keys that hold an integer stand-in for a text value, with the relation `(k, label)` that names them. */
  labels: ScopeLabel[];
}

export interface ScopeLabel {
  key: string;
  dictionary: string;
}

/** `--by` as a list of dimensions, each one of `allowed` (default: the group dimensions) and none twice. */
export function parseGroupDims(spec: string | undefined): GroupDim[];
export function parseGroupDims<D extends string>(spec: string | undefined, allowed: readonly D[]): D[];
export function parseGroupDims(spec: string | undefined, allowed: readonly string[] = GROUP_DIMS): string[] {
  const dims = (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dims) {
    if (!allowed.includes(d)) throw new UserError(`unknown dimension: ${d}`, 'usage', `dimensions: ${allowed.join(', ')}`);
  }
  if (new Set(dims).size !== dims.length) throw new UserError(`invalid --by: ${spec} repeats a dimension`, 'usage');
  return dims;
}

function column(d: Dialect, dim: GroupDim, alias: string, compact: boolean): string {
  switch (dim) {
    case 'cohort':
      return `coalesce(m.cohort, ${d.literal(OTHER_COHORT)})`;
    case 'company':
      return compact ? `${alias}.name_key` : `${alias}.company_name`;
    case 'band':
      return `${alias}.band`;
    case 'new_grad':
      return `${alias}.new_grad`;
    case 'seniority':
      return 't.seniority';
    case 'function':
      return `t.${d.ident('function')}`;
    case 'occupation':
      return 't.occupation';
    case 'exposure_quintile':
      return 't.exposure_quintile';
    case 'metro':
      return 'pl.metro';
    case 'region':
      return 'pl.region';
    case 'country':
      return 'pl.country';
  }
}

const list = (d: Dialect, values: readonly string[]) => values.map((v) => d.literal(v)).join(', ');

/**
 * Compile a scope. `cohortSet` is required when grouping or filtering by cohort
 * (`ensureCohortMembers`); `compact` groups companies by `name_key` (see `labels`).
 */
export function scopeSql(d: Dialect, by: readonly GroupDim[], f: MetricFilters, cohortSet?: string, alias = 's', compact = false): ScopeSql {
  const uses = new Set<string>([...by, ...Object.keys(f).filter((k) => (f as Record<string, unknown>)[k] !== undefined)]);
  const needsCohorts = uses.has('cohort');
  if (needsCohorts && !cohortSet) throw new Error('a cohort scope needs a cohort set');
  const needsTitles = [...uses].some((u) => TITLE_DIMS.has(u));
  const needsPlaces = [...uses].some((u) => PLACE_DIMS.has(u));
  const joins = [`spells ${alias}`];
  const set = cohortSet ? d.literal(cohortSet) : '';
  // membership is judged at the spell's start (its hire month), like hires
  const month = `${alias}.start_m`;
  // without non-equi JOINs, each company's memberships arrive as lists whose windows are tested
  // per spell: grouped, a spell yields one row per cohort holding it then (or one of `other`)
  const lists = !d.capabilities.nonEquiJoins;
  const listsOf = (m: string) => `LEFT JOIN (${cohortListsSql(d, set)}) AS ${m} ON ${m}.company_id = ${alias}.company_id`;
  const other = d.literal(OTHER_COHORT);
  const cohort = lists ? d.unnestInWindowOr(month, 'm.m_cohorts', 'm.m_from', 'm.m_to', other) : column(d, 'cohort', alias, compact);
  if (by.includes('cohort')) joins.push(lists ? listsOf('m') : cohortJoinSql('m', `${alias}.company_id`, month, set));
  else if (f.cohort?.length && lists) joins.push(listsOf('cf'));
  if (needsTitles) joins.push(`LEFT JOIN title_map t ON t.title_key = ${alias}.title_key`);
  if (needsPlaces) joins.push(`LEFT JOIN place_map pl ON pl.place_key = ${alias}.place_key`);
  const where: string[] = [];
  if (f.cohort?.length) {
    // the lists' cohort is a row-making expression: the filter reads it by its alias
    if (by.includes('cohort')) where.push(`${lists ? 'g_cohort' : cohort} IN (${list(d, f.cohort)})`);
    else {
      const named = f.cohort.filter((c) => c !== OTHER_COHORT);
      const parts: string[] = [];
      const member = (cond: string) =>
        `EXISTS (SELECT 1 FROM cohort_members cm WHERE cm.cohort_set = ${set} AND cm.company_id = ${alias}.company_id AND ${cond} AND ${cohortMonthSql('cm', month)})`;
      const held = (among?: string[]) => d.countInWindow(month, 'cf.m_cohorts', 'cf.m_from', 'cf.m_to', among?.map((c) => d.literal(c)));
      if (named.length) parts.push(lists ? `${held(named)} > 0` : member(`cm.cohort IN (${list(d, named)})`));
      if (f.cohort.includes(OTHER_COHORT)) parts.push(lists ? `${held()} = 0` : `NOT ${member("cm.cohort <> ''")}`);
      where.push(`(${parts.join(' OR ')})`);
    }
  }
  if (f.company?.length) {
    const lower = f.company.map((c) => c.toLowerCase());
    where.push(`(lower(${alias}.company_name) IN (${list(d, lower)}) OR ${alias}.company_id IN (${list(d, f.company)}))`);
  }
  if (f.band?.length) where.push(`${alias}.band IN (${list(d, f.band)})`);
  if (f.new_grad !== undefined) where.push(`${alias}.new_grad = ${f.new_grad ? 'true' : 'false'}`);
  if (f.seniority?.length) where.push(`t.seniority IN (${list(d, f.seniority)})`);
  if (f.function?.length) where.push(`t.${d.ident('function')} IN (${list(d, f.function)})`);
  if (f.occupation?.length) {
    // an occupation is named by its title or by its SOC code (a major group prefix such as 15- works)
    const ors = f.occupation.map((o) => (/^\d{2}-/.test(o) ? `t.soc LIKE ${d.literal(o + '%')}` : `lower(t.occupation) = ${d.literal(o.toLowerCase())}`));
    where.push(`(${ors.join(' OR ')})`);
  }
  if (f.exposure_quintile?.length) where.push(`t.exposure_quintile IN (${f.exposure_quintile.map((q) => Math.trunc(q)).join(', ')})`);
  if (f.metro?.length) where.push(`pl.metro IN (${list(d, f.metro)})`);
  if (f.country?.length) where.push(`pl.country IN (${list(d, f.country)})`);
  const keys = by.map((b) => `g_${b}`);
  const labels = compact && by.includes('company') ? [{ key: 'g_company', dictionary: companyNamesSql(d) }] : [];
  return { from: joins.join('\n'), where, select: by.map((b, i) => `${b === 'cohort' ? cohort : column(d, b, alias, compact)} AS ${keys[i]}`), keys, needsPlaces, needsCohorts, labels };
}

/** `(k, label)`: each spell company's `name_key` and its name. */
export const companyNamesSql = (d: Dialect) => `SELECT name_key AS k, ${d.anyValue('company_name')} AS label FROM spells GROUP BY name_key`;

/**
 * Wrap a query whose rows carry compact keys so they carry the labels instead (same column
 * names), ordered by `orderBy` (none: unordered): `columns` are the query's output columns, in order.
 */
export function withLabels(sql: string, columns: readonly string[], labels: readonly ScopeLabel[], orderBy: readonly string[]): string {
  const named = new Map(labels.map((l, i) => [l.key, i]));
  const select = columns.map((c) => (named.has(c) ? `l${named.get(c)}.label AS ${c}` : `lr.${c} AS ${c}`));
  const joins = labels.map((l, i) => `LEFT JOIN (${l.dictionary}) AS l${i} ON l${i}.k = lr.${l.key}`);
  const labelled = `SELECT ${select.join(', ')} FROM (\n${sql}\n) AS lr ${joins.join(' ')}`;
  return orderBy.length ? `SELECT * FROM (${labelled}) AS lo ORDER BY ${orderBy.join(', ')}` : labelled;
}
