/**
 * The engine boundary. A `Dialect` is pure: it writes SQL for the semantic operations metrics
 * need. A `Store` does the I/O: runs SQL, loads rows, and wraps engine errors once, with the SQL.
 * Nothing above this folder imports a concrete engine; engine differences are the documented
 * `Capabilities` flags, never a check of the engine's name.
 */
import { UserError } from '../model/errors.js';

export type EngineName = 'duckdb' | 'clickhouse';

/** What an engine can do that another may not; metrics branch on these, never on the name. */
export interface Capabilities {
  /** Window functions (`OVER (PARTITION BY ...)`) run on the engine. */
  windowFunctions: boolean;
  /** A JOIN condition may hold non-equalities (`a.m BETWEEN b.lo AND b.hi`). ClickHouse: no. */
  nonEquiJoins: boolean;
  /** One SELECT may hold several JOINs. ClickHouse 18.16: one per SELECT. */
  multipleJoins: boolean;
  /** Named subqueries (`WITH s AS (SELECT …)`). ClickHouse 18.16: no. */
  cteSubqueries: boolean;
  /**
   * The derive SQL (DuckDB's) runs on the store, so a derived table an older database lacks is
   * built on first use. ClickHouse: no — ingest workers derive and ship the facts; a missing
   * table means the data must be ingested again.
   */
  derivesInPlace: boolean;
}

/** A capability, by name (for `requireCapabilities`). */
export type CapabilityName = keyof Capabilities;

export interface Dialect {
  readonly name: EngineName;
  readonly capabilities: Capabilities;
  /** Where a capability is found, for messages: `ClickHouse 21.9 or later`, `the DuckDB engine`. */
  capabilityHint(capability: CapabilityName): string;
  /** A string literal, escaped. */
  literal(value: string): string;
  /** An identifier, quoted. */
  ident(name: string): string;
  /** Exact count of distinct values (never an approximation where a count is promised). */
  countDistinctExact(expr: string): string;
  /** Calendar year of a month index `y * 12 + (m - 1)`. */
  yearOfMonthIndex(expr: string): string;
  /** Integer division of non-negative integers (a month index into a period index). */
  intDiv(a: string, b: number): string;
  /** A select-list item that turns one row into one row per integer in [lo, hiExclusive). */
  expandRange(lo: string, hiExclusive: string): string;
  /** The value of `value` on the row with the smallest `key` among rows where `cond` holds. */
  argMinIf(value: string, key: string, cond: string): string;
  /** Any one value of the group (the group is known to agree on it). */
  anyValue(expr: string): string;
  /** Aggregate: the group's values as a list, in no promised order, NULLs kept as given. */
  groupList(expr: string): string;
  /**
   * A select-list item: one row per element of `names` whose window [`froms[i]`, `tos[i]`]
   * (integers, inclusive) holds `at`, or one row of `fallback` when none does.
   */
  unnestInWindowOr(at: string, names: string, froms: string, tos: string, fallback: string): string;
  /**
   * How many elements of `names` have a window [`froms[i]`, `tos[i]`] holding `at` (and, with
   * `among`, a name in that list of SQL literals); 0 for an empty list.
   */
  countInWindow(at: string, names: string, froms: string, tos: string, among?: readonly string[]): string;
  /** `CREATE TABLE IF NOT EXISTS` for a small table; types are the portable names (VARCHAR,
   *  INTEGER, BIGINT, DOUBLE, BOOLEAN) and every column may hold NULL. */
  createTable(name: string, columns: readonly (readonly [string, PortableType])[]): string;
}

/** Column types every engine maps: DuckDB uses them as is; ClickHouse as `Nullable(...)`. */
export type PortableType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

export type Row = Record<string, unknown>;

export interface Store {
  readonly dialect: Dialect;
  /** Run one or more statements; no result. */
  run(sql: string, params?: Record<string, unknown>): Promise<void>;
  /** Run a query and return its rows as plain objects (BIGINT as number when safe). */
  all<T = Row>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Whether a table (or view) of this name exists. */
  tableExists(name: string): Promise<boolean>;
  /** Append rows to a table in one batch, columns in the table's order. */
  append(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** Another connection to the same database, whose statements run alongside this one's (an
   *  embedded engine: concurrent readers of `ingest --workers N`); closing it closes only it. */
  connect?(): Promise<Store>;
  close(): Promise<void>;
}

/**
 * Fail with a user error when the engine lacks a capability a metric needs, naming the
 * capability and the engine version that has it.
 * @example requireCapabilities(store.dialect, 'retention', ['cteSubqueries'])
 */
export function requireCapabilities(d: Dialect, what: string, needed: readonly CapabilityName[]): void {
  const missing = needed.filter((c) => !d.capabilities[c]);
  if (missing.length === 0) return;
  throw new UserError(
    `unsupported engine: ${what} needs ${missing.join(' and ')}, which this ${d.name} server lacks`,
    'engine_capability',
    `${missing.map((c) => `${c}: ${d.capabilityHint(c)}`).join('; ')} (docs/engines.md lists what each metric needs)`,
  );
}

/** An engine error with the SQL that caused it (a bug or an engine limit, not a user error). */
export class StoreError extends Error {
  constructor(message: string, readonly sql: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A table a `FactSink` holds, in the sink's own column types. */
export interface SinkTable {
  name: string;
  columns: [string, string][];
  /** Sharded by person: by its `pid` (a non-NULL 64-bit hash of the person), else by
   *  `cityHash64(person_id)` (a non-NULL column). */
  sharded: boolean;
}

/**
 * A store that receives derived fact tables in batches from ingest workers (ClickHouse). Column
 * types are the sink's: `sinkType` maps an embedded-engine type name (`VARCHAR`, `BIGINT`,
 * `BOOLEAN`, …) to it.
 */
export interface FactSink extends Store {
  sinkType(embeddedType: string, nullable: boolean): string;
  createTable(table: SinkTable): Promise<void>;
  dropTable(name: string): Promise<void>;
  /** Insert newline-delimited JSON objects (text or a file stream); booleans as 0/1. With
   *  `shard`, into that shard's part of a sharded table, its rows being the ones `directShards`
   *  sends there. */
  insertJsonLines(table: string, body: string | NodeJS.ReadableStream, shard?: number): Promise<void>;
  /**
   * n > 0 when a sharded table's rows may go straight to its n shards, the rows with
   * `pid % n = k` to shard k, each shard parsing its own; 0 when they go through the table (one
   * server, or a table sharded by another key).
   */
  directShards(table: string): Promise<number>;
  /**
   * Rows of a sharded table whose `column` value another row has too, counted on each shard and
   * added up: exact when equal values are on one shard (a column of the person, which shards).
   */
  repeatedKeys(table: string, column: string): Promise<number>;
  /**
   * Delete the rows of `table` whose `column` is among the values of the same column of `keys`,
   * and wait until it is done. `sharded`: both tables are sharded by person (each shard deletes
   * against its own part of `keys`).
   */
  deleteKeys(table: string, column: string, keys: string, sharded: boolean): Promise<void>;
}
