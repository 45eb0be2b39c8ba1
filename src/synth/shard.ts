/**
 * One shard of a world: people [firstPerson, firstPerson + people) simulated, counted into truth
 * and written as one PDL JSONL file (optionally gzipped), with duplicates, malformed records and
 * lag applied on the way out. A shard's output depends only on the seed, the scenario and its
 * index, so shards can run in any order on any number of workers. Memory stays flat: lines are
 * written in ~1 MB chunks with backpressure, truth is a small array of counts.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, type Gzip } from 'node:zlib';
import { newPerson } from './career.js';
import { buildUniverse } from './companies.js';
import { Market } from './market.js';
import { MALFORMED_REASONS, linkedinUrlOf, malformedLine, personId, type MalformedReason } from './noise.js';
import { pdlLine, type EmitStats } from './pdl.js';
import { Rng } from './rng.js';
import type { Scenario } from './scenario.js';
import { Simulator } from './simulate.js';
import { seriesLines, type SeriesSpec } from './snapshot-series.js';
import { TruthTable } from './truth.js';
import { FIRST_NAMES, LAST_NAMES } from './vocab.js';

export interface ShardTask {
  index: number;
  firstPerson: number;
  people: number;
  seed: number;
  scenario: Scenario;
  /** Snapshot month index and day of month. */
  snapshot: number;
  snapshotDay: number;
  file: string;
  gzip: boolean;
  /** A series of snapshots (the last is `snapshot`): one file per snapshot, `file` the last;
   *  `seriesFiles` the earlier ones, `eventsFile` the planted change events (snapshot-series.ts). */
  series?: SeriesSpec & { seriesFiles: string[]; eventsFile: string };
}

export interface ShardStats {
  /** Lines written: people, their older duplicates and the malformed lines. */
  records: number;
  people: number;
  /** Uncompressed JSONL bytes. */
  bytes: number;
  duplicates_same_id: number;
  duplicates_same_linkedin: number;
  malformed: Record<MalformedReason, number>;
  year_only_dates: number;
  year_only_profiles: number;
  missing_education: number;
  missing_linkedin_url: number;
  lagged_positions: number;
}

export interface ShardResult {
  index: number;
  stats: ShardStats;
  /** TruthTable counts. */
  truth: number[];
  /** Market slots filled per cell. */
  filled: number[];
}

export function emptyStats(): ShardStats {
  return {
    records: 0, people: 0, bytes: 0, duplicates_same_id: 0, duplicates_same_linkedin: 0,
    malformed: { invalid_json: 0, invalid_date: 0, end_before_start: 0 },
    year_only_dates: 0, year_only_profiles: 0, missing_education: 0, missing_linkedin_url: 0, lagged_positions: 0,
  };
}

/**
 * Lines go straight into ~1 MB buffers (latin1 writes: every line is ASCII, see pdl.ts), and full
 * buffers are written with backpressure: no joins, no re-encoding, little garbage.
 */
class Sink {
  private static readonly CHUNK = 1 << 20;
  private buf = Buffer.allocUnsafe(Sink.CHUNK);
  private off = 0;
  private ready: Buffer[] = [];
  private readonly file: WriteStream;
  private readonly gz: Gzip | null;
  bytes = 0;

  constructor(path: string, gzip: boolean) {
    this.file = createWriteStream(path);
    this.gz = gzip ? createGzip({ level: 1 }) : null;
    if (this.gz) this.gz.pipe(this.file);
  }

  /** True when a full buffer waits to be written. */
  get full(): boolean {
    return this.ready.length > 0;
  }

  push(line: string): void {
    const need = line.length + 1;
    if (this.off + need > this.buf.length) {
      if (this.off > 0) this.ready.push(this.buf.subarray(0, this.off));
      this.buf = Buffer.allocUnsafe(Math.max(Sink.CHUNK, need));
      this.off = 0;
    }
    this.off += this.buf.write(line, this.off, 'latin1');
    this.buf[this.off++] = 10;
  }

  async flush(): Promise<void> {
    const target = this.gz ?? this.file;
    for (const chunk of this.ready) {
      this.bytes += chunk.length;
      if (!target.write(chunk)) await once(target, 'drain');
    }
    this.ready = [];
  }

  async close(): Promise<void> {
    if (this.off > 0) this.ready.push(this.buf.subarray(0, this.off));
    this.off = 0;
    await this.flush();
    const done = once(this.file, 'close');
    (this.gz ?? this.file).end();
    await done;
  }
}

