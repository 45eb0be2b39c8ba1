/**
 * Month arithmetic on a month index `m = year * 12 + (month - 1)`.
 * Definitions (DESIGN.md v1): the months between two dates are end − start in whole months,
 * days ignored, so 2021-01 → 2021-06 is 5 months.
 */
export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function yearOf(m: MonthIndex): number {
  return Math.floor(m / 12);
}

export function monthOf(m: MonthIndex): number {
  return (m % 12) + 1;
}

/** `2021-03` for a month index. */
export function formatMonth(m: MonthIndex): string {
  return `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
}
