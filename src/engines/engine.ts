/**
 * The engine boundary. A `Dialect` is pure: it writes SQL for the semantic operations metrics
 * need. A `Store` does the I/O: runs SQL, loads rows, and wraps engine errors once, with the SQL.
 * Nothing above this folder imports a concrete engine; engine differences are the documented
 * `Capabilities` flags, never a check of the engine's name.
 */

export type EngineName = 'duckdb';

/** What an engine can do that another may not; metrics branch on these, never on the name. */
export interface Capabilities {
  /** Window functions (`OVER (PARTITION BY ...)`) run on the engine. */
  windowFunctions: boolean;
  /** The engine reads JSON lines and CSV files itself (ingest can push parsing into SQL). */
  readsFilesNatively: boolean;
}

export interface Dialect {
  readonly name: EngineName;
  readonly capabilities: Capabilities;
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
  /** `agg(expr)` over the rows where `cond` holds; `agg` is one of the portable aggregates. */
  aggIf(agg: 'sum' | 'max' | 'min' | 'count', expr: string, cond: string): string;
  /** The value of `value` on the row with the smallest `key` among rows where `cond` holds. */
  argMinIf(value: string, key: string, cond: string): string;
  /** Any one value of the group (the group is known to agree on it). */
  anyValue(expr: string): string;
  /** Exact (interpolated) quantile q in [0, 1]. */
  quantileExact(expr: string, q: number): string;
}

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
  close(): Promise<void>;
}

/** An engine error with the SQL that caused it (a bug or an engine limit, not a user error). */
export class StoreError extends Error {
  constructor(message: string, readonly sql: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreError';
  }
}
