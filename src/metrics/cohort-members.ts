/**
 * Cohort membership of resolved companies, for a set of cohorts: every distinct employer key in
 * the data is matched against the cohorts' companies (slug, domain, name, alias — never a
 * prefix), and the company it was resolved to at ingest joins that cohort. Computed once per
 * distinct key and cached per cohort set in `cohort_members`.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../engines/engine.js';
import { CohortIndex, CompanyResolver, registryFromCohorts, type Cohort } from '../resolve/index.js';

/** The id of the cohort set; `cohort_members` rows of that id hold its membership. */
export async function ensureCohortMembers(store: Store, cohorts: readonly Cohort[]): Promise<string> {
  const set = createHash('sha1')
    .update(JSON.stringify(cohorts.map((c) => [c.name, c.companies])))
    .digest('hex')
    .slice(0, 16);
  // from_m/to_m (month indices, inclusive; NULL = open) bound when a company is in a cohort, for
  // rules evaluated as of each year and point-in-time parent roll-ups
  await store.run('CREATE TABLE IF NOT EXISTS cohort_members (cohort_set VARCHAR, company_id VARCHAR, cohort VARCHAR, from_m INTEGER, to_m INTEGER)');
  const [have] = await store.all<{ n: number }>('SELECT count(*) AS n FROM cohort_members WHERE cohort_set = $set', { set });
  if (have && have.n > 0) return set;

  const keys = await store.all<{ company: string | null; company_domain: string | null; company_linkedin: string | null; company_id: string }>(
    'SELECT company, company_domain, company_linkedin, company_id FROM company_map WHERE company_id IS NOT NULL',
  );
  const resolver = new CompanyResolver(registryFromCohorts(cohorts));
  const index = new CohortIndex(cohorts, resolver);
  const resolved = resolver.resolveAll(keys.map((k) => ({ name: k.company, domain: k.company_domain, linkedin: k.company_linkedin })));
  const rows = new Map<string, [string, string, string, null, null]>();
  resolved.forEach((r, i) => {
    if (r.matched_by === 'new') return;
    const companyId = keys[i]!.company_id;
    for (const cohort of index.cohortsOf(r.company_id)) rows.set(`${companyId}\u0000${cohort}`, [set, companyId, cohort, null, null]);
  });
  // a marker row keeps an empty membership from being recomputed on every query
  rows.set('', [set, '', '', null, null]);
  await store.append('cohort_members', ['cohort_set', 'company_id', 'cohort', 'from_m', 'to_m'], [...rows.values()]);
  return set;
}
