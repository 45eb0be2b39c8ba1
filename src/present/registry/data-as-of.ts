/** The month the data describes: the latest profile update. A year at or after it is partial. */
import type { Store } from '../../engines/engine.js';

export interface DataAsOf {
  /** Month index of the latest profile update (year × 12 + month − 1), null for an empty database. */
  month: number | null;
  /** `YYYY-MM`, or null. */
  label: string | null;
}

export async function dataAsOf(store: Store): Promise<DataAsOf> {
  const [row] = await store.all<{ m: number | null }>('SELECT max(as_of_m) AS m FROM people');
  const m = row?.m ?? null;
  if (m === null) return { month: null, label: null };
  return { month: m, label: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}` };
}

/** The note for a result whose last year is not complete in the data, or null. */
export function partialYearNote(asOf: DataAsOf, lastYear: number | undefined): string | null {
  if (asOf.month === null || lastYear === undefined) return null;
  const year = Math.floor(asOf.month / 12);
  if (lastYear < year || asOf.month % 12 === 11) return null;
  return `${year} is partial: profiles are as of ${asOf.label}, and recent hires are under-reported until people update their profiles.`;
}
