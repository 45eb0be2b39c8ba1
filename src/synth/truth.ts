/**
 * Truth: the figures the estimators should recover, computed from complete, noise-free careers
 * with the DESIGN.md v1 definitions (see docs/synth.md for the exact month rules). This file is the
 * reference implementation the synthetic world is judged by; it shares no code with the simulator's
 * bookkeeping, so a test can check the two agree.
 */
import { FULL_TIME, type Person } from './career.js';
import { COHORT_NAMES, type CompanyUniverse } from './companies.js';

export const DEFINITION_VERSION = 1;
export const BANDS = ['<1', '1', '2-5', '6-10', '11+'] as const;
export type Band = (typeof BANDS)[number];

/** Band index for experience at hire in whole months. */
export function bandOf(months: number): number {
  return months < 12 ? 0 : months < 24 ? 1 : months < 72 ? 2 : months < 132 ? 3 : 4;
}

export interface Hire {
  company: number;
  start: number;
  /** Experience at hire E, full-time months. */
  experience: number;
  newGrad: boolean;
  boomerang: boolean;
}

/**
 * Every hire in a complete career. A full-time position at c starting in month s is a hire when no
 * earlier full-time position at c ended fewer than 3 months before s (or is still going); an
 * earlier one that did end 3+ months before makes it a boomerang hire. `snapshot` closes ongoing
 * positions. Internships and side roles are neither hires nor experience.
 */
export function hiresOf(person: Person, snapshot: number): Hire[] {
  const ft = person.positions.filter((p) => p.kind === FULL_TIME && p.company >= 0).sort((a, b) => a.start - b.start);
  if (ft.length === 0) return [];
  const grads = person.education.length === 0
    ? [ft[0]!.start - 1]
    : person.education.map((e) => e.end).filter((m) => m <= snapshot).sort((a, b) => a - b);
  const out: Hire[] = [];
  ft.forEach((p, i) => {
    let boomerang = false;
    for (let j = 0; j < i; j++) {
      const q = ft[j]!;
      if (q.company !== p.company) continue;
      if (q.end === null || q.end > p.start - 3) return;
      boomerang = true;
    }
    const s = p.start;
    let g = -Infinity;
    let g3: number | null = null;
    for (const m of grads) {
      if (m <= s) g = m;
      if (m <= s + 3) g3 = m;
    }
    const experience = workedMonths(ft, g, s, snapshot);
    const newGrad = experience < 12 && g3 !== null && g3 >= s - 12;
    out.push({ company: p.company, start: s, experience, newGrad, boomerang });
  });
  return out;
}

/** Full-time months in [from, to), overlapping positions counted once. */
function workedMonths(ft: readonly { start: number; end: number | null }[], from: number, to: number, snapshot: number): number {
  let total = 0;
  let reach = from;
  for (const p of ft) {
    const a = Math.max(p.start, reach);
    const b = Math.min(p.end ?? snapshot, to);
    if (b > a) {
      total += b - a;
      reach = b;
    }
  }
  return total;
}

/** One row of `truth.json` hires. */
export interface TruthHireRow {
  cohort: string;
  year: number;
  band: Band;
  new_grad: boolean;
  hires: number;
}

/**
 * The contents of `truth.json`. Extension point: departures, retention and flows get their own
 * optional sections (and a table class like {@link TruthTable}) when those metrics exist.
 */
export interface Truth {
  definition_version: number;
  scenario: string;
  seed: number;
  people: number;
  snapshot_date: string;
  years: { from: number; to: number };
  hires: TruthHireRow[];
}

/** Hire counts by cohort × year × band × new-grad flag, mergeable across shards. */
export class TruthTable {
  readonly counts: Int32Array;

  constructor(readonly from: number, readonly to: number, counts?: ArrayLike<number>) {
    this.counts = new Int32Array(COHORT_NAMES.length * (to - from + 1) * BANDS.length * 2);
    if (counts) this.counts.set(counts);
  }

  private cell(cohort: number, year: number, band: number, newGrad: boolean): number {
    return ((cohort * (this.to - this.from + 1) + (year - this.from)) * BANDS.length + band) * 2 + (newGrad ? 1 : 0);
  }

  addPerson(person: Person, universe: CompanyUniverse, snapshot: number): void {
    for (const h of hiresOf(person, snapshot)) {
      const year = Math.floor(h.start / 12);
      if (year < this.from || year > this.to) continue;
      const cohort = universe.companies[h.company]!.cohort;
      const i = this.cell(cohort, year, bandOf(h.experience), h.newGrad);
      this.counts[i] = (this.counts[i] ?? 0) + 1;
    }
  }

  merge(other: ArrayLike<number>): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] = (this.counts[i] ?? 0) + (other[i] ?? 0);
  }

  /** Non-zero cells, sorted by cohort, year, band, new-grad flag. */
  rows(): TruthHireRow[] {
    const out: TruthHireRow[] = [];
    COHORT_NAMES.forEach((cohort, c) => {
      for (let y = this.from; y <= this.to; y++) {
        BANDS.forEach((band, b) => {
          for (const ng of [false, true]) {
            const n = this.counts[this.cell(c, y, b, ng)] ?? 0;
            if (n > 0) out.push({ cohort, year: y, band, new_grad: ng, hires: n });
          }
        });
      }
    });
    return out;
  }
}
