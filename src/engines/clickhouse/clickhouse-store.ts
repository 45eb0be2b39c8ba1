/**
 * The ClickHouse store: one server (or chdb in-process), or a cluster — fact tables as MergeTree
 * `<t>_local` on every shard, sharded by the person key `pid` (tables without one, and tables
 * created before talentflow sharded by it: by `cityHash64(person_id)`), behind a `Distributed`
 * table `<t>`; small tables (dimensions, files, quarantine) on the node queries go to. Engine errors
 * are wrapped once here with the SQL. `$name` parameters are inlined as escaped literals (18.16
 * has no query parameters).
 */
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError, type Dialect, type FactSink, type Row, type SinkTable } from '../engine.js';
import { capabilitiesOf, clickhouseDialect } from './clickhouse-dialect.js';
import { httpConnection, type ClickHouseConnection, type ColumnMeta } from './clickhouse-connection.js';
import { chdbConnection } from './chdb-connection.js';
import { splitStatements } from './split-statements.js';

export interface ClickHouseOptions {
  /** The cluster (`remote_servers` name) fact tables are sharded over; none = one server. */
  cluster?: string;
  /** HTTP URLs of every shard, in cluster order, where shard-local tables are created; default:
   *  each shard host of `system.clusters` on the port of `url`. */
  shardUrls?: string[];
}

const SINK_TYPES: Record<string, string> = {
  VARCHAR: 'String', INTEGER: 'Int32', BIGINT: 'Int64', UBIGINT: 'UInt64', TINYINT: 'Int8', SMALLINT: 'Int16',
  // UInt8 is reserved for booleans: small unsigned types widen
  UTINYINT: 'UInt16', USMALLINT: 'UInt16', UINTEGER: 'UInt32', BOOLEAN: 'UInt8', DOUBLE: 'Float64', FLOAT: 'Float32',
};

export class ClickHouseStore implements FactSink {
  private constructor(
    readonly dialect: Dialect,
    private readonly conn: ClickHouseConnection,
    readonly version: string,
    readonly cluster: string | undefined,
    private readonly shards: ClickHouseConnection[],
  ) {}

  /**
   * Connect to `url`: `http://[user:pass@]host:8123[/db]` or `chdb:[PATH]` (in-process; a
   * temporary folder without a path).
   */
  static async connect(url: string, options: ClickHouseOptions = {}): Promise<ClickHouseStore> {
    const conn = url.startsWith('chdb:') ? await chdbConnection(url.slice(5)) : httpConnection(url);
    let version: string;
    try {
      const r = await conn.query('SELECT version() AS v');
      version = String(r.data[0]?.v ?? '');
    } catch (e) {
      await conn.close();
      throw wrap(e, 'SELECT version()', conn.label);
    }
    const dialect = clickhouseDialect(capabilitiesOf(version));
    const shards: ClickHouseConnection[] = [];
    if (options.cluster) {
      const urls = options.shardUrls?.length ? options.shardUrls : await inferShardUrls(conn, url, options.cluster);
      for (const u of urls) shards.push(u === url ? conn : httpConnection(u));
    }
    return new ClickHouseStore(dialect, conn, version, options.cluster, shards);
  }

  async run(sql: string, params?: Record<string, unknown>): Promise<void> {
    for (const statement of splitStatements(this.inline(sql, params))) {
      try {
        await this.conn.command(statement);
      } catch (e) {
        throw wrap(e, statement, this.conn.label);
      }
    }
  }

  async all<T = Row>(sql: string, params?: Record<string, unknown>): Promise<T[]> {
    const q = this.inline(sql, params);
    try {
      const { meta, data } = await this.conn.query(q);
      const convert = meta.map((m) => [m.name, converterOf(m)] as const).filter(([, f]) => f !== null) as [string, (v: unknown) => unknown][];
      if (convert.length) for (const row of data) for (const [name, f] of convert) row[name] = f(row[name]);
      return data as T[];
    } catch (e) {
      throw wrap(e, q, this.conn.label);
    }
  }

  async tableExists(name: string): Promise<boolean> {
    const rows = await this.all<{ n: number }>(`SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = $name`, { name });
    return (rows[0]?.n ?? 0) > 0;
  }

