/**
 * Confidence intervals in closed form: the normal quantile, Wilson's interval for a share.
 * `level` is the coverage (0.95 by default everywhere, `--ci LEVEL`).
 */
import { UserError } from '../model/errors.js';

/** An estimate with its interval; bounds are null where they cannot be computed. */
export interface Estimate {
  value: number | null;
  lo: number | null;
  hi: number | null;
}

export const DEFAULT_LEVEL = 0.95;

/** Check a `--ci` level: strictly between 0 and 1. */
export function checkLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new UserError(`invalid --ci: ${level}`, 'usage', 'a coverage between 0 and 1, e.g. 0.95 or 0.9');
  return level;
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0 || p >= 1) throw new Error(`normalQuantile: p out of (0, 1): ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** z for a two-sided interval of this coverage: 1.959964 for 0.95. */
export function zOf(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/**
 * Wilson score interval for a share x / n. Unlike the Wald interval it stays inside [0, 1] and
 * keeps its coverage for small n and shares near 0 or 1.
 *
 * @example wilson(8, 10) // { value: 0.8, lo: 0.4902, hi: 0.9433 }
 */
export function wilson(x: number, n: number, level = DEFAULT_LEVEL): Estimate {
  if (n <= 0) return { value: null, lo: null, hi: null };
  const z = zOf(level);
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, lo: Math.max(0, center - half), hi: Math.min(1, center + half) };
}
