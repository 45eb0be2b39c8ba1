/**
 * Place strings → country / region / metro, once per distinct string (a place seen a million
 * times is normalized once and joined back by value). Reads LinkedIn's area names ("San
 * Francisco Bay Area", "Greater London"), "City, Region, Country" ("Sydney, New South Wales,
 * Australia") and PDL's lowercase `san francisco, california, united states`.
 *
 * A city names a metro only when the string's region and country, where given, agree with it:
 * "Portland, Maine" is not Portland, Oregon; "Cambridge, England" is not Greater Boston. A city
 * name the gazetteer marks ambiguous (`Metro.ambiguous`) needs the metro's own region beside it:
 * "Cambridge" alone is no metro.
 */
import { COUNTRIES, METROS, REGIONS, type Metro } from './place-gazetteer.js';

export interface Place {
  /** ISO 3166 alpha-2 code, `US`. */
  country: string | null;
  /** First-level region, `California`. */
  region: string | null;
  /** Metro area, `San Francisco Bay Area`. */
  metro: string | null;
}

const AREA_WORDS = /^(greater|metro|metropolitan)\s+|\s+(metropolitan area|metro area|metroplex|area|region|metro)$/g;
const DIACRITICS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

const METRO_BY_NAME = new Map<string, Metro>();
for (const m of METROS) for (const n of m.names) if (!METRO_BY_NAME.has(n)) METRO_BY_NAME.set(n, m);
const METRO_BY_LABEL = new Map(METROS.map((m) => [fold(m.name), m]));

/** Lowercase, no diacritics, single spaces. */
function fold(s: string): string {
  return s.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(SPACES, ' ').trim();
}

/** Strip "greater … area" wrappers: "greater seattle area" → "seattle". */
function core(s: string): string {
  let prev = '';
  let out = s;
  while (out !== prev) {
    prev = out;
    out = out.replace(AREA_WORDS, '').trim();
  }
  return out;
}

function metroOf(name: string): Metro | undefined {
  return METRO_BY_NAME.get(name) ?? METRO_BY_LABEL.get(name) ?? METRO_BY_NAME.get(core(name));
}

/**
 * Normalize one place string; null for an empty string. Unknown places keep what can be read
 * (a known country or region) and have no metro.
 *
 * @example normalizePlace('Sydney, New South Wales, Australia') // { country: 'AU', region: 'New South Wales', metro: 'Greater Sydney' }
 */
export function normalizePlace(raw: string | null | undefined): Place | null {
  if (!raw) return null;
  const s = fold(raw);
  if (!s) return null;
  const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
  let country: string | null = null;
  let region: string | null = null;
  const rest: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    const c = COUNTRIES[p];
    const r = REGIONS[p];
    if (i > 0 || parts.length === 1) {
      if (c && !country && i === parts.length - 1) {
        country = c;
        continue;
      }
      if (r && !region && (!country || r[1] === country) && i > 0) {
        region = r[0];
        country ??= r[1];
        continue;
      }
    }
    rest.unshift(p);
  }
  if (parts.length === 1 && !country) {
    const r = REGIONS[s];
    if (r && s.length > 2) return { country: r[1], region: r[0], metro: null };
  }
  // the whole string may be an area name, else the first remaining part is the city
  const candidates = [s, ...rest];
  for (const name of candidates) {
    const m = metroOf(name);
    if (!m) continue;
    if (country && m.country !== country) continue;
    if (region && m.region !== region && !m.alsoRegions?.includes(region)) continue;
    if (m.ambiguous?.includes(name) && region !== m.region) continue;
    return { country: m.country, region: region ?? m.region, metro: m.name };
  }
  if (!country && parts.length === 1 && COUNTRIES[s]) country = COUNTRIES[s]!;
  return { country, region, metro: null };
}

/** Normalize a user's filter value (`--metro "bay area"`, `--country "united kingdom"`). */
export function metroName(value: string): string {
  return normalizePlace(value)?.metro ?? value;
}

export function countryCode(value: string): string {
  const f = fold(value);
  return COUNTRIES[f] ?? value.toUpperCase();
}
