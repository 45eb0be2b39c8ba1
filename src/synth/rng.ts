/**
 * A small, fast, seeded PRNG (sfc32 seeded through splitmix32). Every random choice in a world
 * comes from one of these, never from `Math.random`, so a world is a pure function of its seed.
 * Independent streams (one per shard, one for the company universe) come from the same seed and a
 * stream number, so a shard's output does not depend on how many workers run.
 */
import { Sfc32 } from '../model/sfc32.js';

export class Rng extends Sfc32 {
  constructor(seed: number, stream = 0) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    super((lo ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] (both included). */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[this.int(items.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** Failures before the first success, with the given mean (0 for mean ≤ 0). */
  geometric(mean: number): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }
}

/** Draws an index in proportion to fixed weights (binary search over cumulative sums). */
export class WeightedTable {
  private readonly cum: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => {
      s += Math.max(0, w);
      this.cum[i] = s;
    });
    this.total = s;
  }

  get size(): number {
    return this.cum.length;
  }

  /** An index, or -1 when every weight is zero. */
  sample(rng: Rng): number {
    if (this.total <= 0) return -1;
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cum[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
