/**
 * The reasoning behind one resolution, step by step, for `talentflow companies explain NAME`:
 * which evidence the key carried, what each step looked up, and why look-alike names did not match.
 */
import { domainOf } from './company-domain.js';
import { linkedinSlugOf } from './company-linkedin.js';
import { normalizeCompanyName } from './company-name.js';
import type { CompanyKey, CompanyResolver, Resolution } from './company-resolver.js';

export interface ExplainStep {
  evidence: 'linkedin' | 'domain' | 'name' | 'result';
  /** The raw value the step read (null when the key had none). */
  input: string | null;
  /** The lookup key derived from it: slug, registrable domain, normalized name. */
  key: string | null;
  /** One line a person reads: `matched Meta (meta) by registry slug`. */
  outcome: string;
}

export interface Explanation {
  resolution: Resolution;
  steps: ExplainStep[];
}

const MAX_LOOKALIKES = 5;

/** Explains `resolver.resolve(key)`; the resolution returned is the one `resolve` gives. */
export function explainKey(resolver: CompanyResolver, key: CompanyKey): Explanation {
  const resolution = resolver.resolve(key);
  const steps: ExplainStep[] = [];
  const raw = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v);
  const label = (r: Resolution): string => `${r.company_name} (${r.company_id})`;
  let done = false;

  const slug = linkedinSlugOf(key.linkedin);
  if (raw(key.linkedin) === null) steps.push({ evidence: 'linkedin', input: null, key: null, outcome: 'no LinkedIn URL' });
  else if (slug === null) {
    steps.push({ evidence: 'linkedin', input: key.linkedin!, key: null, outcome: 'not a LinkedIn company or school page: not evidence' });
  } else {
    const hit = resolver.lookupSlug(slug);
    done = hit !== undefined;
    steps.push({
      evidence: 'linkedin', input: key.linkedin!, key: slug,
      outcome: hit ? `matched ${label(hit)} by registry LinkedIn slug` : 'no registry company has this slug',
    });
  }

  const domain = domainOf(key.domain);
  if (done) steps.push({ evidence: 'domain', input: raw(key.domain), key: domain, outcome: 'not consulted (already matched)' });
  else if (raw(key.domain) === null) steps.push({ evidence: 'domain', input: null, key: null, outcome: 'no website' });
  else if (domain === null) {
    steps.push({
      evidence: 'domain', input: key.domain!, key: null,
      outcome: 'generic or malformed host (mail, shortener, hosting tenant or a page on a platform): not evidence',
    });
  } else {
    const hit = resolver.lookupDomain(domain);
    done = hit !== undefined;
    steps.push({
      evidence: 'domain', input: key.domain!, key: domain,
      outcome: hit ? `matched ${label(hit)} by registry domain` : 'no registry company has this domain',
    });
  }

  const name = normalizeCompanyName(key.name);
  if (done) steps.push({ evidence: 'name', input: raw(key.name), key: name || null, outcome: 'not consulted (already matched)' });
  else if (name === '') steps.push({ evidence: 'name', input: raw(key.name), key: null, outcome: 'no usable name' });
  else {
    const hit = resolution.matched_by === 'placeholder' ? undefined : resolver.lookupName(name);
    let outcome = hit ? `matched ${label(hit)} by registry ${hit.matched_by}` : 'no registry company has this name or alias';
    if (resolution.matched_by === 'placeholder') outcome = 'a placeholder, not a company name';
    else if (!hit) {
      const alike = prefixLookalikes(resolver, name);
      if (alike.length > 0) outcome += `; not merged with ${alike.join(', ')}: a shared prefix is never a match`;
    }
    steps.push({ evidence: 'name', input: key.name!, key: name, outcome });
  }

  const result =
    resolution.matched_by === 'placeholder'
      ? 'placeholder employer (self-employed, freelance, stealth, confidential): no company; the position counts as experience, never as a hire'
      : resolution.company_id === ''
      ? 'no evidence: unknown employer'
      : resolution.matched_by === 'new'
        ? `new company ${label(resolution)}; in a batch it also joins keys sharing its slug, domain or normalized name`
        : `${label(resolution)} by ${resolution.matched_by}`;
  steps.push({ evidence: 'result', input: null, key: resolution.company_id || null, outcome: result });
  return { resolution, steps };
}

/** Registry name keys that are a prefix of `name` or start with it ("apple" / "apple leisure group", "intel" / "intel471"). */
function prefixLookalikes(resolver: CompanyResolver, name: string): string[] {
  const found: string[] = [];
  for (const [key, r] of resolver.registryNames()) {
    const shorter = key.length < name.length ? key : name;
    const longer = key.length < name.length ? name : key;
    if (longer.startsWith(shorter) && shorter.length >= 2) {
      const text = `"${key}" (${r.company_id})`;
      if (!found.includes(text)) found.push(text);
      if (found.length >= MAX_LOOKALIKES) break;
    }
  }
  return found;
}
