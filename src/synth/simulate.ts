/**
 * Career simulation, one person at a time: a graduating class, summer internships, a bachelor's
 * and maybe a master's or doctorate, a job search each month against the market's open slots
 * (planted cohorts) or the rest of the economy, tenures with promotions (new title, same company),
 * job-to-job moves, boomerangs, return offers, mid-career master's degrees, and leaving the
 * workforce. A seeker's experience group is computed with the DESIGN.md v1 definitions from the
 * career so far, so the slots filled are exactly the hires truth counts.
 */
import { FULL_TIME, INTERNSHIP, SIDE_ROLE, type Person, type Position } from './career.js';
import { OTHER, type CompanyUniverse } from './companies.js';
import type { Market } from './market.js';
import { Rng, WeightedTable } from './rng.js';
import { FUNCTIONS, PLANTED_COHORTS, type Scenario } from './scenario.js';
import { INTERN_TITLES, SIDE_TITLES, TITLES } from './titles.js';
import { FIRST_NAMES, LAST_NAMES, MAJORS, METROS, SCHOOLS } from './vocab.js';

const GRAD_MONTH = new WeightedTable([1, 1, 1, 1, 45, 25, 1, 2, 1, 1, 1, 15]);
const INTERN_COHORT = new WeightedTable([0.25, 0.2, 0.1, 0.45]);
const MIN_REHIRE_GAP = 6;

export interface SimContext {
  rng: Rng;
  scenario: Scenario;
  universe: CompanyUniverse;
  market: Market;
  /** Snapshot month: careers are simulated up to and including it. */
  snapshot: number;
}

export class Simulator {
  private readonly gradYears: WeightedTable;
  private readonly firstYear: number;
  private readonly mix: WeightedTable[];
  private readonly entryMix = new Map<number, WeightedTable[]>();
  private readonly earlyShare: number[];

  constructor(private readonly ctx: SimContext) {
    const p = ctx.scenario.population;
    this.firstYear = p.first_graduation_year;
    const lastYear = Math.floor(ctx.snapshot / 12) + 2;
    const w: number[] = [];
    for (let y = this.firstYear; y <= lastYear; y++) w.push(Math.pow(1 + p.cohort_growth, y - this.firstYear));
    this.gradYears = new WeightedTable(w);
    const mixOf = (c: number): Record<string, number> => {
      const key = c < PLANTED_COHORTS.length ? PLANTED_COHORTS[c]! : 'other';
      return ctx.scenario.functions.mix[key];
    };
    this.mix = [0, 1, 2, 3].map((c) => new WeightedTable(FUNCTIONS.map((f) => mixOf(c)[f] ?? 0)));
    this.earlyShare = PLANTED_COHORTS.map((c) => p.early_share[c]);
    for (const [y, pen] of Object.entries(ctx.scenario.functions.ai_entry_penalty)) {
      const exp = ctx.scenario.functions.ai_exposure;
      this.entryMix.set(Number(y), [0, 1, 2, 3].map((c) => new WeightedTable(FUNCTIONS.map((f) => (mixOf(c)[f] ?? 0) * (1 - (exp[f] ?? 0) * pen)))));
    }
  }

