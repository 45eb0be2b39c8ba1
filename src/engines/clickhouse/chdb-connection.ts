/**
 * ClickHouse in-process (the `chdb` package, a modern ClickHouse embedded in Node): the same
 * SQL as a server, no server. Used by the conformance tests and for `--url chdb:[PATH]`; the
 * package is optional (a dev dependency) and loaded only when asked for.
 */
import { UserError } from '../../model/errors.js';
import { SESSION_SETTINGS, type ClickHouseConnection, type QueryResult } from './clickhouse-connection.js';

interface ChdbResult {
  text(): string;
}
interface ChdbSession {
  queryAsync(sql: string, opts?: { format?: string }): Promise<ChdbResult>;
  insert(params: { table: string; values: unknown; format: string; settings?: Record<string, string | number> }): Promise<unknown>;
  close(): void;
}

/** A chdb session on `path` (a data folder, kept), or a temporary one when `path` is empty. */
export async function chdbConnection(path: string): Promise<ClickHouseConnection> {
  let mod: { Session: new (path?: string) => ChdbSession };
  try {
    mod = (await import('chdb')) as unknown as typeof mod;
  } catch {
    throw new UserError('unknown engine: chdb is not installed', 'usage', 'npm install chdb, or give --url http://HOST:8123');
  }
  const session = path ? new mod.Session(path) : new mod.Session();
  const settings = Object.entries(SESSION_SETTINGS).map(([k, v]) => `${k} = ${v}`).join(', ');
  const withSettings = (sql: string) => `${sql.trimEnd().replace(/;$/, '')}\nSETTINGS ${settings}`;
  return {
    label: `chdb:${path}`,
    async query(sql) {
      const text = (await session.queryAsync(withSettings(sql), { format: 'JSON' })).text();
      if (!text.trim()) return { meta: [], data: [] };
      const body = JSON.parse(text) as QueryResult;
      return { meta: body.meta, data: body.data };
    },
    async command(sql) {
      await session.queryAsync(sql);
    },
    async insertJsonLines(table, body, extra = {}) {
      await session.insert({ table, values: body, format: 'JSONEachRow', settings: extra });
    },
    async close() {
      session.close();
    },
  };
}
