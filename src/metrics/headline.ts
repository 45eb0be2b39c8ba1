/**
 * The headline (SignalFire's *State of Talent* table): new-grad hires and 2–5-year hires by cohort
 * and year, each with its count and year-over-year change.
 */
import type { Store } from '../engines/engine.js';
import type { Cohort } from '../resolve/index.js';
import { hires } from './hires.js';

export const HEADLINE_GROUPS = ['new grad', '2-5 years'] as const;
export type HeadlineGroup = (typeof HEADLINE_GROUPS)[number];

export interface HeadlineCell {
  cohort: string;
  group: HeadlineGroup;
  year: number;
  hires: number;
  /** Change vs the previous year; null without one. */
  yoy: number | null;
}

export async function headline(store: Store, cohorts: readonly Cohort[], years: { from: number; to: number }): Promise<HeadlineCell[]> {
  const { rows } = await hires(store, { by: ['cohort', 'year', 'band', 'new_grad'], from: years.from - 1, to: years.to }, cohorts);
  const counts = new Map<string, number>();
  const key = (c: string, g: string, y: number) => `${c}\u0000${g}\u0000${y}`;
  const names = new Set<string>();
  for (const r of rows) {
    const group: HeadlineGroup | null = r.new_grad ? 'new grad' : r.band === '2-5' ? '2-5 years' : null;
    names.add(r.cohort as string);
    if (!group) continue;
    const k = key(r.cohort as string, group, r.year as number);
    counts.set(k, (counts.get(k) ?? 0) + r.hires);
  }
  const order = [...cohorts.map((c) => c.name).filter((n) => names.has(n)), ...(names.has('other') ? ['other'] : [])];
  const cells: HeadlineCell[] = [];
  for (const cohort of order) {
    for (const group of HEADLINE_GROUPS) {
      for (let year = years.from; year <= years.to; year++) {
        const n = counts.get(key(cohort, group, year)) ?? 0;
        const prev = counts.get(key(cohort, group, year - 1));
        cells.push({ cohort, group, year, hires: n, yoy: prev ? n / prev - 1 : null });
      }
    }
  }
  return cells;
}