/** Generate and write one shard. */
export async function runShard(task: ShardTask, onProgress?: (people: number) => void): Promise<ShardResult> {
  const { scenario, snapshot } = task;
  const noise = scenario.noise;
  const rng = new Rng(task.seed, 1000 + task.index);
  const universe = buildUniverse(task.seed, scenario);
  const market = new Market(scenario, snapshot);
  const sim = new Simulator({ rng, scenario, universe, market, snapshot });
  const truth = new TruthTable(scenario.years.from, Math.min(scenario.years.to, Math.floor(snapshot / 12)));
  const stats = emptyStats();
  const scratch: EmitStats = { yearOnlyDates: 0, laggedPositions: 0 };
  const main: EmitStats = { yearOnlyDates: 0, laggedPositions: 0 };
  const sink = new Sink(task.file, task.gzip);
  const later: { due: number; line: string }[] = [];
  const person = newPerson();
  const series = task.series;
  const earlier = series ? series.seriesFiles.map((f) => new Sink(f, task.gzip)) : [];
  const plantedEvents = series ? new Sink(series.eventsFile, false) : null;
  const seriesSinks = plantedEvents ? [...earlier, plantedEvents] : [];
  for (let i = 0; i < task.people; i++) {
    const index = task.firstPerson + i;
    market.addPerson();
    sim.simulate(person, index);
    truth.addPerson(person, universe, snapshot);
    const id = personId(index, rng);
    const linkedinUrl = rng.chance(noise.missing_linkedin_url) ? null : linkedinUrlOf(FIRST_NAMES[person.first]!, LAST_NAMES[person.last]!, index, rng);
    const lag = rng.geometric(noise.lag_months);
    const updated = snapshot - lag;
    let lastDegree = -Infinity;
    for (const e of person.education) lastDegree = Math.max(lastDegree, e.end);
    const recent = updated - lastDegree < 96;
    const dropEducation = person.education.length > 0 && rng.chance(recent ? noise.missing_education_recent : noise.missing_education);
    const yearOnlyProfile = rng.chance(recent ? noise.year_only_profiles_recent : noise.year_only_profiles);
    const opts = { id, linkedinUrl, updated, updatedDay: lag === 0 ? task.snapshotDay : 1 + rng.int(28), dropEducation, yearOnlyProfile };
    stats.people++;
    if (!linkedinUrl) stats.missing_linkedin_url++;
    if (dropEducation) stats.missing_education++;
    if (yearOnlyProfile) stats.year_only_profiles++;
    if (series) {
      const out = seriesLines(person, universe, noise, series, task.seed, opts, main);
      out.lines.forEach((l, t) => (t < earlier.length ? earlier[t]! : sink).push(l));
      for (const e of out.events) plantedEvents!.push(e);
      stats.records++;
      for (const s of seriesSinks) if (s.full) await s.flush();
      if (sink.full) await sink.flush();
      if ((i & 4095) === 4095) onProgress?.(i + 1);
      continue;
    }
    if (rng.chance(noise.duplicates)) {
      const byLinkedin = linkedinUrl !== null && rng.chance(noise.duplicate_by_linkedin);
      const line = pdlLine(person, universe, noise, {
        ...opts, id: byLinkedin ? personId(index, rng, '_b') : id, updated: updated - 6 - rng.int(30), updatedDay: 1 + rng.int(28),
      }, rng, scratch);
      if (byLinkedin) stats.duplicates_same_linkedin++;
      else stats.duplicates_same_id++;
      if (rng.chance(0.5)) {
        sink.push(line);
        stats.records++;
      } else {
        const due = i + 1 + rng.int(500);
        let at = later.length;
        while (at > 0 && later[at - 1]!.due > due) at--;
        later.splice(at, 0, { due, line });
      }
    }
    const line = pdlLine(person, universe, noise, opts, rng, main);
    sink.push(line);
    stats.records++;
    if (rng.chance(noise.malformed)) {
      const bad = malformedLine(JSON.parse(line) as Record<string, unknown>, MALFORMED_REASONS[rng.int(3)]!, rng);
      sink.push(bad.line);
      stats.records++;
      stats.malformed[bad.reason]++;
    }
    while (later.length > 0 && later[0]!.due <= i) {
      sink.push(later.shift()!.line);
      stats.records++;
    }
    if (sink.full) await sink.flush();
    if ((i & 4095) === 4095) onProgress?.(i + 1);
  }
  for (const l of later) {
    sink.push(l.line);
    stats.records++;
  }
  await sink.close();
  for (const s of seriesSinks) await s.close();
  onProgress?.(task.people);
  stats.bytes = sink.bytes;
  stats.year_only_dates = main.yearOnlyDates;
  stats.lagged_positions = main.laggedPositions;
  return { index: task.index, stats, truth: Array.from(truth.counts), filled: Array.from(market.filled) };
}
