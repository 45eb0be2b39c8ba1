/**
 * Employment-weighted exposure quintiles: occupations sorted by score, cut where cumulative US
 * employment (BLS OEWS national, detailed occupations) passes 20/40/60/80%. Quintile 5 holds the
 * most exposed fifth of workers, not of occupations — so a quintile compares like-sized groups.
 */
import { readCsv, pick } from './read-table.js';
import { broadOf } from './exposure-scores.js';

export type Quintile = 1 | 2 | 3 | 4 | 5;

/** Employment per OEWS detailed code (`15-1252` → 1,656,880), from an OEWS national file. */
export function importEmployment(oewsFile: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of readCsv(oewsFile)) {
    if ((row['O_GROUP'] ?? row['OCC_GROUP']) !== 'detailed') continue;
    const n = Number(pick(row, 'TOT_EMP'));
    if (Number.isFinite(n)) out.set(pick(row, 'OCC_CODE'), n);
  }
  return out;
}

/**
 * Four cut points splitting employment into fifths. Each OEWS code takes the mean score of the
 * O*NET occupations under it (its SOC code, or its broad group for aggregate codes); codes with
 * no score are left out (`coverage` says what share of employment was scored).
 */
export function quintileCuts(scores: Map<string, number>, employment: Map<string, number>): { cuts: number[]; coverage: number } {
  const perSoc = new Map<string, [number, number]>();
  for (const [code, v] of scores) {
    for (const key of [code.slice(0, 7), broadOf(code)]) {
      if (!employment.has(key)) continue;
      const s = perSoc.get(key) ?? [0, 0];
      s[0] += v;
      s[1] += 1;
      perSoc.set(key, s);
      break;
    }
  }
  const items = [...perSoc].map(([soc, [s, n]]) => ({ score: s / n, emp: employment.get(soc) ?? 0 })).sort((a, b) => a.score - b.score);
  const total = items.reduce((t, x) => t + x.emp, 0);
  let all = 0;
  for (const n of employment.values()) all += n;
  const cuts: number[] = [];
  let cum = 0;
  for (const x of items) {
    cum += x.emp;
    while (cuts.length < 4 && cum >= (total * (cuts.length + 1)) / 5) cuts.push(x.score);
  }
  return { cuts, coverage: all > 0 ? total / all : 0 };
}

/** Quintile of a score given the cut points (a score equal to a cut falls in the lower fifth). */
export function quintileOf(score: number, cuts: readonly number[]): Quintile {
  let q = 1;
  for (const c of cuts) if (score > c) q++;
  return q as Quintile;
}
