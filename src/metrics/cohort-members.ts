/**
 * Cohort membership of resolved companies, for a set of cohorts, with the months it holds:
 * `cohort_members(cohort_set, company_id, cohort, from_m, to_m)` — month indices, inclusive,
 * NULL = open; the spans of one company in one cohort never overlap. Sources of membership:
 *
 * - a cohort's listed companies (every month), matched per distinct employer key against the
 *   registry and the cohorts' companies (slug, domain, name, alias — never a prefix);
 * - a cohort's `where:` rule over registry attributes, for the months it holds (cohort-rules.ts);
 * - parent roll-up: a company is in its ancestors' cohorts from the acquisition month on
 *   (`point-in-time`) or always (`pro-forma`), as the cohorts' `rollup` says.
 *
 * Computed once per distinct key and cached per cohort set (cohorts, registry version, roll-up
 * mode). Every query that joins `cohort_members` must bound the join by the event's month:
 * use `cohortJoinSql` / `cohortMonthSql`.
 */
import { createHash } from 'node:crypto';
import type { Dialect, Store } from '../engines/engine.js';
import {
  ALWAYS,
  CohortIndex,
  CompanyResolver,
  DEFAULT_ROLLUP,
  fromMonth,
  resolutionEntries,
  rollupChain,
  ruleSpans,
  unionSpans,
  type Cohort,
  type MonthSpan,
} from '../resolve/index.js';
import { loadRegistry, registryVersions } from '../store/company-tables.js';

/** The extreme months standing for an open end of a membership span. */
const OPEN_FROM = -2147483648;
const OPEN_TO = 2147483647;

/**
 * The join condition that keeps a `cohort_members` row (alias `m`) only for events in its months:
 * `month >= coalesce(m.from_m, −2³¹) AND month <= coalesce(m.to_m, 2³¹ − 1)`. Each comparison
 * has one table on each side, so an engine joins on the company and checks these on the match
 * (`BETWEEN coalesce(m.from_m, month) …` mixed both tables in one side: DuckDB then ran the
 * whole LEFT JOIN as a nested loop, 4.8 s of a 4.6 s query at 2M profiles).
 */
export function cohortMonthSql(m: string, month: string): string {
  return `${month} >= coalesce(${m}.from_m, ${OPEN_FROM}) AND ${month} <= coalesce(${m}.to_m, ${OPEN_TO})`;
}

/**
 * `LEFT JOIN cohort_members <m> ON …`: the cohorts holding `company` in `month`.
 * @param set the cohort set id, already a SQL literal (`'ab12…'`)
 * @example cohortJoinSql('m', 'h.company_id', 'h.hire_m', "'ab12'")
 */
export function cohortJoinSql(m: string, company: string, month: string, set: string): string {
  return `LEFT JOIN cohort_members ${m} ON ${m}.company_id = ${company} AND ${m}.cohort_set = ${set} AND ${cohortMonthSql(m, month)}`;
}

/**
 * The equi-join form of membership, for engines without non-equi JOINs: one row per company of
 * the set, `(company_id, m_cohorts, m_from, m_to)`, its cohorts and their month windows as lists
 * (open ends as the extreme months) — test a month with `Dialect.unnestInWindowOr` or
 * `Dialect.countInWindow`.
 * @param set the cohort set id, already a SQL literal
 */
export function cohortListsSql(d: Dialect, set: string): string {
  return `SELECT company_id, ${d.groupList('cohort')} AS m_cohorts, ${d.groupList(`coalesce(from_m, ${OPEN_FROM})`)} AS m_from,
      ${d.groupList(`coalesce(to_m, ${OPEN_TO})`)} AS m_to
      FROM cohort_members WHERE cohort_set = ${set} AND cohort <> '' GROUP BY company_id`;
}

