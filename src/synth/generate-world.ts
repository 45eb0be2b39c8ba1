/**
 * `generateWorld`: a synthetic labour market written to a directory — PDL v5 JSONL shards,
 * `truth.json`, the world's `cohorts.yaml` and `summary.json` — deterministic per seed whatever the
 * number of workers.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../model/errors.js';
import { buildUniverse, cohortsYaml } from './companies.js';
import { Market } from './market.js';
import { GROUPS, PLANTED_COHORTS, loadScenario, type Scenario } from './scenario.js';
import { emptyStats, runShard, type ShardResult, type ShardStats, type ShardTask } from './shard.js';
import { DEFINITION_VERSION, TruthTable, type Truth } from './truth.js';

export interface GenerateOptions {
  /** Number of distinct people (records written are more: duplicates and malformed lines). */
  people: number;
  seed: number;
  /** A parsed scenario, a scenario YAML path, or a shipped scenario's name; default `default`. */
  scenario?: Scenario | string;
  out: string;
  gzip?: boolean;
  /** People per JSONL file; default 100,000. */
  shardSize?: number;
  /** `YYYY-MM-DD`, default `2025-06-30`: careers end here, open end dates are "as of" a date before it. */
  snapshotDate?: string;
  /** A series of snapshot dates (ascending; the last replaces `snapshotDate`): the world is written
   *  as of each, into `snapshot-<date>/` folders, with the planted change events in
   *  `snapshot-events-*.jsonl` (docs/snapshots.md). */
  snapshots?: string[];
  /** Worker threads; default 0 (in-process) below 100k people, else up to 2. Output is the same. */
  workers?: number;
  onProgress?: (people: number, total: number) => void;
}

/** One planted cell of the market: slots opened and filled (a shortfall means too few seekers). */
export interface MarketCell {
  cohort: string;
  year: number;
  group: string;
  planted: number;
  filled: number;
}

export interface WorldSummary extends Omit<ShardStats, 'malformed'> {
  scenario: string;
  seed: number;
  snapshot_date: string;
  out: string;
  files: string[];
  truth_file: string;
  cohorts_file: string;
  /** Malformed lines by quarantine reason, and their total: exactly what ingest should quarantine. */
  malformed: ShardStats['malformed'] & { total: number };
  market: MarketCell[];
}

/** Where the shipped scenarios are, from src/synth or dist/src/synth. */
export function scenariosDir(): string {
  for (const up of ['../../scenarios', '../../../scenarios']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, 'default.yaml'))) return dir;
  }
  throw new Error('scenarios/ not found next to the package');
}

/** A scenario path, or the name of a shipped scenario (`default`, `ai-squeeze`, `rebound`). */
function scenarioFile(spec: string): string {
  if (existsSync(spec) || /[/\\]|\.ya?ml$/i.test(spec)) return spec;
  const shipped = join(scenariosDir(), `${spec}.yaml`);
  return existsSync(shipped) ? shipped : spec;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function snapshotOf(date: string): { month: number; day: number } {
  const m = DATE.exec(date);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > 31) throw new UserError(`invalid snapshot date: ${date}`, 'usage', 'use YYYY-MM-DD');
  return { month: y * 12 + mo - 1, day: d };
}

/** A shard worker; from TypeScript sources (tests, tsx) it registers tsx in the worker first. */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./shard-worker.js', import.meta.url));
  const entry = new URL('./shard-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

async function runOnWorkers(tasks: ShardTask[], workers: number, progress: (index: number, people: number) => void): Promise<ShardResult[]> {
  const results: ShardResult[] = [];
  let next = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const w = newWorker();
      const feed = (): void => {
        const t = tasks[next++];
        w.postMessage(t ?? null);
        if (!t) resolve();
      };
      w.on('message', (m: { kind: string; index: number; people: number; result: ShardResult; message: string }) => {
        if (m.kind === 'progress') progress(m.index, m.people);
        else if (m.kind === 'result') {
          results.push(m.result);
          feed();
        } else {
          void w.terminate();
          reject(new Error(m.message));
        }
      });
      w.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: workers }, one));
  return results.sort((a, b) => a.index - b.index);
}

