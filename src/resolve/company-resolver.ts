/**
 * Company resolution (DESIGN.md "Company"): each distinct raw employer key (name, website,
 * LinkedIn URL) gets a canonical company id. Evidence in order: LinkedIn slug, then domain, then
 * normalized name or alias — each compared for exact equality, never by prefix.
 */
import { domainOf } from './company-domain.js';
import { explainKey, type Explanation } from './company-explain.js';
import { KeyGroups, mostFrequentLabel } from './company-groups.js';
import { linkedinSlugOf } from './company-linkedin.js';
import { normalizeCompanyName } from './company-name.js';
import { isPlaceholderEmployer } from './company-placeholders.js';

/** A known company: its canonical id and the keys that identify it. */
export interface RegistryEntry {
  id: string;
  /** Display name; its normalized form matches as `name`. */
  name: string;
  /** Websites or domains (`meta.com`, `https://www.instagram.com`); generic hosts are ignored. */
  domains?: readonly string[];
  /** LinkedIn company URLs or slugs, vanity or numeric (`facebook`, `10667`). */
  linkedin?: readonly string[];
  /** Other names, subsidiaries and brands (`Facebook`, `Instagram`); match as `alias`. */
  aliases?: readonly string[];
}

/** One distinct raw employer key as it appears in the data. */
export interface CompanyKey {
  name?: string | null;
  /** Employer website, URL or domain. */
  domain?: string | null;
  /** Employer LinkedIn company URL or slug. */
  linkedin?: string | null;
  /** How often the key occurs (default 1); picks a new company's display spelling. */
  count?: number;
}

/** `placeholder`: a name that names no company ("Self-employed", "Stealth Startup"): no company. */
export type MatchedBy = 'linkedin' | 'domain' | 'alias' | 'name' | 'new' | 'placeholder';

export interface Resolution {
  readonly company_id: string;
  readonly company_name: string;
  readonly matched_by: MatchedBy;
}

/** Two registry entries claimed the same key; the first listed keeps it. */
export interface RegistryConflict {
  evidence: 'linkedin' | 'domain' | 'name';
  key: string;
  kept: string;
  ignored: string;
}

/** What a key with no usable evidence (no name, no employer domain, no slug) resolves to. */
export const NO_COMPANY: Resolution = Object.freeze({ company_id: '', company_name: '', matched_by: 'new' });

/** What a placeholder employer ("Self-employed", "Confidential") resolves to: no company. */
export const PLACEHOLDER_COMPANY: Resolution = Object.freeze({ company_id: '', company_name: '', matched_by: 'placeholder' });

/**
 * Resolves employer keys against a registry, and groups the keys the registry does not know into
 * new companies. Build once, then call `resolveAll` once over all distinct keys.
 */
export class CompanyResolver {
  readonly entries: readonly RegistryEntry[];
  readonly conflicts: RegistryConflict[] = [];
  private readonly bySlug = new Map<string, Resolution>();
  private readonly byDomain = new Map<string, Resolution>();
  private readonly byName = new Map<string, Resolution>();

  constructor(entries: readonly RegistryEntry[]) {
    this.entries = entries;
    const made = (e: RegistryEntry, m: MatchedBy): Resolution => ({ company_id: e.id, company_name: e.name, matched_by: m });
    for (const e of entries) {
      const viaSlug = made(e, 'linkedin');
      for (const raw of e.linkedin ?? []) this.claim(this.bySlug, 'linkedin', linkedinSlugOf(raw), viaSlug);
      const viaDomain = made(e, 'domain');
      for (const raw of e.domains ?? []) this.claim(this.byDomain, 'domain', domainOf(raw), viaDomain);
      this.claim(this.byName, 'name', normalizeCompanyName(e.name), made(e, 'name'));
    }
    for (const e of entries) {
      const viaAlias = made(e, 'alias');
      for (const raw of e.aliases ?? []) this.claim(this.byName, 'name', normalizeCompanyName(raw), viaAlias);
    }
  }

  private claim(index: Map<string, Resolution>, evidence: RegistryConflict['evidence'], key: string | null, r: Resolution): void {
    if (key === null || key === '') return;
    const held = index.get(key);
    if (held === undefined) index.set(key, r);
    else if (held.company_id !== r.company_id) {
      this.conflicts.push({ evidence, key, kept: held.company_id, ignored: r.company_id });
    }
  }