/** The id of the cohort set; `cohort_members` rows of that id hold its membership. */
export async function ensureCohortMembers(store: Store, cohorts: readonly Cohort[]): Promise<string> {
  // the key needs the registry's version only: the registry itself is loaded on a miss
  const version = (await registryVersions(store)).at(-1)?.version;
  const rollup = cohorts[0]?.rollup ?? DEFAULT_ROLLUP;
  const set = createHash('sha1')
    .update(JSON.stringify([cohorts.map((c) => [c.name, c.companies, c.where ?? null]), version ?? 0, rollup]))
    .digest('hex')
    .slice(0, 16);
  await store.run(
    store.dialect.createTable('cohort_members', [['cohort_set', 'VARCHAR'], ['company_id', 'VARCHAR'], ['cohort', 'VARCHAR'], ['from_m', 'INTEGER'], ['to_m', 'INTEGER']]),
  );
  const [have] = await store.all<{ n: number }>('SELECT count(*) AS n FROM cohort_members WHERE cohort_set = $set', { set });
  if (have && have.n > 0) return set;

  const registry = version === undefined ? null : await loadRegistry(store, version);
  const resolver = new CompanyResolver(resolutionEntries(registry, cohorts));
  const index = new CohortIndex(cohorts, resolver);
  // direct membership of registry and cohort companies: id → cohort → months
  const direct = new Map<string, Map<string, MonthSpan[]>>();
  const add = (id: string, cohort: string, spans: readonly MonthSpan[]) => {
    let m = direct.get(id);
    if (!m) direct.set(id, (m = new Map()));
    m.set(cohort, [...(m.get(cohort) ?? []), ...spans]);
  };
  for (const c of cohorts) for (const id of index.companiesIn(c.name)) add(id, c.name, ALWAYS);
  for (const c of cohorts) {
    if (!c.where || !registry) continue;
    for (const rec of registry.records) {
      const spans = ruleSpans(c.where, rec);
      if (spans.length) add(rec.id, c.name, spans);
    }
  }
  // with roll-up: a company is in its own cohorts and, from the roll-up month, in its ancestors'
  const withRollup = new Map<string, Map<string, MonthSpan[]>>();
  const membershipOf = (id: string): Map<string, MonthSpan[]> => {
    let out = withRollup.get(id);
    if (out) return out;
    out = new Map();
    for (const [cohort, spans] of direct.get(id) ?? []) out.set(cohort, [...spans]);
    for (const step of registry ? rollupChain(registry, id, rollup) : []) {
      for (const [cohort, spans] of direct.get(step.ancestor) ?? []) out.set(cohort, [...(out.get(cohort) ?? []), ...fromMonth(spans, step.from_m)]);
    }
    withRollup.set(id, out);
    return out;
  };

  const keys = await store.all<{ company: string | null; company_domain: string | null; company_linkedin: string | null; company_id: string }>(
    'SELECT company, company_domain, company_linkedin, company_id FROM company_map WHERE company_id IS NOT NULL',
  );
  const resolved = resolver.resolveAll(keys.map((k) => ({ name: k.company, domain: k.company_domain, linkedin: k.company_linkedin })));
  const spans = new Map<string, MonthSpan[]>();
  resolved.forEach((r, i) => {
    if (r.matched_by === 'new' || r.matched_by === 'placeholder') return;
    const companyId = keys[i]!.company_id;
    for (const [cohort, s] of membershipOf(r.company_id)) {
      const k = `${companyId}\u0000${cohort}`;
      spans.set(k, [...(spans.get(k) ?? []), ...s]);
    }
  });
  const rows: unknown[][] = [];
  for (const [k, s] of spans) {
    const [companyId, cohort] = k.split('\u0000') as [string, string];
    for (const sp of unionSpans(s)) rows.push([set, companyId, cohort, sp.from_m, sp.to_m]);
  }
  // a marker row keeps an empty membership from being recomputed on every query
  rows.push([set, '', '', null, null]);
  await store.append('cohort_members', ['cohort_set', 'company_id', 'cohort', 'from_m', 'to_m'], rows);
  return set;
}
