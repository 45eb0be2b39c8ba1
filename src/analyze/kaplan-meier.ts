/**
 * Kaplan–Meier survival with Greenwood's variance.
 *
 * Times are whole months. An event at t means the person was last there in month t − 1 of the
 * spell (R(k) = P(T > k) is "still there k months after the hire"); a censored time c means the
 * person was seen there at month c and not observed after (the profile's last update). At equal
 * times events come before censorings (a person censored at c was at risk at c).
 */
import { DEFAULT_LEVEL, wilson, zOf, type Estimate } from './intervals.js';

/** Events and censorings at one time. */
export interface SurvivalCount {
  t: number;
  events: number;
  censored: number;
}

export interface CurvePoint extends Estimate {
  t: number;
  /** People still at risk just before t (the n the estimate at t rests on). */
  at_risk: number;
  events: number;
}

/**
 * The KM curve at every event time, with pointwise Greenwood CIs on the log(−log) scale (they
 * stay inside [0, 1]). Where no event has happened yet (S = 1) the lower bound is Wilson's for
 * "no one of the n at risk left".
 */
export function kaplanMeier(counts: readonly SurvivalCount[], level = DEFAULT_LEVEL): CurvePoint[] {
  const byT = [...counts].sort((a, b) => a.t - b.t);
  let atRisk = byT.reduce((s, c) => s + c.events + c.censored, 0);
  const z = zOf(level);
  let s = 1;
  let greenwood = 0;
  const out: CurvePoint[] = [];
  for (const c of byT) {
    if (c.events > 0 && atRisk > 0) {
      s *= 1 - c.events / atRisk;
      greenwood += atRisk > c.events ? c.events / (atRisk * (atRisk - c.events)) : Infinity;
      out.push({ t: c.t, at_risk: atRisk, events: c.events, value: s, ...logLogBounds(s, greenwood, z, atRisk, level) });
    }
    atRisk -= c.events + c.censored;
  }
  return out;
}

/** S(k) read off a curve: the last point at or before k; null beyond the last observed time. */
export function survivalAt(curve: readonly CurvePoint[], counts: readonly SurvivalCount[], k: number, level = DEFAULT_LEVEL): CurvePoint | null {
  const total = counts.reduce((s, c) => s + c.events + c.censored, 0);
  const atRisk = counts.reduce((s, c) => s + (c.t >= k ? c.events + c.censored : 0), 0);
  // past the longest follow-up the curve says nothing
  const maxT = counts.reduce((m, c) => Math.max(m, c.t), -Infinity);
  let last: CurvePoint | null = null;
  for (const p of curve) if (p.t <= k) last = p;
  if (last && last.value === 0) return { ...last, t: k, at_risk: 0 };
  if (total === 0 || maxT < k) return null;
  if (!last) {
    const w = wilson(atRisk, atRisk, level);
    return { t: k, at_risk: atRisk, events: 0, value: 1, lo: w.lo, hi: 1 };
  }
  return { ...last, t: k, at_risk: atRisk };
}

function logLogBounds(s: number, greenwood: number, z: number, atRisk: number, level: number): { lo: number | null; hi: number | null } {
  if (s <= 0) return { lo: 0, hi: 0 };
  if (s >= 1) return { lo: wilson(atRisk, atRisk, level).lo, hi: 1 };
  if (!Number.isFinite(greenwood)) return { lo: 0, hi: null };
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
  return { lo: Math.pow(s, Math.exp(z * se)), hi: Math.pow(s, Math.exp(-z * se)) };
}