  /** Fill `person` (reused between calls) with a fresh career. */
  simulate(person: Person, index: number): void {
    const { rng, snapshot: T, universe } = this.ctx;
    const pop = this.ctx.scenario.population;
    person.index = index;
    person.first = rng.int(FIRST_NAMES.length);
    person.last = rng.int(LAST_NAMES.length);
    person.metro = rng.int(METROS.length);
    person.positions = [];
    person.education = [];
    const gy = this.firstYear + this.gradYears.sample(rng);
    const G1 = gy * 12 + GRAD_MONTH.sample(rng);
    const noDegree = rng.chance(pop.no_degree);
    let grad: number | null = null;
    let hasMasters = false;
    const school = rng.int(SCHOOLS.length);
    const major = rng.int(MAJORS.length);
    let fn = this.mix[OTHER]!.sample(rng);
    if (!noDegree) {
      person.education.push({ school, degree: 'bachelors', major, start: (gy - 4) * 12 + 8, end: G1 });
      grad = G1;
      for (const k of [2, 1]) {
        const sy = gy - k;
        if (!rng.chance(pop.internship * (k === 1 ? 1 : 0.6)) || sy * 12 + 5 > T) continue;
        let c = INTERN_COHORT.sample(rng);
        let company = universe.pick(c, sy, rng);
        if (company < 0) company = universe.pick((c = OTHER), sy, rng);
        const ie = sy * 12 + 7;
        this.push(person, company, fn, 0, rng.pick(INTERN_TITLES[FUNCTIONS[fn]!]), sy * 12 + 5, ie > T ? null : ie, INTERNSHIP);
      }
      if (rng.chance(pop.masters)) {
        const ms = (G1 % 12 <= 7 ? gy : gy + 1) * 12 + 8;
        person.education.push({ school: rng.int(SCHOOLS.length), degree: 'masters', major, start: ms, end: ms + 20 });
        grad = ms + 20;
        hasMasters = true;
      }
      if (rng.chance(pop.doctorate)) {
        const ds = grad + 4;
        person.education.push({ school: rng.int(SCHOOLS.length), degree: 'doctorates', major, start: ds, end: ds + 56 });
        grad = ds + 56;
      }
      if (grad > T) return;
    }
    const side = rng.chance(pop.side_roles);
    let t = (grad ?? G1) + 1 + rng.geometric(pop.first_job_delay_months);
    let E = 0;
    let searching = 0;
    while (t <= T) {
      const newGrad = grad === null || (E < 12 && t - grad <= 12);
      const group = newGrad ? 0 : E >= 24 && E < 72 ? 1 : 2;
      const company = this.seek(person, t, group);
      if (company < 0) {
        t++;
        if (++searching > 24 && rng.chance(0.05)) break;
        continue;
      }
      searching = 0;
      if (grad === null) grad = t - 1;
      const cohort = universe.companies[company]!.cohort;
      fn = this.functionAt(cohort, t, newGrad, fn);
      const e = t + 1 + rng.geometric(pop.tenure_months[E < 24 ? 0 : E < 72 ? 1 : 2] - 1);
      let level = Math.max(0, (E < 24 ? 0 : E < 48 ? 1 : E < 84 ? 2 : E < 132 ? 3 : E < 192 ? 4 : 5) - rng.int(2));
      const draw = rng.next();
      let s = t;
      let ongoing = false;
      for (;;) {
        const d = 12 + rng.geometric(pop.promotion_months - 12);
        const end = s + d < e ? s + d : e;
        ongoing = end > T;
        this.push(person, company, fn, level, TITLES[FUNCTIONS[fn]!][level]!, s, ongoing ? null : end, FULL_TIME, draw);
        if (ongoing || end === e) break;
        s = end;
        level = Math.min(5, level + 1);
      }
      if (ongoing) break;
      E += e - t;
      const yearsOut = Math.floor(e / 12) - gy;
      if (yearsOut >= pop.retire_after_years && rng.chance(0.35)) break;
      if (rng.chance(pop.leave_workforce)) break;
      if (!noDegree && !hasMasters && yearsOut < 10 && rng.chance(pop.midcareer_masters)) {
        hasMasters = true;
        const ms = (e % 12 <= 5 ? Math.floor(e / 12) : Math.floor(e / 12) + 1) * 12 + 8;
        person.education.push({ school: rng.int(SCHOOLS.length), degree: 'masters', major, start: ms, end: ms + 20 });
        if (ms + 20 > T) break;
        grad = ms + 20;
        E = 0;
        t = grad + 1 + rng.geometric(pop.first_job_delay_months);
        continue;
      }
      t = e + (rng.chance(0.55) ? 0 : 1 + rng.geometric(2));
    }
    if (side) this.sideRole(person, G1);
  }

