/**
 * Writing a career as one People Data Labs v5 person JSON line, with the mess of real profiles:
 * brand and name variants, missing LinkedIn pages and websites, year-only dates, missing
 * education, the occasional missing title, and the reporting lag (positions started after the
 * profile's last update are not on it; positions still going then show no end date). Old
 * internships are often pruned from long careers, as people do; internships are neither hires nor
 * experience, so truth does not change.
 *
 * Lines are built as strings, not objects, because this is the generator's hot path: every text
 * written comes from the world's own vocabularies, which are ASCII and need no JSON escaping (a
 * test parses every line of a world; the shard writer relies on ASCII). Positions come in start
 * order from the simulator and are written newest first, as PDL does.
 */
import { FULL_TIME, INTERNSHIP, type Person } from './career.js';
import type { CompanyUniverse } from './companies.js';
import type { Rng } from './rng.js';
import type { Noise } from './scenario.js';
import { FIRST_NAMES, LAST_NAMES, LEGAL_SUFFIXES, MAJORS, METROS, SCHOOLS, SKILLS } from './vocab.js';

export interface EmitStats {
  yearOnlyDates: number;
  laggedPositions: number;
}

export interface EmitOptions {
  id: string;
  linkedinUrl: string | null;
  /** The profile's last update (month index) and its day of month. */
  updated: number;
  updatedDay: number;
  dropEducation: boolean;
  yearOnlyProfile: boolean;
  /** Snapshot series: the draws for position i (education i: 1000 + i) come from `rngFor(i)`, so
   *  an entry reads the same in every snapshot whatever else the profile lists then. */
  rngFor?: (item: number) => Rng;
}

/** Positions that ended before 2010 are "old history", written loosely. */
const OLD = 2010 * 12;
const METRO_NAMES = METROS.map(([city, state]) => `${city}, ${state}, united states`);
const DEGREE_NAMES: Record<string, readonly string[]> = {
  bachelors: ['["bachelors"]', '["bachelor of science","bachelors"]', '["bachelor of arts","bachelors"]'],
  masters: ['["masters"]', '["master of science","masters"]'],
  doctorates: ['["doctorates"]', '["doctor of philosophy","doctorates"]'],
};

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A month as `"YYYY"`, `"YYYY-MM"` or (sometimes) `"YYYY-MM-DD"`, quoted. */
function dateOf(m: number, yearOnly: boolean, rng: Rng, stats: EmitStats): string {
  const y = Math.floor(m / 12);
  if (yearOnly) {
    stats.yearOnlyDates++;
    return `"${y}"`;
  }
  const ym = `${y}-${pad2((m % 12) + 1)}`;
  return rng.chance(0.1) ? `"${ym}-${pad2(1 + rng.int(28))}"` : `"${ym}"`;
}

function variantOf(name: string, realBrand: boolean, names: readonly string[], p: number, rng: Rng): string {
  if (!rng.chance(p)) return names[0] ?? name;
  if (realBrand) return rng.pick(names);
  const r = rng.int(3);
  return r === 0 ? name.toLowerCase() : r === 1 ? name + rng.pick(LEGAL_SUFFIXES) : name.toUpperCase();
}

function str(s: string | null): string {
  return s === null ? 'null' : `"${s}"`;
}

