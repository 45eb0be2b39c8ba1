/**
 * `npm run bench:scale -- [--people N] [--only PARTS]`: issue 7's side by side on one generated
 * world — the ingest's parsing alone (the floor under any ingest rate); talentflow ingest +
 * headline on DuckDB with 1 worker on 1 engine thread (one core), 1 worker on 2 and 2 workers on
 * 2 (wall and CPU seconds); the hand-written DuckDB SQL; a pandas script doing the same; and
 * talentflow on a local 2-shard ClickHouse cluster (Debian's 18.16, started and stopped here).
 * Figures to bench/results/scale.json; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBStore } from '../src/engines/duckdb/index.js';
import { hires, ingestFiles, ingestToClickHouse, openClickHouse, openDatabase, selectCohorts, type HiresRow } from '../src/api.js';
import { generateWorld } from '../src/synth/index.js';
import { STAGE_MACROS, stageRawFastSql } from '../src/sources/json-lines-sql.js';
import { pdlFormat } from '../src/sources/pdl-sql.js';
import { readInputs } from '../src/store/read-inputs.js';
import { baselineSql } from './baseline-sql.js';
import { benchOptions, savedWorld, worldDir as worldFolder } from './bench-world.js';

const { values } = parseArgs({
  options: {
    ...benchOptions('200000'),
    /** Parts to run, comma-separated (`parse,workers,sql,pandas,clickhouse`; default all), merged
     *  into the existing results file. */
    only: { type: 'string' },
  },
});
const people = Number(values.people);
const parts = new Set((values.only ?? 'parse,workers,sql,pandas,clickhouse').split(','));
const threads = Number(values.threads);
const out = resolve(values.out!);
const worldDir = worldFolder(out, people, values.seed);
const log = (s: string) => process.stderr.write(s + '\n');
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const resultsFile = 'bench/results/scale.json';
const results: Record<string, unknown> = {
  ...(existsSync(resultsFile) && values.only ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {}),
  people, threads, node: process.version, date: new Date().toISOString(), machine: '2 cores',
};
/** Each part's figures are written as soon as it is done (a later part may fail). */
function save(key: string, figures: unknown): void {
  results[key] = figures;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
}

const world = savedWorld(worldDir) ?? (await generateWorld({ people, seed: Number(values.seed), out: worldDir, shardSize: Math.ceil(people / 8) }));
const cohorts = selectCohorts(`bigtech15,${world.cohorts_file}`);
const by = ['cohort', 'year', 'band'] as const;
const opts = { format: 'pdl' as const, cohortFiles: [world.cohorts_file], now: world.snapshot_date };

// 0. the floor: the ingest's first statement alone (`read_json` staging of every file), on one
//    connection with `threads` threads and on `threads` connections with one each
if (parts.has('parse')) {
  const floor: Record<string, unknown>[] = [];
  for (const [engineThreads, readers] of [[threads, 1], [1, threads]] as const) {
    const engine = await DuckDBStore.open(':memory:', { threads: engineThreads, memoryLimit: values['memory-limit'] });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    // the readers of `ingest --workers` (each stages on its own connection), staging only
    const counts = await readInputs(engine, world.files.length, readers, async (c, k) => {
      await c.run(STAGE_MACROS);
      await c.run(stageRawFastSql(pdlFormat, world.files[k]!));
      return (await c.all<{ n: number }>('SELECT count(*) AS n FROM stage_raw'))[0]!.n;
    });
    const records = counts.reduce((a, b) => a + b, 0);
    const wall = seconds(t0);
    const cpu = process.cpuUsage(cpu0);
    floor.push({ engine_threads: engineThreads, connections: readers, records, seconds: wall, cpu_seconds: (cpu.user + cpu.system) / 1e6, records_per_second: Math.round(records / wall) });
    log(`parse floor, ${readers} connection(s) × ${engineThreads} thread(s): ${records} records in ${wall.toFixed(1)} s (${Math.round(records / wall)}/s)`);
    await engine.close();
  }
  save('parse_floor', floor);
}

// 1. talentflow on DuckDB: one worker on one engine thread (one core), then one and two workers
//    (readers staging inputs at once, src/store/read-inputs.ts) on `threads` engine threads
const CONFIGS = [
  { workers: 1, threads: 1 },
  { workers: 1, threads },
  { workers: 2, threads },
] as const;
// the rows every other talentflow run is compared with, kept for runs of later parts alone
const referenceFile = join(out, `scale-reference-${people}.json`);
let reference: HiresRow[] = existsSync(referenceFile) ? (JSON.parse(readFileSync(referenceFile, 'utf8')) as HiresRow[]) : [];
const runs: Record<string, unknown>[] = [];
for (const c of parts.has('workers') ? CONFIGS : []) {
  const file = join(out, `scale-w${c.workers}.duckdb`);
  rmSync(file, { force: true });
  const store = await openDatabase(file, { threads: c.threads, memoryLimit: values['memory-limit'] });
  const cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const s = await ingestFiles(store, world.files, { ...opts, workers: c.workers });
  const ingest = seconds(t0);
  const cpu = process.cpuUsage(cpu0);
  await hires(store, { by: ['year'] }, []);
  t0 = performance.now();
  const { rows } = await hires(store, { by: [...by] }, cohorts);
  const query = seconds(t0);
  if (runs.length === 0) {
    reference = rows;
    writeFileSync(referenceFile, JSON.stringify(rows));
  }
  const same = JSON.stringify(rows) === JSON.stringify(reference);
  const run = {
    ...c, ingest_seconds: ingest, ingest_cpu_seconds: (cpu.user + cpu.system) / 1e6, profiles_per_second: Math.round(s.records_read / ingest),
    headline_seconds: query, rows: rows.length, same_rows_as_first: same, peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024), load: loadAverage(),
  };
  runs.push(run);
  log(`duckdb --workers ${c.workers} (${c.threads} engine threads): ingest ${ingest.toFixed(1)} s, ${run.ingest_cpu_seconds.toFixed(1)} CPU-s (${run.profiles_per_second}/s), headline ${query.toFixed(3)} s, same rows: ${same}`);
  await store.close();
  rmSync(file, { force: true });
}
const rate = (i: number) => (runs[i]!.profiles_per_second as number);
if (parts.has('workers')) {
  save('duckdb_workers', { people, date: results.date, runs, speedup_2_workers_vs_1_worker_1_thread: rate(2) / rate(0), speedup_2_workers_vs_1_worker_2_threads: rate(2) / rate(1) });
}

