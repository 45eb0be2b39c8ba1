/**
 * The HTTP application (Hono): the JSON API under `/api/v1/` and the dashboard at `/`, over one
 * open store. Read-only: GET and HEAD only, no route writes, and request text reaches the engine
 * only as validated, typed parameters of registered metrics (never as SQL). Limits: result rows
 * (`limit`, at most `maxRows`), query time (`timeoutMs`), query-string length. With a token, every
 * `/api/v1/` route but `openapi.json` (and the dashboard's chart route) needs
 * `Authorization: Bearer <token>`.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Store } from '../../engines/engine.js';
import { isUserError, UserError } from '../../model/errors.js';
import { ensureCohortMembers } from '../../metrics/cohort-members.js';
import { dataAsOf, describeData, METRICS, runMetric, DEFAULT_MIN_CELL, type MetricContext, type MetricEntry, type MetricResult } from '../registry/index.js';
import { dashboardAssets, dashboardChart } from '../dashboard/index.js';
import type { Cohort } from '../../resolve/index.js';
import { openApiDocument } from './openapi.js';
import { QueryGate, QueryTimeout, QueueFull } from './query-gate.js';

export interface ServerOptions {
  cohorts: readonly Cohort[];
  /** Bearer token required on the API; none = open (bind to 127.0.0.1 then). */
  token?: string;
  /** Most rows one answer may hold (default 10,000). */
  maxRows?: number;
  /** Time limit per query in ms (default 10,000). */
  timeoutMs?: number;
  /** Lowest small-cell threshold a request may ask for (default 10). */
  minCell?: number;
  /** Logs server errors (default: stderr). */
  log?: (message: string) => void;
}

const MAX_QUERY_CHARS = 2000;

interface ApiError {
  status: 400 | 401 | 404 | 405 | 414 | 500 | 503;
  code: string;
  message: string;
  parameter?: string;
  hint?: string;
}

function errorJson(c: Context, e: ApiError) {
  const { status, ...error } = e;
  return c.json({ error }, status);
}

/** Map any failure to an API error; bugs become a 500 without internals. */
function toApiError(e: unknown, log: (m: string) => void): ApiError {
  if (e instanceof QueryTimeout) return { status: 503, code: 'timeout', message: e.message, hint: 'narrow the query (fewer dimensions or years)' };
  if (e instanceof QueueFull) return { status: 503, code: 'busy', message: e.message, hint: 'retry shortly' };
  if (isUserError(e)) {
    const status = e.code === 'unknown_metric' ? 404 : 400;
    return { status, code: e.code, message: e.message, ...(e.place?.field ? { parameter: e.place.field } : {}), ...(e.hint ? { hint: e.hint } : {}) };
  }
  log(`talentflow serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { status: 500, code: 'internal', message: 'internal error' };
}

/** Query parameters as text; a repeated name is joined with commas (`band=1&band=2-5` = `band=1,2-5`). */
function rawParams(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) out[key] = url.searchParams.getAll(key).join(',');
  return out;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Build the app. Cohort membership is computed here, once, so that no request writes to the
 * database.
 */
export async function createApp(store: Store, options: ServerOptions): Promise<Hono> {
  const log = options.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const maxRows = options.maxRows ?? 10_000;
  const ctx: MetricContext = { cohorts: options.cohorts, minCellFloor: options.minCell ?? DEFAULT_MIN_CELL };
  const gate = new QueryGate(options.timeoutMs ?? 10_000);
  await ensureCohortMembers(store, options.cohorts);
  // metrics that build helper tables on first use build them now, so that no request writes
  for (const entry of METRICS) {
    try {
      await runMetric(store, entry, {}, ctx);
    } catch (e) {
      log(`talentflow serve: ${entry.name} is unavailable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  const asOf = (await dataAsOf(store)).label;
  const openapi = openApiDocument(ctx, { maxRows, token: Boolean(options.token) });

  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return errorJson(c, { status: 405, code: 'method_not_allowed', message: `invalid method: ${c.req.method}`, hint: 'the API is read-only: GET only' });
    if (new URL(c.req.url).search.length > MAX_QUERY_CHARS) return errorJson(c, { status: 414, code: 'query_too_long', message: 'invalid query: longer than 2000 characters' });
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
  });
  const guard = async (c: Context, next: () => Promise<void>) => {
    if (!options.token) return next();
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !sameSecret(m[1]!.trim(), options.token)) {
      c.header('WWW-Authenticate', 'Bearer realm="talentflow"');
      return errorJson(c, { status: 401, code: 'unauthorized', message: m ? 'invalid token' : 'missing bearer token', hint: 'send Authorization: Bearer <token>' });
    }
    return next();
  };

  app.get('/api/v1/openapi.json', (c) => c.json(openapi));
  app.use('/api/*', guard);
  app.use('/dashboard/chart/*', guard);

  app.get('/api/v1/meta', async (c) => {
    try {
      return c.json(await gate.run(() => describeData(store, ctx)));
    } catch (e) {
      return errorJson(c, toApiError(e, log));
    }
  });

  const run = async (entry: MetricEntry, raw: Record<string, string>): Promise<{ result: MetricResult; limit: number }> => {
    const { limit: limitText, ...params } = raw;
    let limit = maxRows;
    if (limitText !== undefined) {
      limit = Number(limitText);
      if (!/^\d{1,9}$/.test(limitText) || limit < 1 || limit > maxRows) {
        throw new UserError(`invalid limit: ${limitText}`, 'invalid_parameter', `limit is between 1 and ${maxRows}`, { field: 'limit' });
      }
    }
    return { result: await gate.run(() => runMetric(store, entry, params, ctx)), limit };
  };

  for (const entry of METRICS) {
    app.get(`/api/v1/${entry.name}`, async (c) => {
      try {
        const { result, limit } = await run(entry, rawParams(new URL(c.req.url)));
        const truncated = result.rows.length > limit;
        return c.json({ ...result, rows: truncated ? result.rows.slice(0, limit) : result.rows, row_count: result.rows.length, truncated });
      } catch (e) {
        return errorJson(c, toApiError(e, log));
      }
    });
  }
  app.get('/dashboard/chart/:file', async (c) => {
    const name = c.req.param('file').replace(/\.svg$/, '');
    const entry = METRICS.find((m) => m.name === name);
    if (!entry) return errorJson(c, { status: 404, code: 'unknown_metric', message: `unknown metric: ${name}` });
    try {
      const { result } = await run(entry, rawParams(new URL(c.req.url)));
      const svg = await dashboardChart(result, ctx, asOf);
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
    } catch (e) {
      return errorJson(c, toApiError(e, log));
    }
  });
  for (const asset of dashboardAssets()) {
    app.get(asset.path, (c) => c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache' }));
  }
  app.notFound((c) => errorJson(c, { status: 404, code: 'not_found', message: `unknown path: ${new URL(c.req.url).pathname}`, hint: 'see /api/v1/openapi.json' }));
  return app;
}