/** The PDL line for `person` as of `opts.updated`. */
export function pdlLine(person: Person, universe: CompanyUniverse, noise: Noise, opts: EmitOptions, mainRng: Rng, stats: EmitStats): string {
  const rng = mainRng;
  const first = FIRST_NAMES[person.first]!;
  const last = LAST_NAMES[person.last]!;
  const metro = METRO_NAMES[person.metro]!;
  const U = opts.updated;
  const firstGrad = person.education[0]?.end ?? U;
  const pruneInternships = U - firstGrad > 96 && rng.chance(0.7);
  let experience = '';
  let current = '"job_title":null,"job_company_name":null,"job_start_date":null,"industry":null';
  let primaryAt = -1;
  const ps = person.positions;
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i]!;
    if (p.start > U) {
      stats.laggedPositions++;
      continue;
    }
    if (p.kind === INTERNSHIP && pruneInternships) continue;
    const rng = opts.rngFor?.(i) ?? mainRng;
    const yearOnly = opts.yearOnlyProfile || rng.chance(p.end !== null && p.end < OLD ? noise.year_only_old_positions : noise.year_only_positions);
    let company = 'null';
    let companyName = 'null';
    let industry = 'null';
    if (p.company >= 0) {
      const c = universe.companies[p.company]!;
      const year = Math.floor(p.start / 12);
      let total = 0;
      for (const b of c.brands) if ((b.since ?? 0) <= year && year < (b.until ?? 9999)) total += b.weight;
      let x = p.brandDraw * total;
      let brand = c.brands[0]!;
      for (const b of c.brands) {
        if (!((b.since ?? 0) <= year && year < (b.until ?? 9999))) continue;
        brand = b;
        if ((x -= b.weight) < 0) break;
      }
      companyName = `"${variantOf(c.name, c.realBrands, brand.names, noise.name_variants, rng)}"`;
      const li = brand.slug && !rng.chance(noise.missing_company_linkedin) ? `"linkedin.com/company/${brand.slug}"` : 'null';
      const web = brand.domain && !rng.chance(noise.missing_website) ? `"${brand.domain}"` : 'null';
      company = `{"name":${companyName},"linkedin_url":${li},"website":${web}}`;
      industry = `"${c.industry}"`;
    }
    const title = p.kind === FULL_TIME && rng.chance(0.003) ? null : p.title;
    const start = dateOf(p.start, yearOnly, rng, stats);
    const ongoing = p.end === null || p.end > U;
    const end = ongoing ? 'null' : dateOf(p.end!, yearOnly, rng, stats);
    const primary = ongoing && p.kind === FULL_TIME && primaryAt < 0;
    if (primary) {
      primaryAt = p.start;
      current = `"job_title":${str(title)},"job_company_name":${companyName},"job_start_date":${start},"industry":${industry}`;
    }
    experience += (experience ? ',' : '') + `{"company":${company},"title":${title === null ? 'null' : `{"name":"${title}"}`},"start_date":${start},"end_date":${end},` +
        `"is_primary":${primary},"location_names":[${p.kind === FULL_TIME && ongoing ? `"${METRO_NAMES[p.metro]}"` : ''}]}`;
  }
  let education = '';
  if (!opts.dropEducation) {
    for (let i = person.education.length - 1; i >= 0; i--) {
      const e = person.education[i]!;
      if (e.start > U) continue;
      const rng = opts.rngFor?.(1000 + i) ?? mainRng;
      const [school, domain] = SCHOOLS[e.school]!;
      education += `${education ? ',' : ''}{"school":{"name":"${school}","website":"${domain}"},"degrees":${rng.pick(DEGREE_NAMES[e.degree]!)},` +
        `"majors":["${MAJORS[e.major]}"],"start_date":${dateOf(e.start, opts.yearOnlyProfile, rng, stats)},"end_date":${dateOf(e.end, opts.yearOnlyProfile, rng, stats)}}`;
    }
  }
  let skills = '';
  const seen = new Set<number>();
  for (let i = 2 + rng.int(5); i > 0; i--) {
    const s = rng.int(SKILLS.length);
    if (seen.has(s)) continue;
    seen.add(s);
    skills += `${skills ? ',' : ''}"${SKILLS[s]}"`;
  }
  return `{"id":"${opts.id}","full_name":"${first} ${last}","first_name":"${first}","last_name":"${last}","linkedin_url":${str(opts.linkedinUrl)},` +
    `${current},"job_last_updated":"${Math.floor(U / 12)}-${pad2((U % 12) + 1)}-${pad2(opts.updatedDay)}","location_name":"${metro}",` +
    `"skills":[${skills}],"experience":[${experience}],"education":[${education}]}`;
}
