/**
 * The I/O a ClickHouse store needs, over either transport: a server over HTTP (the official
 * `@clickhouse/client`) or the in-process chdb engine (`chdb-connection.ts`). One statement per
 * call; results come back with their column types so the store can type them.
 */
import { ClickHouseLogLevel, createClient, drainStream, type ClickHouseClient } from '@clickhouse/client';
import { Readable } from 'node:stream';

export interface ColumnMeta {
  name: string;
  type: string;
}

export interface QueryResult {
  meta: ColumnMeta[];
  data: Record<string, unknown>[];
}

/** A body of newline-delimited JSON objects: text, or a byte stream (a file). */
export type JsonLinesBody = string | Readable;

export interface ClickHouseConnection {
  /** Where it points, for messages (`http://host:8123`, `chdb:/path`). */
  readonly label: string;
  query(sql: string): Promise<QueryResult>;
  command(sql: string): Promise<void>;
  insertJsonLines(table: string, body: JsonLinesBody, settings?: Record<string, string | number>): Promise<void>;
  close(): Promise<void>;
}

/** Settings every talentflow query runs with: 64-bit integers quoted (exact; the store turns
 *  safe ones into numbers) and LEFT JOIN misses as column defaults (metrics test `empty()`). */
export const SESSION_SETTINGS = { output_format_json_quote_64bit_integers: 1, join_use_nulls: 0 } as const;

/** A server over HTTP, `http://[user:password@]host:8123[/database]`. */
export function httpConnection(url: string): ClickHouseConnection {
  const u = new URL(url);
  const database = u.pathname.replace(/^\//, '') || 'default';
  const client: ClickHouseClient = createClient({
    url: `${u.protocol}//${u.host}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
    database,
    request_timeout: 3_600_000,
    // errors reach the caller once, wrapped with the SQL by the store; the client logs none
    log: { level: ClickHouseLogLevel.OFF },
    // progress headers keep a long query's connection alive through idle timeouts
    clickhouse_settings: { ...SESSION_SETTINGS, send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '60000' },
  });
  return {
    label: `${u.protocol}//${u.host}/${database}`,
    async query(sql) {
      const rs = await client.query({ query: sql, format: 'JSON' });
      const body = await rs.json<Record<string, unknown>>();
      return { meta: body.meta as ColumnMeta[], data: body.data };
    },
    async command(sql) {
      await client.command({ query: sql });
    },
    async insertJsonLines(table, body, settings = {}) {
      // the byte stream goes out as it is (batched by the caller), parsed by the server
      const r = await client.exec({
        query: `INSERT INTO ${table} FORMAT JSONEachRow`,
        values: typeof body === 'string' ? Readable.from([body]) : body,
        clickhouse_settings: settings,
      });
      await drainStream(r.stream);
    },
    async close() {
      await client.close();
    },
  };
}