  async append(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const lines = rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, jsonValue(r[i])])))).join('\n') + '\n';
    await this.insertJsonLines(table, lines);
  }

  /** Insert newline-delimited JSON objects (a string or a file stream) into a table: into shard
   *  `shard`'s `<table>_local`, or through the table, whose Distributed engine routes a sharded
   *  table's rows synchronously (all shards have them when this returns). */
  async insertJsonLines(table: string, body: string | NodeJS.ReadableStream, shard?: number): Promise<void> {
    const [conn, target] = shard === undefined ? [this.conn, table] : [this.shards[shard]!, `${table}_local`];
    try {
      await conn.insertJsonLines(target, body as string | Readable, this.cluster && shard === undefined ? { insert_distributed_sync: 1 } : {});
    } catch (e) {
      throw wrap(e, `INSERT INTO ${target} FORMAT JSONEachRow`, conn.label);
    }
  }

  /** The shards a sharded table takes rows straight into: every shard when its Distributed
   *  table shards by `pid` and every shard weighs 1 (shard k then holds `pid % n = k`). */
  async directShards(table: string): Promise<number> {
    if (!this.cluster) return 0;
    const [create] = await this.all<{ statement: string }>(`SHOW CREATE TABLE ${table}`);
    if (!/Distributed\(.*,\s*pid\)\s*$/s.test(create?.statement ?? '')) return 0;
    const weights = await this.all<{ weight: number }>('SELECT shard_weight AS weight FROM system.clusters WHERE cluster = $c', { c: this.cluster });
    return weights.length === this.shards.length && weights.every((w) => Number(w.weight) === 1) ? this.shards.length : 0;
  }

  /** The ClickHouse type of an embedded-engine (DuckDB) column type; unknown types travel as text. */
  sinkType(embeddedType: string, nullable: boolean): string {
    const t = SINK_TYPES[embeddedType] ?? 'String';
    return nullable ? `Nullable(${t})` : t;
  }

  /** Create a table (and, on a cluster, its shard-local tables and the Distributed table over them). */
  async createTable(spec: SinkTable): Promise<void> {
    const cols = spec.columns.map(([c, t]) => `${this.dialect.ident(c)} ${t}`).join(', ');
    const order = spec.sharded ? 'person_id' : 'tuple()';
    if (!this.cluster || !spec.sharded) {
      await this.run(`CREATE TABLE IF NOT EXISTS ${spec.name} (${cols}) ENGINE = MergeTree ORDER BY ${order}`);
      return;
    }
    const local = `${spec.name}_local`;
    for (const shard of this.shards) await onShard(shard, `CREATE TABLE IF NOT EXISTS ${local} (${cols}) ENGINE = MergeTree ORDER BY ${order}`);
    // by the person key the ingest worker computes (so it can send each shard its rows itself),
    // else by a hash of the person id
    const key = spec.columns.some(([c, t]) => c === 'pid' && t === 'UInt64') ? 'pid' : 'cityHash64(person_id)';
    await this.run(`CREATE TABLE IF NOT EXISTS ${spec.name} (${cols}) ENGINE = Distributed(${this.cluster}, currentDatabase(), ${local}, ${key})`);
  }

  async repeatedKeys(table: string, column: string): Promise<number> {
    // shard by shard: one shard's distinct values at a time, never the cluster's on one node
    if (!this.cluster) return repeatedIn(this.conn, table, column, this.dialect);
    let n = 0;
    for (const shard of this.shards) n += await repeatedIn(shard, `${table}_local`, column, this.dialect);
    return n;
  }

  /**
   * `ALTER TABLE … DELETE` (a mutation: 18.16 has no `DELETE FROM`, nor `mutations_sync`) of the
   * rows whose `column` is in `keys`; on a cluster a sharded table is changed shard by shard
   * (`<t>_local` against `<keys>_local`: the keys are sharded alike). Waits for the mutation.
   */
  async deleteKeys(table: string, column: string, keys: string, sharded: boolean): Promise<void> {
    const local = this.cluster !== undefined && sharded;
    const [t, k] = local ? [`${table}_local`, `${keys}_local`] : [table, keys];
    const c = this.dialect.ident(column);
    for (const conn of local ? this.shards : [this.conn]) {
      await onShard(conn, `ALTER TABLE ${t} DELETE WHERE ${c} IN (SELECT ${c} FROM ${k})`);
      await mutationsDone(conn, t);
    }
  }

  /** Drop a table (with its shard-local tables). */
  async dropTable(name: string): Promise<void> {
    await this.run(`DROP TABLE IF EXISTS ${name}`);
    for (const shard of this.shards) await onShard(shard, `DROP TABLE IF EXISTS ${name}_local`);
  }

  async close(): Promise<void> {
    for (const s of this.shards) if (s !== this.conn) await s.close();
    await this.conn.close();
  }

  private inline(sql: string, params?: Record<string, unknown>): string {
    if (!params) return sql;
    return sql.replace(/'(?:[^'\\]|\\.|'')*'|\$([A-Za-z_]\w*)/g, (match, name: string | undefined) => {
      if (name === undefined) return match;
      if (!(name in params)) throw new Error(`no value for parameter $${name}`);
      return this.sqlValue(params[name]);
    });
  }

  private sqlValue(v: unknown): string {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (typeof v === 'boolean') return v ? '1' : '0';
    return this.dialect.literal(String(v));
  }
}

