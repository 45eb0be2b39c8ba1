/**
 * A series of snapshots of one world: each person's career (simulated once, up to the last
 * snapshot) written as of every snapshot date, with the reporting lag and profile edits of that
 * date. A profile's last update never goes back (u_t = max(u_{t−1}, S_t − lag_t)); a position
 * shows once it started on or before the update; a long career's internships are pruned once
 * the profile is old enough (an edit: they disappear from later snapshots). Every entry's own
 * draws (name variant, date precision) come from its own stream, so it reads the same in every
 * snapshot. A profile a later snapshot does not fetch again (`noise.recrawl` < 1) repeats its
 * previous line byte for byte. No duplicates or malformed lines in a series: each snapshot is a clean release.
 *
 * The planted change events (what the change feed must find, once each) are written beside the
 * snapshots as JSON lines: `{"id","kind","snapshot","start_m"}` with kind `started`, `left` or
 * `education_added`, `start_m` the true start month of the position or degree.
 */
import { INTERNSHIP, type Person } from './career.js';
import type { CompanyUniverse } from './companies.js';
import { pdlLine, type EmitOptions, type EmitStats } from './pdl.js';
import { Rng } from './rng.js';
import type { Noise } from './scenario.js';

export interface SeriesSpec {
  /** Snapshot month indices, ascending, and their dates (YYYY-MM-DD). */
  months: number[];
  dates: string[];
  days: number[];
}

/** A stream number per (person, entry): 20 bits of entry, the rest person. */
const stream = (person: number, item: number) => (person * 2048 + item + 0x40000000) >>> 0;

export interface SeriesLines {
  /** One PDL line per snapshot, in snapshot order. */
  lines: string[];
  /** Planted events, as JSON lines. */
  events: string[];
}

export function seriesLines(
  person: Person, universe: CompanyUniverse, noise: Noise, spec: SeriesSpec, seed: number,
  base: Pick<EmitOptions, 'id' | 'linkedinUrl' | 'dropEducation' | 'yearOnlyProfile'>, stats: EmitStats,
): SeriesLines {
  const lagRng = new Rng(seed, stream(person.index, 2047));
  const crawlRng = new Rng(seed, stream(person.index, 2045));
  const updates: number[] = [];
  const fetched: boolean[] = [];
  let u = -Infinity;
  for (const [t, s] of spec.months.entries()) {
    const lagged = Math.max(u, s - lagRng.geometric(noise.lag_months));
    fetched.push(t === 0 || noise.recrawl >= 1 || crawlRng.chance(noise.recrawl));
    updates.push((u = fetched[t] ? lagged : u));
  }
  const rngFor = (item: number) => new Rng(seed, stream(person.index, item));
  const lines: string[] = [];
  for (const [t, updated] of updates.entries()) {
    lines.push(fetched[t]
      ? pdlLine(person, universe, noise, { ...base, updated, updatedDay: updated === spec.months[t] ? spec.days[t]! : 1 + lagRng.int(28), rngFor }, rngFor(2046), stats)
      : lines[t - 1]!);
  }
  // pdl.ts prunes internships when the update is 8+ years after the first degree, on the first
  // draw of the profile's stream: the same decision in every snapshot
  const firstGrad = person.education[0]?.end;
  const prunes = rngFor(2046).chance(0.7);
  const pruned = (t: number) => firstGrad !== undefined && updates[t]! - firstGrad > 96 && prunes;
  const events: string[] = [];
  const event = (t: number, kind: string, start: number) =>
    events.push(`{"id":"${base.id}","kind":"${kind}","snapshot":"${spec.dates[t]}","start_m":${start}}`);
  for (let t = 1; t < updates.length; t++) {
    const [u0, u1] = [updates[t - 1]!, updates[t]!];
    for (const p of person.positions) {
      const seen0 = p.start <= u0 && !(p.kind === INTERNSHIP && pruned(t - 1));
      const seen1 = p.start <= u1 && !(p.kind === INTERNSHIP && pruned(t));
      if (seen1 && !seen0) event(t, 'started', p.start);
      else if (seen0 && seen1 && p.end !== null && p.end > u0 && p.end <= u1) event(t, 'left', p.start);
    }
    if (!base.dropEducation) for (const e of person.education) if (e.start > u0 && e.start <= u1) event(t, 'education_added', e.start);
  }
  return { lines, events };
}
