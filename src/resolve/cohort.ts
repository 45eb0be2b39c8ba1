/**
 * Cohorts (DESIGN.md "Cohorts"): named, versioned company lists. A hire counts in every cohort
 * that holds its company, and in `other` when none does, so `other` is not a cohort name.
 */

import type { CohortRule } from './cohort-rules.js';
import type { RollupMode } from './company-rollup.js';

/** A company as a cohort file lists it, keys already normalized and validated. */
export interface CohortCompany {
  name: string;
  /** Registrable domains (`meta.com`), from `domain:` / `domains:`. */
  domains: string[];
  /** LinkedIn slugs (`facebook`, `10667`, `school:mit`), from `linkedin:`. */
  linkedin: string[];
  /** Other names, subsidiaries and brands, as written. */
  aliases: string[];
}

export interface Cohort {
  /** The key in the file: `bigtech15`. */
  name: string;
  /** Free text, by convention the as-of date of the list: `2024-12-31`. */
  version: string | null;
  description: string | null;
  /** The companies listed (may be empty when `where` defines the cohort). */
  companies: CohortCompany[];
  /** A rule over registry attributes (`where:`): registry companies join for the months it holds. */
  where?: CohortRule | null;
  /** How parent roll-ups apply to its membership (set by `selectCohorts`; default point-in-time). */
  rollup?: RollupMode;
  /** The file it came from, as the caller named it (null when parsed from text). */
  file: string | null;
}

/** The bucket for hires in no cohort; reserved. */
export const OTHER_COHORT = 'other';

/** The cohort names a result by cohort can hold, in order: every cohort given, then `other`. */
export function cohortNamesWithOther(cohorts: readonly Cohort[]): string[] {
  return [...cohorts.map((c) => c.name), OTHER_COHORT];
}
