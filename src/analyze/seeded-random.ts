/**
 * A seeded PRNG (sfc32 seeded through splitmix32) and the Poisson draws the bootstrap needs.
 * Bootstrap results are a pure function of the seed: the same query and `--seed` give the same
 * interval on every machine.
 */
import { Sfc32 } from '../model/sfc32.js';

export class SeededRandom extends Sfc32 {
  constructor(seed: number) {
    super(seed);
  }

  /**
   * A Poisson(lambda) draw: inversion for small lambda, Hörmann's PTRS transformed rejection
   * above 10 (exact, constant expected time at any lambda). `expNeg` = e^−λ, when the caller
   * draws many times with the same λ and has it already.
   */
  poisson(lambda: number, expNeg?: number): number {
    if (lambda <= 0) return 0;
    if (lambda < 10) {
      let k = 0;
      let p = expNeg ?? Math.exp(-lambda);
      let cdf = p;
      const u = this.next();
      while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  }
}

const LOG_FACT: number[] = [0];
for (let i = 1; i < 256; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));

/** ln(k!): a table below 256, Stirling's series above (error < 1e-12). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT[k]!;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k * k * k);
}
