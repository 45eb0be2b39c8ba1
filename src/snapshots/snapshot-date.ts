import { UserError } from '../model/errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A snapshot date as given (`YYYY-MM-DD`), checked; snapshots sort as text. */
export function parseSnapshotDate(date: string): string {
  const m = DATE.exec(date);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > 31) throw new UserError(`invalid snapshot date: ${date}`, 'usage', 'use YYYY-MM-DD');
  return date;
}

/** The month index (`year × 12 + month − 1`) of a `YYYY-MM-DD` date. */
export function monthOfDate(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}