  /** The registry company holding a LinkedIn slug, if any. */
  lookupSlug(slug: string): Resolution | undefined {
    return this.bySlug.get(slug);
  }

  /** The registry company holding a registrable domain, if any. */
  lookupDomain(domain: string): Resolution | undefined {
    return this.byDomain.get(domain);
  }

  /** The registry company whose name or alias has this normalized form, if any. */
  lookupName(normalized: string): Resolution | undefined {
    return this.byName.get(normalized);
  }

  /** Every normalized registry name and alias with the company it names. */
  registryNames(): IterableIterator<[string, Resolution]> {
    return this.byName.entries();
  }

  /**
   * One resolution per key, in order. Registry matches are final. Keys the registry does not know
   * are grouped (union–find over this batch): keys sharing a LinkedIn slug, a non-generic domain
   * or a normalized name are one new company, id `n:<normalized name>` (or `li:<slug>`,
   * `d:<domain>` when no key of the group has a name), named by its most frequent raw spelling
   * (ties: the smallest string, so ids do not depend on key order). Evidence learned from the
   * batch never attaches a key to a registry company. Keys without evidence get `NO_COMPANY`.
   * Returned objects are shared between keys of one company; do not mutate them.
   */
  resolveAll(keys: readonly CompanyKey[]): Resolution[] {
    const n = keys.length;
    const out = new Array<Resolution>(n);
    const groups = new KeyGroups(n);
    const names = new Array<string>(n);
    const spellings = new Array<string | undefined>(n);
    const others = new Array<string | undefined>(n);
    const counts = new Float64Array(n);

    for (let i = 0; i < n; i++) {
      const k = keys[i] as CompanyKey;
      const slug = linkedinSlugOf(k.linkedin);
      let r = slug === null ? undefined : this.bySlug.get(slug);
      let domain: string | null = null;
      let name = '';
      if (r === undefined) {
        domain = domainOf(k.domain);
        if (domain !== null) r = this.byDomain.get(domain);
        if (r === undefined) {
          name = normalizeCompanyName(k.name);
          // a shared "stealth-startup" page or domain does not make one company of its users either
          if (isPlaceholderEmployer(name)) r = PLACEHOLDER_COMPANY;
          else if (name !== '') r = this.byName.get(name);
        }
      }
      if (r !== undefined) {
        out[i] = r;
        continue;
      }
      if (slug === null && domain === null && name === '') {
        out[i] = NO_COMPANY;
        continue;
      }
      groups.add(i);
      counts[i] = k.count ?? 1;
      if (slug !== null) groups.link(0, slug, i);
      if (domain !== null) groups.link(1, domain, i);
      if (name !== '') {
        groups.link(2, name, i);
        names[i] = name;
        spellings[i] = (k.name as string).trim();
      } else {
        others[i] = slug !== null ? `li:${slug}` : `d:${domain}`;
      }
    }

    // a group is named by its most frequent spelling; a group without names by its slug or domain
    const roots = groups.roots();
    const bestSpelling = mostFrequentLabel(roots, spellings, counts);
    const bestOther = mostFrequentLabel(roots, others, counts);
    const byRoot = new Array<Resolution | undefined>(n);
    for (let i = 0; i < n; i++) {
      const root = roots[i] as number;
      if (root < 0) continue;
      let r = byRoot[root];
      if (r === undefined) {
        const b = bestSpelling[root] as number;
        if (b >= 0) {
          r = { company_id: `n:${names[b]}`, company_name: spellings[b] as string, matched_by: 'new' };
        } else {
          const id = others[bestOther[root] as number] as string;
          r = { company_id: id, company_name: id.slice(id.indexOf(':') + 1), matched_by: 'new' };
        }
        byRoot[root] = r;
      }
      out[i] = r;
    }
    return out;
  }

  /** `resolveAll` for one key on its own (no batch to group with). */
  resolve(key: CompanyKey): Resolution {
    return this.resolveAll([key])[0] as Resolution;
  }

  /** The steps `resolve(key)` takes, for `companies explain NAME`. */
  explainResolution(key: CompanyKey): Explanation {
    return explainKey(this, key);
  }
}