  /** One month of job search: a company index, or -1 when not hired this month. */
  private seek(person: Person, t: number, group: number): number {
    const { rng, market } = this.ctx;
    const year = Math.floor(t / 12);
    const pop = this.ctx.scenario.population;
    if (market.inYears(year)) {
      const first = rng.int(3);
      for (let i = 0; i < 3; i++) {
        const c = (first + i) % 3;
        if (!market.open(c, year, group)) continue;
        const k = this.companyIn(person, c, t, group === 0);
        if (k < 0) continue;
        market.take(c, year, group);
        return k;
      }
      return rng.chance(pop.other_accept) ? this.companyIn(person, OTHER, t, false) : -1;
    }
    if (!rng.chance(pop.other_accept)) return -1;
    let x = rng.next();
    for (let c = 0; c < 3; c++) {
      x -= this.earlyShare[c] ?? 0;
      if (x < 0) {
        const k = this.companyIn(person, c, t, group === 0);
        if (k >= 0) return k;
        break;
      }
    }
    return this.companyIn(person, OTHER, t, false);
  }

  /** A company of `cohort` the person can be hired by at `t` (not one left less than 6 months ago). */
  private companyIn(person: Person, cohort: number, t: number, newGrad: boolean): number {
    const { rng, universe } = this.ctx;
    const companies = universe.companies;
    const ps = person.positions;
    // Return offers after an internship, and boomerangs to a former employer.
    const prior = newGrad ? (cohort === OTHER ? 0 : 0.4) : cohort === OTHER ? 0.05 : 0.2;
    if (ps.length > 0 && rng.chance(prior)) {
      for (let i = ps.length - 1; i >= 0; i--) {
        const p = ps[i]!;
        if (p.kind === SIDE_ROLE || p.company < 0 || companies[p.company]!.cohort !== cohort) continue;
        if ((newGrad ? p.kind === INTERNSHIP : p.kind === FULL_TIME) && this.free(person, p.company, t)) return p.company;
      }
    }
    const year = Math.floor(t / 12);
    for (let tries = 0; tries < 8; tries++) {
      const k = universe.pick(cohort, year, rng);
      if (k < 0) return -1;
      if (this.free(person, k, t)) return k;
    }
    return -1;
  }

  private free(person: Person, company: number, t: number): boolean {
    for (const p of person.positions) {
      if (p.company === company && p.kind === FULL_TIME && (p.end === null || p.end > t - MIN_REHIRE_GAP)) return false;
    }
    return true;
  }

  private functionAt(cohort: number, t: number, newGrad: boolean, current: number): number {
    const { rng } = this.ctx;
    if (!newGrad && rng.chance(0.85)) return current;
    const tables = newGrad ? (this.entryMix.get(Math.floor(t / 12)) ?? this.mix) : this.mix;
    const f = tables[cohort]!.sample(rng);
    return f < 0 ? current : f;
  }

  private sideRole(person: Person, from: number): void {
    const { rng, snapshot: T, universe } = this.ctx;
    const start = from + 12 + rng.int(Math.max(1, T - from - 12));
    if (start > T) return;
    const end = start + 12 + rng.int(36);
    const org = rng.chance(0.7) ? rng.pick(universe.sideOrgs) : -1;
    this.push(person, org, 0, 0, rng.pick(SIDE_TITLES), start, end > T ? null : end, SIDE_ROLE);
    // Keep positions in start order (pdl.ts writes them newest first without sorting).
    const ps = person.positions;
    for (let i = ps.length - 1; i > 0 && ps[i - 1]!.start > ps[i]!.start; i--) [ps[i - 1], ps[i]] = [ps[i]!, ps[i - 1]!];
  }

  private push(person: Person, company: number, fn: number, level: number, title: string, start: number, end: number | null, kind: number, brandDraw?: number): void {
    const p: Position = { company, brandDraw: brandDraw ?? this.ctx.rng.next(), fn, level, title, start, end, kind, metro: person.metro };
    person.positions.push(p);
  }
}