/** One statement on one shard, its error wrapped like the store's own. */
async function onShard(shard: ClickHouseConnection, sql: string): Promise<void> {
  await shard.command(sql).catch((e) => Promise.reject(wrap(e, sql, shard.label)));
}

/** Wait until the mutations of `table` on `conn` are done; a mutation that failed is an error. */
async function mutationsDone(conn: ClickHouseConnection, table: string): Promise<void> {
  const sql = `SELECT * FROM system.mutations WHERE database = currentDatabase() AND table = '${table}' AND is_done = 0`;
  for (let wait = 10; ; wait = Math.min(wait * 2, 500)) {
    const r = await conn.query(sql).catch((e) => Promise.reject(wrap(e, sql, conn.label)));
    if (r.data.length === 0) return;
    // latest_fail_reason: 19.x and later
    const failed = r.data.find((m) => m.latest_fail_reason);
    if (failed) throw new StoreError(`clickhouse (${conn.label}): mutation of ${table} failed: ${String(failed.latest_fail_reason)}`, String(failed.command ?? sql));
    await sleep(wait);
  }
}

/** `count() - uniqExact(column)` of one table on one connection. */
async function repeatedIn(conn: ClickHouseConnection, table: string, column: string, d: Dialect): Promise<number> {
  const sql = `SELECT count() - uniqExact(${d.ident(column)}) AS n FROM ${table}`;
  const r = await conn.query(sql).catch((e) => Promise.reject(wrap(e, sql, conn.label)));
  return Number(r.data[0]?.n ?? 0);
}

/** Shards of `cluster` as HTTP URLs: each shard's first replica host on the port of `url`. */
async function inferShardUrls(conn: ClickHouseConnection, url: string, cluster: string): Promise<string[]> {
  const r = await conn.query(
    `SELECT shard_num, any(host_name) AS host FROM system.clusters WHERE cluster = '${cluster.replaceAll("'", "\\'")}' GROUP BY shard_num ORDER BY shard_num`,
  );
  if (r.data.length === 0) throw new StoreError(`unknown cluster: ${cluster}`, 'system.clusters');
  const u = new URL(url);
  return r.data.map((row) => `${u.protocol}//${u.username ? `${u.username}:${u.password}@` : ''}${String(row.host)}:${u.port || '8123'}${u.pathname}`);
}

/** How a result column is read back: 64-bit integers as numbers when safe, UInt8 as boolean. */
function converterOf(m: ColumnMeta): ((v: unknown) => unknown) | null {
  const t = m.type.replace(/^Nullable\((.*)\)$/, '$1');
  if (t === 'UInt8' || t === 'Bool') return (v) => (v === null || v === undefined ? v : v === true || v === 1 || v === '1' || v === 'true');
  if (/^U?Int(64|128|256)$/.test(t)) {
    return (v) => {
      if (typeof v !== 'string') return v;
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : v;
    };
  }
  return null;
}

function jsonValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v.toString();
  return v ?? null;
}

function wrap(e: unknown, sql: string, where: string): StoreError {
  const msg = e instanceof Error ? e.message : String(e);
  return new StoreError(`clickhouse (${where}): ${msg}\n-- in --\n${sql.slice(0, 2000)}`, sql, e);
}
