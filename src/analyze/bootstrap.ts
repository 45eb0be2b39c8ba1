/**
 * The bootstrap over people, on aggregated per-person data.
 *
 * A cell's figures (a count, a ratio, a change against another period) are sums over people of
 * per-person contribution vectors: person i adds `v_i = [hires_t, hires_{t−1}, headcount_t, …]`.
 * The Poisson bootstrap gives each person an independent Poisson(1) weight per replicate, so a
 * replicate sum is Σ_i w_i · v_i. People with the same vector are interchangeable, and a sum of n
 * independent Poisson(1) weights is one Poisson(n) draw; so the engine returns each distinct
 * vector with its number of people (`PatternRow`) and a replicate costs one Poisson draw per
 * distinct vector — the same distribution as weighting every person, at a tiny fraction of the
 * cost, and joint across the vector's components (a person in both years of a YoY moves both).
 */
import { DEFAULT_LEVEL, type Estimate } from './intervals.js';
import { SeededRandom } from './seeded-random.js';

/** One distinct per-person contribution vector in a cell and the number of people who have it. */
export interface PatternRow {
  v: readonly number[];
  n: number;
}

export interface BootstrapOptions {
  /** Replicates B (default 200; 0 = no bootstrap intervals). */
  replicates: number;
  /** Seed; with the cell key it fixes every draw (default 1). */
  seed: number;
  /** Coverage (default 0.95). */
  level: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { replicates: 200, seed: 1, level: DEFAULT_LEVEL };

/** Replicate sums for one cell, and percentile intervals for any statistic of the sums. */
export class CellBootstrap {
  /** The point sums Σ n · v. */
  readonly total: number[];
  private readonly reps: number[][];

  /** `key` names the cell so each cell gets its own reproducible stream. */
  constructor(patterns: readonly PatternRow[], width: number, key: string, readonly options: BootstrapOptions = DEFAULT_BOOTSTRAP) {
    this.total = new Array<number>(width).fill(0);
    for (const p of patterns) for (let j = 0; j < width; j++) this.total[j]! += p.n * (p.v[j] ?? 0);
    const rng = new SeededRandom(hashKey(key, options.seed));
    this.reps = [];
    for (let b = 0; b < options.replicates; b++) {
      const s = new Array<number>(width).fill(0);
      for (const p of patterns) {
        const w = rng.poisson(p.n);
        if (w === 0) continue;
        for (let j = 0; j < width; j++) s[j]! += w * (p.v[j] ?? 0);
      }
      this.reps.push(s);
    }
  }

  /**
   * The statistic on the full data and its percentile interval over replicates. A statistic
   * that is undefined on the data (null, 0/0) has no interval; replicates where it is undefined
   * are dropped, and when more than half the tail mass is undefined the bounds are null. An
   * infinite bound (a ratio whose denominator can resample to 0) is null.
   */
  interval(stat: (sums: readonly number[]) => number | null): Estimate {
    const value = finite(stat(this.total));
    if (value === null || this.reps.length === 0) return { value, lo: null, hi: null };
    const vals: number[] = [];
    let undefinedCount = 0;
    for (const r of this.reps) {
      const x = stat(r);
      if (x === null || Number.isNaN(x)) undefinedCount++;
      else vals.push(x);
    }
    const alpha = 1 - this.options.level;
    if (undefinedCount > (alpha / 2) * this.reps.length) return { value, lo: null, hi: null };
    vals.sort((a, b) => a - b);
    return { value, lo: finite(quantile(vals, alpha / 2)), hi: finite(quantile(vals, 1 - alpha / 2)) };
  }
}

/** Type-7 quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

/** x / y, null when y is 0. */
export function ratio(x: number, y: number): number | null {
  return y === 0 ? null : x / y;
}

/** x / y − 1, null when y is 0. */
export function change(x: number, y: number): number | null {
  return y === 0 ? null : x / y - 1;
}

function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}

function hashKey(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
