/**
 * A scenario: the effects planted in a synthetic world. Demand (hiring slots per 1,000 people per
 * year, by cohort × experience group) drives who gets hired where; the population and noise
 * sections shape the supply of careers and the mess on the profiles. Loose YAML in, one strict
 * object out (unknown keys are errors, missing optional keys take the defaults below).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '../model/errors.js';

/** Experience groups that demand is planted for (new-grad hires, 2–5-year hires, the rest). */
export const GROUPS = ['new_grad', '2-5', 'other'] as const;
export type Group = (typeof GROUPS)[number];

/** Cohorts a world can plant demand for; `other` is every company in none of them. */
export const PLANTED_COHORTS = ['bigtech15', 'startups', 'banks'] as const;
export type PlantedCohort = (typeof PLANTED_COHORTS)[number];

export const FUNCTIONS = [
  'engineering', 'data', 'product', 'design', 'sales', 'marketing', 'operations', 'finance', 'people', 'support',
] as const;
export type JobFunction = (typeof FUNCTIONS)[number];

export interface Population {
  /** Bachelor's graduating classes from this year on; each class is `cohort_growth` larger. */
  first_graduation_year: number;
  cohort_growth: number;
  no_degree: number;
  masters: number;
  doctorate: number;
  /** Chance, at each job end in the first 10 years, of going back for a master's. */
  midcareer_masters: number;
  internship: number;
  first_job_delay_months: number;
  /** Mean tenure in months by experience: < 2 years, 2–5 years, 6+ years. */
  tenure_months: [number, number, number];
  promotion_months: number;
  leave_workforce: number;
  retire_after_years: number;
  /** Chance per month of search that a seeker is hired outside the planted cohorts. */
  other_accept: number;
  side_roles: number;
  /** Before `years.from`, the share of hires going to each planted cohort (no slots then). */
  early_share: Record<PlantedCohort, number>;
}

export interface Noise {
  duplicates: number;
  duplicate_by_linkedin: number;
  malformed: number;
  /** Share of profiles with every date year-only, among people who graduated 8+ years before their update. */
  year_only_profiles: number;
  /** The same among recent graduates (their entries carry months). */
  year_only_profiles_recent: number;
  year_only_positions: number;
  /** Year-only dates on positions that ended before 2010 (old history is written loosely). */
  year_only_old_positions: number;
  /** Share of profiles without education, among people who graduated 8+ years before their update. */
  missing_education: number;
  /** The same among recent graduates (they list their degree; an imputed graduation biases new-grad counts). */
  missing_education_recent: number;
  missing_linkedin_url: number;
  missing_company_linkedin: number;
  missing_website: number;
  name_variants: number;
  /** Mean months between a profile's last update and the snapshot date. */
  lag_months: number;
  /** In a series of snapshots, the share of profiles each later snapshot fetches again; the rest
   *  repeat their previous record as it was (a vendor's release does not re-crawl everyone). */
  recrawl: number;
}

export interface Scenario {
  name: string;
  description: string;
  years: { from: number; to: number };
  /** `demand[cohort][group][year - years.from]`: slots per 1,000 people. */
  demand: Record<PlantedCohort, Record<Group, number[]>>;
  companies: { startups: number; other: number; startup_founded: { from: number; to: number } };
  functions: {
    mix: Record<PlantedCohort | 'other', Record<JobFunction, number>>;
    ai_exposure: Record<JobFunction, number>;
    /** By year: new-grad function weights are scaled by (1 − exposure × penalty). */
    ai_entry_penalty: Record<string, number>;
  };
  population: Population;
  noise: Noise;
}

export const DEFAULT_POPULATION: Population = {
  first_graduation_year: 1984,
  cohort_growth: 0.07,
  no_degree: 0.03,
  masters: 0.22,
  doctorate: 0.03,
  midcareer_masters: 0.04,
  internship: 0.55,
  first_job_delay_months: 2,
  tenure_months: [20, 22, 54],
  promotion_months: 48,
  leave_workforce: 0.02,
  retire_after_years: 35,
  other_accept: 0.45,
  side_roles: 0.06,
  early_share: { bigtech15: 0.12, startups: 0.06, banks: 0.05 },
};

export const DEFAULT_NOISE: Noise = {
  duplicates: 0.01,
  duplicate_by_linkedin: 0.4,
  malformed: 0.003,
  year_only_profiles: 0.01,
  year_only_profiles_recent: 0.001,
  year_only_positions: 0.002,
  year_only_old_positions: 0.05,
  missing_education: 0.05,
  missing_education_recent: 0.005,
  missing_linkedin_url: 0.05,
  missing_company_linkedin: 0.15,
  missing_website: 0.2,
  name_variants: 0.2,
  lag_months: 1.2,
  recrawl: 1,
};

const EVEN_MIX = Object.fromEntries(FUNCTIONS.map((f) => [f, 1])) as Record<JobFunction, number>;

function fail(file: string, what: string, hint?: string): never {
  throw new UserError(`invalid scenario: ${what}`, 'invalid_scenario', hint, { file });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(file: string, path: string, v: unknown, min = 0, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    fail(file, `${path}: ${JSON.stringify(v)}`, `${path} takes a number in [${min}, ${max}]`);
  }
  return v;
}

