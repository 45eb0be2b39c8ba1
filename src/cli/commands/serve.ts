import { selectCohorts, DEFAULT_COHORTS } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { createApp, startServer } from '../../present/server/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { openExisting } from '../common.js';

const HELP = `usage: talentflow serve [--db FILE] [--port N] [--host H] [--token T] [--cohorts LIST]

Serve the read-only JSON API (/api/v1/hires, /api/v1/new_grad_share, /api/v1/meta, …; the OpenAPI
document at /api/v1/openapi.json) and the dashboard at /. Binds 127.0.0.1 unless --host says
otherwise; with a token (--token or $TALENTFLOW_TOKEN) the API needs 'Authorization: Bearer T'
(open the dashboard as http://HOST:PORT/#token=T).

options:
  --port N         port (default 8080; 0 picks a free one)
  --host H         address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --token T        bearer token required on the API (default $TALENTFLOW_TOKEN, else none)
  --cohorts LIST   cohorts served (default ${DEFAULT_COHORTS})
  --min-cell K     lowest small-cell threshold a request may ask for (default 10)
  --max-rows N     most rows in one answer (default 10000)
  --timeout-ms MS  time limit per query (default 10000)
  --db FILE        database file (default ./talentflow.duckdb)

docs: docs/api.md`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    token: { type: 'string' },
    cohorts: { type: 'string' },
    'min-cell': { type: 'string' },
    'max-rows': { type: 'string' },
    'timeout-ms': { type: 'string' },
  });
  if (help) return printHelp(HELP);
  const port = intOption('port', values.port, 8080);
  if (port < 0 || port > 65535) throw new UserError(`invalid --port: ${port}`, 'usage', 'a port between 0 and 65535');
  const positive = (name: string, v: string | undefined, d: number) => {
    const n = intOption(name, v, d);
    if (n < 1) throw new UserError(`invalid --${name}: ${n}`, 'usage', `--${name} is at least 1`);
    return n;
  };
  const token = values.token ?? process.env.TALENTFLOW_TOKEN ?? undefined;
  const cohorts = selectCohorts(values.cohorts ?? DEFAULT_COHORTS);
  const store = await openExisting(values.db);
  const app = await createApp(store, {
    cohorts, token: token || undefined,
    minCell: positive('min-cell', values['min-cell'], 10), maxRows: positive('max-rows', values['max-rows'], 10_000), timeoutMs: positive('timeout-ms', values['timeout-ms'], 10_000),
  });
  const server = await startServer(app, { host: values.host, port });
  process.stdout.write(`talentflow serve: dashboard ${server.url}/${token ? '#token=…' : ''} · API ${server.url}/api/v1/ · ${token ? 'bearer token required' : 'no token'}\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  return 0;
}
