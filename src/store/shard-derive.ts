/**
 * `derive` split by person for `ingest --workers N`: what needs everyone runs once in the main
 * database — people (deduplication by id, then LinkedIn profile, over all records), the
 * resolution maps (company resolution groups keys across the whole input and names a company by
 * its most frequent spelling, so a shard could not resolve alone) and `place_map` — and the
 * per-person tables (positions, graduations, stints, hires, spells: most of derive's time) are
 * derived by N worker threads, each over the people with `pid % N = k` in its own DuckDB file,
 * then copied into the main database. The same statements as `derive` (`perPersonSql`), so the
 * same rows.
 *
 * Snapshot mode keeps the single derive (its history joins a person's snapshots first).
 */
import { join } from 'node:path';
import type { Store } from '../engines/engine.js';
import type { RegistryEntry } from '../resolve/index.js';
import { resolvePlaces, type DeriveStats } from '../derive/index.js';
import { educationsRawSql, peopleSql, positionsRawSql } from '../derive/derive-sql.js';
import { perPersonSql } from '../derive/per-person-sql.js';
import { resolveCompanies, resolveDegrees, resolveTitles } from '../derive/resolve-values.js';
import { loadReference } from './reference-store.js';
import { runWorker } from './worker-thread.js';
import type { ShardTask } from './shard-derive-worker.js';

export interface ShardOptions {
  /** Number of shards, one worker thread each. */
  shards: number;
  /** A scratch folder for the shards' database files. */
  dir: string;
  /** Engine threads of each worker (default 1). */
  threads?: number;
  /** Memory limit of each worker's engine. */
  memoryLimit?: string;
}

/** The raw rows a shard needs, by table: the column holding the person (`pid` = record id). */
const SHARD_INPUTS: [string, string][] = [
  ['people', 'pid'],
  ['record_positions', 'rec_id'],
  ['record_educations', 'rec_id'],
];
const MAPS = ['company_map', 'title_map', 'degree_map'];

export async function deriveSharded(store: Store, registry: readonly RegistryEntry[], options: ShardOptions, step: (name: string) => void = () => {}): Promise<DeriveStats> {
  step('deduplicating people');
  await store.run(peopleSql());
  await store.run(positionsRawSql());
  await store.run(educationsRawSql());
  step('resolving companies, titles, degrees');
  const distinct_companies = await resolveCompanies(store, registry);
  const distinct_titles = await resolveTitles(store, await loadReference(store));
  const distinct_degrees = await resolveDegrees(store);
  step(`deriving hires (${options.shards} shards)`);
  const n = options.shards;
  const files = Array.from({ length: n }, (_, k) => join(options.dir, `shard${k}.duckdb`));
  for (const [k, file] of files.entries()) await writeShard(store, file, k, n);
  await Promise.all(
    files.map((dbPath) => runWorker<null>('shard-derive-worker', { dbPath, threads: options.threads ?? 1, memoryLimit: options.memoryLimit } satisfies ShardTask)),
  );
  await collect(store, files, perPersonSql().map((s) => s.table));
  await store.run('DROP TABLE IF EXISTS cohort_members');
  step('deriving employment spells and places');
  await resolvePlaces(store);
  return { distinct_companies, distinct_titles, distinct_degrees };
}

/** Shard k's database: its people and their raw rows, and the maps. */
async function writeShard(store: Store, file: string, k: number, n: number): Promise<void> {
  await store.run(`ATTACH '${file}' AS tf_shard`);
  try {
    for (const [table, person] of SHARD_INPUTS) {
      await store.run(`CREATE TABLE tf_shard.${table} AS SELECT * FROM ${table} WHERE ${person} % ${n} = ${k}`);
    }
    for (const map of MAPS) await store.run(`CREATE TABLE tf_shard.${map} AS SELECT * FROM ${map}`);
  } finally {
    await store.run('DETACH tf_shard');
  }
}

/** Each per-person table as the union of the shards'. */
async function collect(store: Store, files: string[], tables: string[]): Promise<void> {
  for (const [k, file] of files.entries()) await store.run(`ATTACH '${file}' AS tf_shard${k} (READ_ONLY)`);
  try {
    for (const table of tables) {
      await store.run(`CREATE OR REPLACE TABLE ${table} AS ${files.map((_, k) => `SELECT * FROM tf_shard${k}.${table}`).join(' UNION ALL ')}`);
    }
  } finally {
    for (const k of files.keys()) await store.run(`DETACH tf_shard${k}`);
  }
}
