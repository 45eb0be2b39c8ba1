/**
 * The metric suite's figures (issue 5): each metric's time on one ingested world, wall and CPU
 * (`process.cpuUsage()` counts the engine's threads too: they run in this process), with the
 * load average beside it — the machine may be shared, and CPU time is the steadier figure.
 * Targets: each metric over 2M profiles ≤ 3 s on 2 cores; bootstrap with B = 200 ≤ 10 s.
 *
 *   node dist/bench/metrics-bench.js [--db FILE] [--cohorts SPEC] [--only KEYS] [--people N] [--out DIR] [--threads 2]
 *
 * `--only KEY,KEY` times only those metrics (figures then go to metrics-partial.json).
 * With `--db`, the database is used as it is (after `npm run bench`, `bench/out/bench.duckdb`
 * holds the core bench's world, and this is what `npm run bench` runs next); without it a world
 * of N people is generated (or reused) under DIR and ingested. The cohorts are `--cohorts`, else
 * bigtech15 and, for a generated world, the world's own cohorts file. Figures go to
 * bench/results/metrics.json. Benchmarks are not tests and assert nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { flows, geography, ingestFiles, openDatabase, retention, selectCohorts, tenure, trend, type Store } from '../src/api.js';
import { ensurePlaceMap, ensureSpells } from '../src/metrics/spells.js';
import { hiresWithStats } from '../src/metrics/hires-stats.js';
import { generateWorld } from '../src/synth/index.js';
import { benchOptions, savedWorld, worldDir } from './bench-world.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, cohorts: { type: 'string' }, only: { type: 'string' }, ...benchOptions('300000') } });
const threads = Number(values.threads);
const log = (s: string) => process.stderr.write(s + '\n');

interface Timing {
  wall_seconds: number;
  cpu_seconds: number;
  load_1m: number;
  rows: number;
}

async function timed(name: string, f: () => Promise<{ rows: unknown[] } | void>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const c = process.cpuUsage(c0);
  const t: Timing = { wall_seconds: round((performance.now() - t0) / 1000), cpu_seconds: round((c.user + c.system) / 1e6), load_1m: round(loadavg()[0]!), rows: r ? r.rows.length : 0 };
  log(`${name.padEnd(44)} wall ${t.wall_seconds.toFixed(2)} s  cpu ${t.cpu_seconds.toFixed(2)} s  load ${t.load_1m.toFixed(1)}  rows ${t.rows}`);
  return t;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function openWorld(): Promise<{ store: Store; people: number | null; cohortsFile: string | null }> {
  if (values.db) return { store: await openDatabase(resolve(values.db), { threads, memoryLimit: values['memory-limit'] }), people: null, cohortsFile: null };
  const people = Number(values.people);
  const out = resolve(values.out!);
  const dir = worldDir(out, people, values.seed);
  let world = savedWorld(dir);
  if (!world) {
    mkdirSync(out, { recursive: true });
    world = await generateWorld({ people, seed: Number(values.seed), out: dir, shardSize: 250_000 });
  }
  const dbFile = join(out, `metrics-${people}.duckdb`);
  rmSync(dbFile, { force: true });
  rmSync(dbFile + '.wal', { force: true });
  const store = await openDatabase(dbFile, { threads, memoryLimit: values['memory-limit'] });
  await timed('ingest (incl. derive of spells and places)', async () => {
    await ingestFiles(store, world.files, { format: 'pdl', cohortFiles: [world.cohorts_file], now: world.snapshot_date });
  });
  return { store, people, cohortsFile: world.cohorts_file };
}

const { store, people, cohortsFile } = await openWorld();
const cohortSpec = values.cohorts ?? (cohortsFile ? `bigtech15,${cohortsFile}` : 'bigtech15');
const cohorts = selectCohorts(cohortSpec);
const [count] = await store.all<{ n: number }>('SELECT count(*) AS n FROM people');
const results: Record<string, unknown> = {
  people: count?.n ?? people,
  threads,
  node: process.version,
  date: new Date().toISOString(),
  cohorts: cohorts.map((c) => c.name),
  targets: { metric_seconds_at_2m_profiles: 3, bootstrap_b200_seconds: 10 },
};
const m: Record<string, Timing> = {};
// a database derived before spells moved into derive builds them here (once)
m.spells_if_missing = await timed('spells and places (only if derive did not)', async () => {
  await ensureSpells(store);
  await ensurePlaceMap(store);
});
await trend(store, { bootstrap: { replicates: 0 } }, cohorts); // warm the buffer cache once
const B = { replicates: 200 };
const B0 = { replicates: 0 };
// each metric twice: without intervals (target 3 s) and with B = 200 bootstrap replicates (target 10 s)
const departures = ['departures', 'departures_yoy', 'attrition_rate'] as const;
const runs: [string, string, (b: typeof B) => Promise<{ rows: unknown[] }>][] = [
  ['headcount', 'headcount', (b) => trend(store, { bootstrap: b }, cohorts)],
  ['headcount_by_cohort_base', 'headcount --by cohort --base 2019', (b) => trend(store, { by: ['cohort'], base: 2019, bootstrap: b }, cohorts)],
  ['headcount_by_seniority', 'headcount --by seniority', (b) => trend(store, { by: ['seniority'], bootstrap: b }, cohorts)],
  ['departures_company_quarter', 'departures --by company --grain quarter', (b) => trend(store, { by: ['company'], grain: 'quarter', bootstrap: b, figures: [...departures] }, cohorts)],
  ['trend_company_quarter_all_figures', 'trend --by company --grain quarter, all figures', (b) => trend(store, { by: ['company'], grain: 'quarter', bootstrap: b }, cohorts)],
  ['flows_top20', 'flows --top 20', (b) => flows(store, { top: 20, bootstrap: b }, cohorts)],
  ['flows_matrix_cohort', 'flows --matrix --level cohort', (b) => flows(store, { top: 0, level: 'cohort', bootstrap: b }, cohorts)],
  ['geography_metro', 'geography', (b) => geography(store, { bootstrap: b }, cohorts)],
  ['hires_stats_cohort_year', 'hires --by cohort,year --ci 0.95', (b) => hiresWithStats(store, { by: ['cohort', 'year'] }, cohorts, { bootstrap: b })],
  ['hires_stats_company_year', 'hires --by company,year --ci 0.95', (b) => hiresWithStats(store, { by: ['company', 'year'] }, cohorts, { bootstrap: b })],
];
const only = values.only ? new Set(values.only.split(',')) : null;
for (const [key, label, run] of runs) {
  if (only && !only.has(key)) continue;
  m[`${key}_no_bootstrap`] = await timed(`${label}, B = 0`, () => run(B0));
  m[key] = await timed(`${label}, B = 200`, () => run(B));
}
if (!only || only.has('retention_by_company')) m.retention_by_company = await timed('retention --by company', () => retention(store, { by: ['company'] }, cohorts));
if (!only || only.has('tenure_by_function')) m.tenure_by_function = await timed('tenure --by function', () => tenure(store, { by: ['function'] }, cohorts));
await store.close();
results.metrics = m;
mkdirSync('bench/results', { recursive: true });
const resultsFile = only ? 'bench/results/metrics-partial.json' : 'bench/results/metrics.json';
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
log(`wrote ${resultsFile}`);
