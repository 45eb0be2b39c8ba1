/** Listen on a host and port with Node's HTTP server (via @hono/node-server). */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Start serving `app`; port 0 picks a free port. Binds 127.0.0.1 unless told otherwise. */
export function startServer(app: Hono, o: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const hostname = o.host ?? '127.0.0.1';
  return new Promise((ok, fail) => {
    const server = serve({ fetch: app.fetch, hostname, port: o.port ?? 8080 }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      ok({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', fail);
  });
}
