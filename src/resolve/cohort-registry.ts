/**
 * The company registry implied by a set of cohorts. Cohort companies that share a normalized name
 * or alias, a domain or a LinkedIn slug are one registry entry, in whatever cohorts and files they
 * are named — so "Alphabet" in bigtech15 and "Google" in a user's cohort are the same company.
 */
import { normalizeCompanyName } from './company-name.js';
import type { RegistryEntry } from './company-resolver.js';
import type { Cohort, CohortCompany } from './cohort.js';

/**
 * The canonical id of a registry company named `name`: its normalized name with spaces as dashes
 * (`Red Hat, Inc.` → `red-hat`). New companies found in data are prefixed (`n:`), so the two kinds
 * never collide.
 */
export function companyIdFor(name: string): string {
  return normalizeCompanyName(name).replace(/ /g, '-');
}

/**
 * One entry per distinct company across `cohorts`, in first-mention order: id and name from the
 * first mention, every other name as an alias, domains and slugs merged.
 */
export function registryFromCohorts(cohorts: readonly Cohort[]): RegistryEntry[] {
  const companies: CohortCompany[] = cohorts.flatMap((c) => c.companies);
  const parent = companies.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const first = new Map<string, number>();
  const link = (key: string, i: number): void => {
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  companies.forEach((c, i) => {
    for (const n of [c.name, ...c.aliases]) link(`n\u0000${normalizeCompanyName(n)}`, i);
    for (const d of c.domains) link(`d\u0000${d}`, i);
    for (const s of c.linkedin) link(`l\u0000${s}`, i);
  });

  const groups = new Map<number, CohortCompany[]>();
  companies.forEach((c, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(c);
    else groups.set(root, [c]);
  });
  return [...groups.values()].map(toEntry);
}

function toEntry(group: CohortCompany[]): RegistryEntry {
  const head = group[0] as CohortCompany;
  const headKey = normalizeCompanyName(head.name);
  const aliases: string[] = [];
  const seenAliases = new Set([headKey]);
  const domains = new Set<string>();
  const linkedin = new Set<string>();
  for (const c of group) {
    for (const n of [c.name, ...c.aliases]) {
      const k = normalizeCompanyName(n);
      if (!seenAliases.has(k)) {
        seenAliases.add(k);
        aliases.push(n);
      }
    }
    c.domains.forEach((d) => domains.add(d));
    c.linkedin.forEach((s) => linkedin.add(s));
  }
  return { id: companyIdFor(head.name), name: head.name, domains: [...domains], linkedin: [...linkedin], aliases };
}
