/**
 * `npm run bench [-- --people N]`: measures, on one generated world, what the issues promise —
 * synth speed, ingest speed and peak memory, the headline query — beside a plain hand-written
 * DuckDB SQL over the same raw files doing the same hires count (the analyst's baseline).
 * Figures go to bench/results/core.json; benchmarks are not tests and assert nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBStore } from '../src/engines/duckdb/index.js';
import { hires, ingestFiles, openDatabase, selectCohorts } from '../src/api.js';
import { generateWorld, type WorldSummary } from '../src/synth/index.js';
import { baselineSql } from './baseline-sql.js';
import { benchOptions, savedWorld, worldDir as worldFolder } from './bench-world.js';

const { values } = parseArgs({ options: benchOptions('2000000') });
const people = Number(values.people);
const threads = Number(values.threads);
const out = resolve(values.out!);
const worldDir = worldFolder(out, people, values.seed);
const results: Record<string, unknown> = { people, threads, memory_limit: values['memory-limit'], node: process.version, date: new Date().toISOString() };

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const log = (s: string) => process.stderr.write(s + '\n');

// 1. the world (reused when it exists: generation is measured the first time only)
let world: WorldSummary | null = savedWorld(worldDir);
if (world) {
  log(`world: reusing ${worldDir}`);
} else {
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  world = await generateWorld({ people, seed: Number(values.seed), out: worldDir, shardSize: 250_000 });
  const s = seconds(t0);
  results.synth = { seconds: s, people_per_second: Math.round(people / s) };
  log(`synth: ${people} people in ${s.toFixed(1)} s (${Math.round(people / s)}/s)`);
}
const bytes = world.bytes;
const records = world.records;

// 2. talentflow ingest (parse, quarantine, dedupe, resolve, derive)
const dbFile = join(out, 'bench.duckdb');
rmSync(dbFile, { force: true });
rmSync(dbFile + '.wal', { force: true });
const store = await openDatabase(dbFile, { threads, memoryLimit: values['memory-limit'] });
global.gc?.();
let t0 = performance.now();
// as the CLI ingests: one reader per engine thread (src/store/read-inputs.ts)
const ingest = await ingestFiles(store, world.files, { format: 'pdl', cohortFiles: [world.cohorts_file], now: world.snapshot_date, workers: threads });
const ingestSeconds = seconds(t0);
results.ingest = {
  seconds: ingestSeconds,
  workers: threads,
  records: ingest.records_read,
  records_per_second: Math.round(ingest.records_read / ingestSeconds),
  megabytes_per_second: Math.round(bytes / 1e6 / ingestSeconds),
  peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  quarantined: ingest.quarantined,
  hires: ingest.database.hires,
};
log(`ingest: ${ingest.records_read} records in ${ingestSeconds.toFixed(1)} s (${Math.round(ingest.records_read / ingestSeconds)}/s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);

// 3. the headline query on the ingested database
const cohorts = selectCohorts(`bigtech15,${world.cohorts_file}`);
await hires(store, { by: ['year'] }, []); // warm the buffer cache once
t0 = performance.now();
const { rows } = await hires(store, { by: ['cohort', 'year', 'band'] }, cohorts);
const querySeconds = seconds(t0);
t0 = performance.now();
await hires(store, { by: ['cohort', 'year', 'band'] }, cohorts);
const querySecondsCached = seconds(t0);
await store.close();

// 4. the analyst's baseline: one hand-written SQL from the raw files to the same table, with
//    DuckDB's default memory limit (it holds every profile at once: the analyst's way)
const raw = await DuckDBStore.open(':memory:', { threads });
t0 = performance.now();
const base = await raw.all<{ cohort: string; year: number; band: string; hires: number }>(baselineSql(world.files, cohorts));
const baselineSeconds = seconds(t0);
await raw.close();
const ours = new Map(rows.map((r) => [`${r.cohort}|${r.year}|${r.band}`, r.hires]));
let diff = 0;
let total = 0;
for (const b of base) {
  total += b.hires;
  diff += Math.abs((ours.get(`${b.cohort}|${b.year}|${b.band}`) ?? 0) - b.hires);
}
results.query = {
  headline_seconds_first: querySeconds,
  headline_seconds: querySecondsCached,
  rows: rows.length,
  baseline_seconds: baselineSeconds,
  ingest_plus_query_over_baseline: (ingestSeconds + querySeconds) / baselineSeconds,
  baseline_cells_abs_diff_share: total ? diff / total : null,
};
log(`hires --by cohort,year,band: ${querySeconds.toFixed(2)} s first, ${querySecondsCached.toFixed(2)} s again`);
log(`baseline SQL from raw files: ${baselineSeconds.toFixed(1)} s; talentflow ingest + query = ${((ingestSeconds + querySeconds) / baselineSeconds).toFixed(2)}× its time; cells differ by ${((100 * diff) / Math.max(1, total)).toFixed(1)}% of hires`);
results.input = { files: world.files.length, megabytes: Math.round(bytes / 1e6), records };

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/core.json', JSON.stringify(results, null, 2) + '\n');
log('wrote bench/results/core.json');