/** Generate a world into `opts.out` and say what is in it. */
export async function generateWorld(opts: GenerateOptions): Promise<WorldSummary> {
  if (!Number.isInteger(opts.people) || opts.people < 1) throw new UserError(`invalid --people: ${opts.people}`, 'usage', 'a whole number ≥ 1');
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new UserError(`invalid --seed: ${opts.seed}`, 'usage', 'a whole number ≥ 0');
  const shardSize = opts.shardSize ?? 100_000;
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new UserError(`invalid --shard-size: ${shardSize}`, 'usage', 'a whole number ≥ 1');
  const scenario = typeof opts.scenario === 'object' ? opts.scenario : loadScenario(scenarioFile(opts.scenario ?? 'default'));
  const series = opts.snapshots?.length ? [...opts.snapshots] : null;
  if (series && series.some((d, i) => i > 0 && d <= series[i - 1]!)) throw new UserError(`invalid --snapshots: ${series.join(',')}`, 'usage', 'dates ascending, YYYY-MM-DD');
  const snapshotDate = series ? series[series.length - 1]! : (opts.snapshotDate ?? '2025-06-30');
  const snap = snapshotOf(snapshotDate);
  mkdirSync(opts.out, { recursive: true });
  for (const d of series ?? []) mkdirSync(join(opts.out, `snapshot-${d}`), { recursive: true });
  const gzip = opts.gzip ?? false;
  const seriesDates = series?.map(snapshotOf);
  const tasks: ShardTask[] = [];
  for (let first = 0, i = 0; first < opts.people; first += shardSize, i++) {
    const name = `people-${String(i).padStart(4, '0')}.jsonl${gzip ? '.gz' : ''}`;
    const task: ShardTask = {
      index: i, firstPerson: first, people: Math.min(shardSize, opts.people - first), seed: opts.seed, scenario,
      snapshot: snap.month, snapshotDay: snap.day, file: join(opts.out, series ? `snapshot-${snapshotDate}` : '', name), gzip,
    };
    if (series && seriesDates) {
      task.series = {
        months: seriesDates.map((s) => s.month), days: seriesDates.map((s) => s.day), dates: series,
        seriesFiles: series.slice(0, -1).map((d) => join(opts.out, `snapshot-${d}`, name)),
        eventsFile: join(opts.out, `snapshot-events-${String(i).padStart(4, '0')}.jsonl`),
      };
    }
    tasks.push(task);
  }
  const done = new Map<number, number>();
  const progress = (index: number, people: number): void => {
    done.set(index, people);
    let sum = 0;
    for (const v of done.values()) sum += v;
    opts.onProgress?.(sum, opts.people);
  };
  const workers = Math.min(tasks.length, opts.workers ?? (opts.people >= 100_000 ? Math.min(2, availableParallelism()) : 0));
  const results = workers > 0
    ? await runOnWorkers(tasks, workers, progress)
    : await tasks.reduce<Promise<ShardResult[]>>(async (acc, t) => [...(await acc), await runShard(t, (n) => progress(t.index, n))], Promise.resolve([]));

  const truthTable = new TruthTable(scenario.years.from, Math.min(scenario.years.to, Math.floor(snap.month / 12)));
  const market = new Market(scenario, snap.month);
  const filled = new Array<number>(market.filled.length).fill(0);
  const stats = emptyStats();
  for (const r of results) {
    truthTable.merge(r.truth);
    r.filled.forEach((n, i) => (filled[i] = (filled[i] ?? 0) + n));
    for (const [k, v] of Object.entries(r.stats) as [keyof ShardStats, ShardStats[keyof ShardStats]][]) {
      if (typeof v === 'number') (stats[k] as number) += v;
    }
    for (const k of Object.keys(stats.malformed) as (keyof ShardStats['malformed'])[]) stats.malformed[k] += r.stats.malformed[k];
  }
  const truth: Truth = {
    definition_version: DEFINITION_VERSION, scenario: scenario.name, seed: opts.seed, people: opts.people,
    snapshot_date: snapshotDate, years: { from: truthTable.from, to: truthTable.to }, hires: truthTable.rows(),
  };
  const planted = market.planted(opts.people);
  const cells: MarketCell[] = [];
  PLANTED_COHORTS.forEach((cohort, c) => {
    for (let y = truthTable.from; y <= truthTable.to; y++) {
      GROUPS.forEach((group, g) => {
        const i = market.cell(c, y, g);
        cells.push({ cohort, year: y, group, planted: Math.round((planted[i] ?? 0) * 10) / 10, filled: filled[i] ?? 0 });
      });
    }
  });
  const truthFile = join(opts.out, 'truth.json');
  const cohortsFile = join(opts.out, 'cohorts.yaml');
  writeFileSync(truthFile, JSON.stringify(truth, null, 1) + '\n');
  writeFileSync(cohortsFile, cohortsYaml(buildUniverse(opts.seed, scenario)));
  const summary: WorldSummary = {
    scenario: scenario.name, seed: opts.seed, snapshot_date: snapshotDate, out: opts.out, files: tasks.map((t) => t.file),
    truth_file: truthFile, cohorts_file: cohortsFile, ...stats,
    malformed: { ...stats.malformed, total: stats.malformed.invalid_json + stats.malformed.invalid_date + stats.malformed.end_before_start },
    market: cells,
  };
  // The file names its neighbours relatively, so two copies of a world are byte-identical.
  const relative = { ...summary, out: '.', files: summary.files.map((f) => basename(f)), truth_file: 'truth.json', cohorts_file: 'cohorts.yaml' };
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify(relative, null, 1) + '\n');
  return summary;
}
