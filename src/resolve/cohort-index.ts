/**
 * Which cohorts hold a company. A company in several cohorts is in all of them; the caller counts
 * a hire once per cohort, and in `other` when `cohortsOf` is empty.
 */
import { UserError } from '../model/errors.js';
import type { CompanyResolver } from './company-resolver.js';
import type { Cohort } from './cohort.js';

const NONE: readonly string[] = Object.freeze([]);

export class CohortIndex {
  /** Cohort names in the order given. */
  readonly names: readonly string[];
  private readonly byCompany = new Map<string, string[]>();
  private readonly byCohort = new Map<string, string[]>();

  /**
   * Resolves each cohort company with `resolver` (normally built from
   * `registryFromCohorts(cohorts)`, possibly plus other registry entries).
   */
  constructor(cohorts: readonly Cohort[], resolver: CompanyResolver) {
    const names: string[] = [];
    for (const cohort of cohorts) {
      if (this.byCohort.has(cohort.name)) {
        throw new UserError(`invalid cohort file: ${cohort.file ?? '(text)'}: cohort ${cohort.name} is defined twice`, 'invalid_cohort_file');
      }
      names.push(cohort.name);
      const ids: string[] = [];
      this.byCohort.set(cohort.name, ids);
      for (const c of cohort.companies) {
        const id = resolver.resolve({ name: c.name, domain: c.domains[0] ?? null, linkedin: c.linkedin[0] ?? null }).company_id;
        if (!ids.includes(id)) ids.push(id);
        const holders = this.byCompany.get(id);
        if (!holders) this.byCompany.set(id, [cohort.name]);
        else if (!holders.includes(cohort.name)) holders.push(cohort.name);
      }
    }
    this.names = names;
  }

  /** The cohorts holding `company_id`, in cohort order; empty for a company in none. */
  cohortsOf(company_id: string): readonly string[] {
    return this.byCompany.get(company_id) ?? NONE;
  }

  /** The company ids a cohort holds; unknown cohort names are a user error. */
  companiesIn(cohort: string): readonly string[] {
    const ids = this.byCohort.get(cohort);
    if (!ids) throw new UserError(`unknown cohort: ${cohort}`, 'unknown_cohort', `known cohorts: ${this.names.join(', ')}`);
    return ids;
  }
}
