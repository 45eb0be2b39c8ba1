/**
 * A seeded PRNG (sfc32 seeded through splitmix32) and the Poisson draws the bootstrap needs.
 * Bootstrap results are a pure function of the seed: the same query and `--seed` give the same
 * interval on every machine.
 */
import { Sfc32 } from '../model/sfc32.js';

export class SeededRandom extends Sfc32 {
  /**
   * A Poisson(lambda) draw: inversion for small lambda, Hörmann's PTRS transformed rejection
   * above 10 (exact, constant expected time at any lambda).
   */
  poisson(lambda: number): number {
    const t = new Float64Array(POISSON_STRIDE);
    preparePoisson(t, 0, lambda);
    return this.poissonAt(t, 0);
  }

  /**
   * A Poisson draw with the constants `preparePoisson` wrote at `t[at …]`: the same draw as
   * `poisson(λ)`, for callers drawing many times from a few λ (the bootstrap: B per pattern).
   */
  poissonAt(t: Float64Array, at: number): number {
    const lambda = t[at]!;
    if (lambda <= 0) return 0;
    if (lambda < 10) {
      // inversion: the smallest k whose cdf reaches u, first from the cdf table, then on
      const u = this.next();
      for (let k = 0; k < CDF_TABLE; k++) if (!(u > t[at + 2 + k]!)) return k;
      let k = CDF_TABLE - 1;
      let p = t[at + 2 + CDF_TABLE]!;
      let cdf = t[at + 1 + CDF_TABLE]!;
      while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      return k;
    }
    const twoA = t[at + 1]!;
    const loglam = t[at + 2]!;
    const b = t[at + 3]!;
    const a = t[at + 4]!;
    const logInvalpha = t[at + 5]!;
    const vr = t[at + 6]!;
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor((twoA / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInvalpha - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  }
}

/** Cumulative probabilities `preparePoisson` tables for λ < 10 (a draw of 24 or more is rare there). */
const CDF_TABLE = 24;

/** Numbers `preparePoisson` writes per λ. */
export const POISSON_STRIDE = CDF_TABLE + 3;

/**
 * Write at `t[at …]` what a Poisson(λ) draw needs that depends on λ alone: for λ < 10 the cdf at
 * 0 … CDF_TABLE − 1 and the last term (summed as inversion sums them: the same numbers), above
 * PTRS's constants.
 */
export function preparePoisson(t: Float64Array, at: number, lambda: number): void {
  t[at] = lambda;
  if (lambda < 10) {
    let p = Math.exp(-lambda);
    let cdf = p;
    t[at + 2] = cdf;
    for (let k = 1; k < CDF_TABLE; k++) {
      p *= lambda / k;
      cdf += p;
      t[at + 2 + k] = cdf;
    }
    t[at + 2 + CDF_TABLE] = p;
    return;
  }
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  t[at + 1] = 2 * a;
  t[at + 2] = Math.log(lambda);
  t[at + 3] = b;
  t[at + 4] = a;
  t[at + 5] = Math.log(invalpha);
  t[at + 6] = 0.9277 - 3.6224 / (b - 2);
}

const LOG_FACT: number[] = [0];
for (let i = 1; i < 256; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));

/** ln(k!): a table below 256, Stirling's series above (error < 1e-12). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT[k]!;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k * k * k);
}
