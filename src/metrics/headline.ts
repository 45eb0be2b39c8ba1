/**
 * The headline (SignalFire's *State of Talent* table): new-grad hires and 2–5-year hires by
 * cohort and year, each with its count, its change vs the year before and, when a base year is
 * asked, vs the base year. Small cells are hidden here, by the one rule
 * (src/analyze/suppress-cells.ts), so `talentflow demo` and the report print the same figures:
 * a cell resting on 0 < people < k is null, and so is every change computed from it; zero is
 * shown. The two groups overlap no total that is printed beside them (cohorts overlap), so no
 * complementary cell is hidden.
 */
import type { Store } from '../engines/engine.js';
import { DEFAULT_MIN_CELL, planSuppression, primaryOnly, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import { cohortNamesWithOther, type Cohort } from '../resolve/index.js';
import { hiresWithPeople } from './hire-people.js';
import type { HireDim } from './hires.js';

export const HEADLINE_GROUPS = ['new grad', '2-5 years'] as const;
export type HeadlineGroup = (typeof HEADLINE_GROUPS)[number];

export interface HeadlineCell {
  cohort: string;
  group: HeadlineGroup;
  year: number;
  /** Hires; null when hidden (fewer than `minCell` people hired, zero excepted). */
  hires: number | null;
  /** Change vs the previous year; null without one, or when either count is hidden or zero before. */
  yoy: number | null;
  /** Change vs the base year, when one was asked; null likewise. */
  vs_base?: number | null;
}

export interface HeadlineOptions {
  /** Years reported (inclusive). */
  from: number;
  to: number;
  /** Base year of `vs_base`; its cells are reported too. */
  base?: number;
  /** Small-cell threshold k (default 10). */
  minCell?: number;
}

export interface HeadlineResult {
  /** Per cohort (each asked, then `other`), group and year: years `from`…`to`, and the base year. */
  cells: HeadlineCell[];
  minCell: number;
  /** How many of the cells were hidden; empty when none. */
  notes: string[];
}

/**
 * The group a hire count belongs to. A new-grad hire has under 12 months of experience, so its
 * band is `<1`: the groups are disjoint sets of (band, new_grad) cells, and the people of a
 * group are the sum of its cells' people (no one is counted twice).
 */
const groupOf = (r: { band?: string; new_grad?: boolean }): HeadlineGroup | null => (r.new_grad ? 'new grad' : r.band === '2-5' ? '2-5 years' : null);

export async function headline(store: Store, cohorts: readonly Cohort[], o: HeadlineOptions): Promise<HeadlineResult> {
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const first = Math.min(o.from, o.base ?? o.from) - 1;
  const last = Math.max(o.to, o.base ?? o.to);
  const q = { by: ['cohort', 'year', 'band', 'new_grad'] as HireDim[], from: first, to: last };
  const { rows: counted } = await hiresWithPeople(store, q, cohorts);
  const key = (c: unknown, g: string, y: unknown) => JSON.stringify([c, g, y]);
  const n = new Map<string, number>();
  const p = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, x: number) => m.set(k, (m.get(k) ?? 0) + x);
  for (const r of counted) {
    const g = groupOf(r as { band?: string; new_grad?: boolean });
    if (!g) continue;
    add(n, key(r.cohort, g, r.year), r.hires);
    add(p, key(r.cohort, g, r.year), r.people);
  }
  const years = [...new Set([...(o.base !== undefined && (o.base < o.from || o.base > o.to) ? [o.base] : []), ...range(o.from, o.to)])].sort((a, b) => a - b);
  const names = cohortNamesWithOther(cohorts);
  // every year a figure rests on: the years reported, the year before each and the base year
  const sizes: CellSize[] = [];
  for (const cohort of names) for (const g of HEADLINE_GROUPS) for (let y = first; y <= last; y++) sizes.push({ key: key(cohort, g, y), margin: null, people: p.get(key(cohort, g, y)) ?? 0 });
  const plan = planSuppression(sizes, minCell);
  const shown = (c: string, g: string, y: number) => (plan.hidden.has(key(c, g, y)) ? null : (n.get(key(c, g, y)) ?? 0));
  const change = (x: number | null, ref: number | null) => (x === null || !ref ? null : x / ref - 1);
  const cells: HeadlineCell[] = [];
  let hidden = 0;
  for (const cohort of names) {
    for (const group of HEADLINE_GROUPS) {
      for (const year of years) {
        const x = shown(cohort, group, year);
        const prev = shown(cohort, group, year - 1);
        const cell: HeadlineCell = { cohort, group, year, hires: x, yoy: change(x, prev) };
        if (x === null) hidden++;
        if (o.base !== undefined) cell.vs_base = year === o.base ? null : change(x, shown(cohort, group, o.base));
        cells.push(cell);
      }
    }
  }
  // a change against a hidden count is hidden with it (the counts beside it say why)
  const note = suppressionNote(primaryOnly(hidden, minCell));
  return { cells, minCell, notes: note ? [note] : [] };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
