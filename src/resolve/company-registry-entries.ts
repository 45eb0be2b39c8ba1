/**
 * The resolver entries for a run: the stored registry first, then the companies of the loaded
 * cohort files. A key both claim (GitHub: a registry company of its own, and an alias of
 * Microsoft in bigtech15) goes to the registry, so the roll-up — not the cohort's constant
 * alias — decides from when GitHub counts as Microsoft.
 */
import type { Cohort } from './cohort.js';
import { registryFromCohorts } from './cohort-registry.js';
import type { CompanyRegistry } from './company-registry.js';
import type { RegistryEntry } from './company-resolver.js';

export function resolutionEntries(registry: CompanyRegistry | null, cohorts: readonly Cohort[]): RegistryEntry[] {
  return [...(registry?.entries() ?? []), ...registryFromCohorts(cohorts)];
}