/** Overlay `raw` on `base`, checking keys and number ranges. */
function overlay<T>(file: string, path: string, base: T, raw: unknown): T {
  if (raw === undefined) return base;
  if (!isRecord(raw)) fail(file, `${path}: not a mapping`);
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(raw)) {
    const cur = (base as Record<string, unknown>)[k];
    if (cur === undefined) fail(file, `unknown key ${path}.${k}`);
    if (typeof cur === 'number') out[k] = num(file, `${path}.${k}`, v);
    else if (Array.isArray(cur)) {
      if (!Array.isArray(v) || v.length !== cur.length) fail(file, `${path}.${k}: want ${cur.length} numbers`);
      out[k] = v.map((x, i) => num(file, `${path}.${k}[${i}]`, x));
    } else out[k] = overlay(file, `${path}.${k}`, cur, v);
  }
  return out as T;
}

function demandSeries(file: string, path: string, raw: unknown, from: number, to: number): number[] {
  if (!isRecord(raw)) fail(file, `${path}: want {base, index: {YEAR: multiplier}}`);
  const base = num(file, `${path}.base`, raw.base);
  const index = raw.index;
  if (!isRecord(index)) fail(file, `${path}.index: want a mapping of year to multiplier`);
  const out: number[] = [];
  for (let y = from; y <= to; y++) {
    const m = index[String(y)];
    if (m === undefined) fail(file, `${path}.index misses ${y}`, 'give a multiplier for every year in years');
    out.push(base * num(file, `${path}.index.${y}`, m));
  }
  return out;
}

/** Parse scenario YAML text; `file` names it in errors. */
export function parseScenario(text: string, file = '<scenario>'): Scenario {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    fail(file, `not YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(raw)) fail(file, 'not a mapping');
  const allowed = new Set(['name', 'description', 'years', 'demand', 'companies', 'functions', 'population', 'noise']);
  for (const k of Object.keys(raw)) if (!allowed.has(k)) fail(file, `unknown key ${k}`);
  if (typeof raw.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.name)) fail(file, `name: ${String(raw.name)}`, 'a kebab-case name');
  const years = raw.years;
  if (!isRecord(years)) fail(file, 'years: want {from, to}');
  const from = num(file, 'years.from', years.from, 1990, 2100);
  const to = num(file, 'years.to', years.to, from, 2100);
  const demandRaw = raw.demand;
  if (!isRecord(demandRaw)) fail(file, 'demand: want a mapping of cohort to groups');
  for (const k of Object.keys(demandRaw)) {
    if (!(PLANTED_COHORTS as readonly string[]).includes(k)) fail(file, `unknown cohort in demand: ${k}`, `cohorts: ${PLANTED_COHORTS.join(', ')}`);
  }
  const demand = {} as Scenario['demand'];
  for (const c of PLANTED_COHORTS) {
    const groups = demandRaw[c];
    if (!isRecord(groups)) fail(file, `demand.${c}: missing`);
    demand[c] = {} as Record<Group, number[]>;
    for (const g of GROUPS) demand[c][g] = demandSeries(file, `demand.${c}.${g}`, groups[g], from, to);
  }
  const companies = overlay(file, 'companies', { startups: 120, other: 800, startup_founded: { from: 2006, to: 2023 } }, raw.companies);
  const fnRaw = raw.functions === undefined ? {} : raw.functions;
  if (!isRecord(fnRaw)) fail(file, 'functions: not a mapping');
  const mixBase = { bigtech15: EVEN_MIX, startups: EVEN_MIX, banks: EVEN_MIX, other: EVEN_MIX };
  const functions: Scenario['functions'] = {
    mix: overlay(file, 'functions.mix', mixBase, fnRaw.mix),
    ai_exposure: overlay(file, 'functions.ai_exposure', Object.fromEntries(FUNCTIONS.map((f) => [f, 0])) as Record<JobFunction, number>, fnRaw.ai_exposure),
    ai_entry_penalty: {},
  };
  if (fnRaw.ai_entry_penalty !== undefined) {
    if (!isRecord(fnRaw.ai_entry_penalty)) fail(file, 'functions.ai_entry_penalty: not a mapping');
    for (const [y, v] of Object.entries(fnRaw.ai_entry_penalty)) functions.ai_entry_penalty[y] = num(file, `functions.ai_entry_penalty.${y}`, v, 0, 1);
  }
  return {
    name: raw.name,
    description: typeof raw.description === 'string' ? raw.description.trim() : '',
    years: { from, to },
    demand,
    companies,
    functions,
    population: overlay(file, 'population', DEFAULT_POPULATION, raw.population),
    noise: overlay(file, 'noise', DEFAULT_NOISE, raw.noise),
  };
}

/** Read and parse a scenario file. */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`unknown scenario: ${file}`, 'scenario_not_found', 'pass a YAML file, e.g. scenarios/default.yaml');
  }
  return parseScenario(text, file);
}
