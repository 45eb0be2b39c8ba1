/**
 * Record-level mess: PDL-style ids and LinkedIn URLs, and malformed records (truncated JSON,
 * impossible dates, an end before its start). A malformed record is an extra, broken copy of a
 * person under its own id, so it is not in truth: an ingest that quarantines exactly the malformed
 * records loses nobody.
 */
import type { Rng } from './rng.js';

export const MALFORMED_REASONS = ['invalid_json', 'invalid_date', 'end_before_start'] as const;
export type MalformedReason = (typeof MALFORMED_REASONS)[number];

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A PDL-looking id, unique per person index (the index is its tail). */
export function personId(index: number, rng: Rng, suffix = ''): string {
  let s = '';
  for (let k = 0; k < 3; k++) {
    let x = rng.u32();
    for (let i = 0; i < 5; i++, x = Math.floor(x / 62)) s += B62[x % 62];
  }
  return `${s}_${index.toString(36)}${suffix}`;
}

/** `linkedin.com/in/first-last-<unique tail>`. */
export function linkedinUrlOf(first: string, last: string, index: number, rng: Rng): string {
  let tail = '';
  for (let i = 0; i < 4; i++) tail += B62[10 + rng.int(26)]!.toLowerCase();
  return `linkedin.com/in/${first}-${last}-${index.toString(36)}${tail}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Break `record` (mutated; its valid line is already written) into one malformed line of the
 * wanted kind, falling back to truncated JSON when the record has no position to break.
 */
export function malformedLine(record: Record<string, unknown>, want: MalformedReason, rng: Rng): { line: string; reason: MalformedReason } {
  record.id = `${String(record.id)}_q`;
  record.linkedin_url = null;
  record.linkedin_username = null;
  const exps = (record.experience as Record<string, unknown>[] | undefined) ?? [];
  if (want === 'invalid_date' && exps.length > 0) {
    const e = rng.pick(exps);
    const y = 1995 + rng.int(30);
    e.start_date = `${y}-${13 + rng.int(7)}-${32 + rng.int(18)}`;
    return { line: JSON.stringify(record), reason: want };
  }
  if (want === 'end_before_start') {
    const e = exps.find((x) => typeof x.start_date === 'string' && typeof x.end_date === 'string');
    if (e) {
      const start = e.start_date as string;
      const y = Number(start.slice(0, 4));
      if (start.length === 4) e.end_date = String(y - 1 - rng.int(3));
      else {
        const m = y * 12 + Number(start.slice(5, 7)) - 1 - (1 + rng.int(24));
        e.end_date = `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}`;
      }
      return { line: JSON.stringify(record), reason: want };
    }
  }
  const s = JSON.stringify(record);
  const cut = Math.floor(s.length / 4) + rng.int(Math.floor(s.length / 2));
  return { line: s.slice(0, cut), reason: 'invalid_json' };
}
