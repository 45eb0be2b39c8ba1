/** What several commands share: the database option, output format, progress on stderr. */
import { existsSync } from 'node:fs';
import { openClickHouse, openDatabase, type ClickHouseStore, type Store } from '../api.js';
import { UserError } from '../model/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../present/index.js';

export const DB_OPTION = { db: { type: 'string' } } as const;
export const DEFAULT_DB = './talentflow.duckdb';

/** `--db`, else `$TALENTFLOW_DB`, else ./talentflow.duckdb. */
export function dbPath(flag: string | undefined): string {
  return flag ?? process.env.TALENTFLOW_DB ?? DEFAULT_DB;
}

/** The engine of `--engine` / `$TALENTFLOW_ENGINE`: `duckdb` (default) or `clickhouse`. */
export function engineName(): 'duckdb' | 'clickhouse' {
  const e = process.env.TALENTFLOW_ENGINE ?? 'duckdb';
  if (e !== 'duckdb' && e !== 'clickhouse') throw new UserError(`unknown engine: ${e}`, 'usage', 'engines: duckdb, clickhouse');
  return e;
}

/** ClickHouse from `--url` (a comma list: the node queries go to first, then every other shard's
 *  HTTP URL) and `--cluster`. */
export async function openClickHouseFromFlags(): Promise<ClickHouseStore> {
  const url = process.env.TALENTFLOW_URL;
  if (!url) throw new UserError('missing --url: --engine clickhouse needs a server', 'usage', 'e.g. --url http://localhost:8123 (or chdb:PATH)');
  const urls = url.split(',').map((u) => u.trim()).filter(Boolean);
  const cluster = process.env.TALENTFLOW_CLUSTER || undefined;
  return openClickHouse(urls[0]!, { cluster, shardUrls: urls.length > 1 ? urls : undefined });
}

/** Open a database that must already hold ingested data. */
export async function openExisting(flag: string | undefined): Promise<Store> {
  if (engineName() === 'clickhouse') {
    const store = await openClickHouseFromFlags();
    if (!(await store.tableExists('hires'))) {
      await store.close();
      throw new UserError(`no data in database: ${process.env.TALENTFLOW_URL}`, 'no_data', 'run `talentflow ingest FILE --engine clickhouse --url ...` first');
    }
    return store;
  }
  const path = dbPath(flag);
  if (path !== ':memory:' && !existsSync(path)) {
    throw new UserError(`unknown database: ${path}`, 'no_database', 'run `talentflow ingest FILE --db ' + path + '` first');
  }
  const store = await openDatabase(path);
  if (!(await store.tableExists('hires'))) {
    await store.close();
    throw new UserError(`no data in database: ${path}`, 'no_data', 'run `talentflow ingest FILE` first');
  }
  return store;
}

export function outputFormat(value: string | undefined, fallback: OutputFormat = 'table'): OutputFormat {
  const f = (value ?? fallback) as OutputFormat;
  if (!OUTPUT_FORMATS.includes(f)) throw new UserError(`invalid --format: ${value}`, 'usage', `formats: ${OUTPUT_FORMATS.join(', ')}`);
  return f;
}

/** Each row reduced to `keys`, in that order (a missing key is null): what `--format json|csv` prints. */
export function pickColumns(rows: readonly object[], keys: readonly string[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(keys.map((k) => [k, (r as Record<string, unknown>)[k] ?? null])));
}

/** Progress messages on stderr, only for a person at a terminal. */
export function progress(enabled = process.stderr.isTTY === true): (message: string) => void {
  if (!enabled) return () => {};
  const start = Date.now();
  return (message) => process.stderr.write(`\r\x1b[2K[${((Date.now() - start) / 1000).toFixed(1)}s] ${message}`);
}

/** End a progress line. */
export function progressDone(enabled = process.stderr.isTTY === true): void {
  if (enabled) process.stderr.write('\r\x1b[2K');
}

/** Today as YYYY-MM-DD (UTC), or `$TALENTFLOW_NOW` for reproducible runs. */
export function today(): string {
  return process.env.TALENTFLOW_NOW ?? new Date().toISOString().slice(0, 10);
}
