/**
 * Time grains. A period is an integer index: the year, or year × 4 + quarter − 1, or the month
 * index. A stock (headcount) is read at the period's last month; a flow (hires, departures)
 * counts the months inside it.
 */
import { UserError } from '../model/errors.js';

export const GRAINS = ['year', 'quarter', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** Months in one period of the grain. */
export function monthsPer(grain: Grain): number {
  switch (grain) {
    case 'year':
      return 12;
    case 'quarter':
      return 3;
    case 'month':
      return 1;
  }
}

/** Periods in one year. */
export function periodsPerYear(grain: Grain): number {
  return 12 / monthsPer(grain);
}

export function parseGrain(value: string | undefined): Grain {
  const g = (value ?? 'year') as Grain;
  if (!GRAINS.includes(g)) throw new UserError(`invalid --grain: ${value}`, 'usage', `grains: ${GRAINS.join(', ')}`);
  return g;
}

/** First and last period of the years [from, to]. */
export function periodsOfYears(from: number, to: number, grain: Grain): [number, number] {
  const k = periodsPerYear(grain);
  return [from * k, to * k + k - 1];
}

/** `2024`, `2024-Q2`, `2024-05`. */
export function periodLabel(p: number, grain: Grain): string {
  switch (grain) {
    case 'year':
      return String(p);
    case 'quarter':
      return `${Math.floor(p / 4)}-Q${(p % 4) + 1}`;
    case 'month':
      return `${Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}`;
  }
}

/** The base period matching p in the base year (same quarter or month of that year). */
export function basePeriod(p: number, base: number, grain: Grain): number {
  const k = periodsPerYear(grain);
  return base * k + (p % k);
}