// 2. the hand-written DuckDB SQL from the raw files, without a memory limit (as bench.ts: under
//    the 1.5 GB limit its dedupe window over whole records runs out of memory at 2M profiles)
if (parts.has('sql')) {
  const raw = await DuckDBStore.open(':memory:', { threads });
  const t0 = performance.now();
  const rows = await raw.all<HiresRow>(baselineSql(world.files, cohorts));
  save('baseline_sql', { seconds: seconds(t0), rows: rows.length, memory_limit: null });
  log(`hand-written SQL: ${seconds(t0).toFixed(1)} s`);
  await raw.close();
}

// 3. pandas, the same direct definitions
if (parts.has('pandas')) {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const names = cohorts.flatMap((c) => c.companies.flatMap((co) => [co.name, ...co.aliases].map((n) => [n.toLowerCase(), c.name])));
  const namesFile = join(out, 'cohort-names.json');
  writeFileSync(namesFile, JSON.stringify(names));
  const t0 = performance.now();
  const r = spawnSync(python, ['bench/baseline-pandas.py', namesFile, ...world.files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = seconds(t0);
  save('pandas', r.status === 0 ? { seconds: s, rows: (JSON.parse(r.stdout) as unknown[]).length } : { error: r.stderr.slice(-500) });
  log(r.status === 0 ? `pandas: ${s.toFixed(1)} s` : `pandas failed: ${r.stderr.slice(-300)}`);
}

// 4. talentflow on a local 2-shard ClickHouse cluster
if (parts.has('clickhouse') && spawnSync('sh', ['-c', 'command -v clickhouse-server']).status === 0) {
  const script = resolve('scripts/clickhouse-cluster.sh');
  const dir = join(out, 'clickhouse');
  const env = { ...process.env, TF_CH_PORT_BASE: '18320' };
  const urls = execFileSync(script, ['start', dir], { env, encoding: 'utf8' }).trim().split('\n');
  try {
    const sink = await openClickHouse(urls[0]!, { cluster: 'talentflow', shardUrls: urls });
    let t0 = performance.now();
    // the worker's embedded database on disk: at 2M its tables outgrow the memory limit
    const localDb = join(out, 'scale-ch-worker.duckdb');
    rmSync(localDb, { force: true });
    let shipping = 0;
    const progress = (m: string) => void (m === 'shipping facts' && (shipping = performance.now()));
    const s = await ingestToClickHouse(sink, world.files, { ...opts, reset: true, workers: 2, threads, memoryLimit: values['memory-limit'], localDb, progress });
    const ingest = seconds(t0);
    const ship = seconds(shipping);
    for (const f of [localDb, `${localDb}.wal`]) rmSync(f, { force: true });
    // the query is timed once the servers' background merges of the new parts are done
    for (const u of urls) {
      const shard = await openClickHouse(u);
      while ((await shard.all<{ n: number }>('SELECT count() AS n FROM system.merges'))[0]!.n > 0) await new Promise((r) => setTimeout(r, 500));
      await shard.close();
    }
    await hires(sink, { by: ['year'] }, []);
    t0 = performance.now();
    const { rows } = await hires(sink, { by: [...by] }, cohorts);
    const query = seconds(t0);
    const same = JSON.stringify(rows) === JSON.stringify(reference);
    save('clickhouse_2_shards', {
      version: sink.version, ingest_seconds: ingest, ship_seconds: ship, profiles_per_second: Math.round(s.records_read / ingest), shipped: s.shipped, headline_seconds: query, same_rows_as_duckdb: same });
    log(`clickhouse 2 shards (${sink.version}): ingest+ship ${ingest.toFixed(1)} s, of which shipping ${ship.toFixed(1)} s (${Math.round(s.records_read / ingest)}/s), headline ${query.toFixed(3)} s, same rows: ${same}`);
    await sink.close();
  } finally {
    execFileSync(script, ['stop', dir], { env });
  }
} else if (parts.has('clickhouse')) {
  save('clickhouse_2_shards', { skipped: 'clickhouse-server absent' });
}

log(`wrote ${resultsFile}`);
