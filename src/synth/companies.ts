/**
 * The company universe of a world: Big Tech under real names, the world's own startups (each founded
 * in a given year) and banks, and the rest (invented companies plus real look-alikes such as
 * "Apple Leisure Group"). It is a pure function of the seed and the scenario, so every shard worker
 * rebuilds the same universe instead of receiving it.
 */
import { stringify } from 'yaml';
import { Rng, WeightedTable } from './rng.js';
import type { Scenario } from './scenario.js';
import { BANKS, BIGTECH as BIGTECH_LIST, LOOKALIKES, type Brand } from './bigtech.js';
import { INDUSTRIES, OTHER_FIRST, OTHER_SECOND, SIDE_ORGS, STARTUP_PREFIXES, STARTUP_SUFFIXES } from './vocab.js';

/** Cohort names as they appear in truth.json, by cohort index. */
export const COHORT_NAMES = ['bigtech15', 'startups', 'banks', 'other'] as const;
export type CohortName = (typeof COHORT_NAMES)[number];
export const BIGTECH = 0;
export const STARTUPS = 1;
export const BANKS_COHORT = 2;
export const OTHER = 3;

export interface Company {
  index: number;
  /** Canonical name (the name in cohorts.yaml). */
  name: string;
  cohort: number;
  founded: number;
  industry: string;
  size: string;
  weight: number;
  brands: readonly Brand[];
  aliases: readonly string[];
  /** Big Tech brands change over time; others have one brand with the canonical name. */
  realBrands: boolean;
}

export interface CompanyUniverse {
  companies: readonly Company[];
  /** Side-role organisations (boards, volunteering): never hire. */
  sideOrgs: readonly number[];
  /** A company of `cohort` that exists in `year`, in proportion to size; -1 when none does. */
  pick(cohort: number, year: number, rng: Rng): number;
}

const SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'] as const;

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Build the universe for a seed and scenario (deterministic). */
export function buildUniverse(seed: number, scenario: Scenario): CompanyUniverse {
  const rng = new Rng(seed, 1);
  const companies: Company[] = [];
  const taken = new Set<string>();
  const add = (c: Omit<Company, 'index'>): number => {
    const index = companies.length;
    companies.push({ ...c, index });
    taken.add(keyOf(c.name));
    for (const b of c.brands) for (const n of b.names) taken.add(keyOf(n));
    for (const a of c.aliases) taken.add(keyOf(a));
    return index;
  };
  for (const b of BIGTECH_LIST) {
    add({ name: b.name, cohort: BIGTECH, founded: b.founded, industry: b.industry, size: '10001+', weight: b.weight, brands: b.brands, aliases: [], realBrands: true });
  }
  for (const b of BANKS) {
    add({ name: b.name, cohort: BANKS_COHORT, founded: 1900, industry: 'banking', size: '10001+', weight: b.weight,
      brands: [{ names: [b.name, ...b.aliases], domain: b.domain, slug: b.slug, weight: 1 }], aliases: b.aliases, realBrands: false });
  }
  const { from: f0, to: f1 } = scenario.companies.startup_founded;
  for (let i = 0, tries = 0; i < scenario.companies.startups && tries < 100_000; tries++) {
    const name = rng.pick(STARTUP_PREFIXES) + rng.pick(STARTUP_SUFFIXES);
    if (taken.has(keyOf(name))) continue;
    const slug = slugOf(name);
    add({ name, cohort: STARTUPS, founded: rng.range(f0, f1), industry: rng.chance(0.7) ? 'computer software' : rng.pick(INDUSTRIES),
      size: rng.pick(SIZES.slice(1, 6)), weight: Math.exp(rng.next() * 2.5), brands: [{ names: [name], domain: `${keyOf(name)}.com`, slug, weight: 1 }],
      aliases: [], realBrands: false });
    i++;
  }
  for (const l of LOOKALIKES) {
    add({ name: l.name, cohort: OTHER, founded: 1990, industry: l.industry, size: '1001-5000', weight: l.weight,
      brands: [{ names: [l.name], domain: l.domain, slug: l.slug, weight: 1 }], aliases: [], realBrands: false });
  }
  for (let i = 0, tries = 0; i < scenario.companies.other && tries < 100_000; tries++) {
    let name = `${rng.pick(OTHER_FIRST)} ${rng.pick(OTHER_SECOND)}`;
    if (taken.has(keyOf(name))) name = `${name} ${rng.pick(['Holdings', 'International', 'America', 'Worldwide'])}`;
    if (taken.has(keyOf(name))) continue;
    add({ name, cohort: OTHER, founded: rng.range(1950, 2012), industry: rng.pick(INDUSTRIES), size: rng.pick(SIZES),
      weight: 1 / Math.pow(i + 1, 0.7), brands: [{ names: [name], domain: rng.chance(0.9) ? `${keyOf(name)}.com` : null, slug: slugOf(name), weight: 1 }],
      aliases: [], realBrands: false });
    i++;
  }
  const sideOrgs = SIDE_ORGS.map((name) => add({ name, cohort: OTHER, founded: 1980, industry: 'nonprofit organization management',
    size: '11-50', weight: 0, brands: [{ names: [name], domain: null, slug: slugOf(name), weight: 1 }], aliases: [], realBrands: false }));

  // Weight tables: per cohort, and for startups per year (only those founded by then).
  const byCohort = COHORT_NAMES.map((_, c) => companies.filter((x) => x.cohort === c && x.weight > 0));
  const fixed = byCohort.map((list) => ({ ids: list.map((x) => x.index), table: new WeightedTable(list.map((x) => x.weight)) }));
  const startupYears = new Map<number, { ids: number[]; table: WeightedTable }>();
  const startupTable = (year: number): { ids: number[]; table: WeightedTable } => {
    let t = startupYears.get(year);
    if (!t) {
      const list = (byCohort[STARTUPS] ?? []).filter((x) => x.founded <= year);
      t = { ids: list.map((x) => x.index), table: new WeightedTable(list.map((x) => x.weight)) };
      startupYears.set(year, t);
    }
    return t;
  };
  return {
    companies,
    sideOrgs,
    pick(cohort, year, r) {
      const t = cohort === STARTUPS ? startupTable(year) : fixed[cohort];
      if (!t) return -1;
      const i = t.table.sample(r);
      return i < 0 ? -1 : (t.ids[i] ?? -1);
    },
  };
}

/**
 * The world's own cohort file (talentflow cohort-file format): `startups` and `banks`, with each
 * company's domain, LinkedIn page and aliases. Big Tech is left to the shipped `bigtech15` cohort.
 */
export function cohortsYaml(universe: CompanyUniverse): string {
  const doc: Record<string, { description: string; companies: { name: string; domain?: string; linkedin?: string; aliases?: string[] }[] }> = {};
  const about = { startups: 'Venture-backed startups of this synthetic world, each founded in a given year.', banks: 'Banks of this synthetic world.' };
  for (const [c, name] of [[STARTUPS, 'startups'], [BANKS_COHORT, 'banks']] as const) {
    doc[name] = {
      description: about[name],
      companies: universe.companies.filter((x) => x.cohort === c).map((x) => {
        const b = x.brands[0];
        return {
          name: x.name,
          ...(b?.domain ? { domain: b.domain } : {}),
          ...(b?.slug ? { linkedin: `linkedin.com/company/${b.slug}` } : {}),
          ...(x.aliases.length ? { aliases: [...x.aliases] } : {}),
        };
      }),
    };
  }
  return '# The cohorts of a synthetic talentflow world (generated by `talentflow synth`).\n' + stringify(doc);
}
