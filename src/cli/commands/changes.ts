import { setTimeout as sleep } from 'node:timers/promises';
import { selectCohorts } from '../../api.js';
import { CHANGE_COLUMNS, listChanges, parseKinds, type ChangeRow, type ChangesQuery } from '../../snapshots/index.js';
import { toCsv, toJson, toTable } from '../../present/index.js';
import { UserError } from '../../model/errors.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';

const HELP = `usage: talentflow changes [--since DATE] [--kind LIST] [--cohorts LIST] [--format table|json|csv] [--follow] [--db FILE]

Change events between consecutive snapshots of each person (ingest with --snapshot DATE): started
a position (move: new_employer or internal), left one, title change, location change, education
added. Each event names the snapshot it was first seen in and the dates the profile claims.

options:
  --since DATE     events first seen in snapshots on or after DATE (YYYY-MM-DD)
  --kind LIST      started, left, title_change, location_change, education_added
  --cohorts LIST   only events at companies of these cohorts (shipped names or cohort files)
  --format F       table (default), json or csv
  --follow         NDJSON, one event per line; then wait for new batches (Ctrl-C stops)
  --interval S     seconds between looks for new batches with --follow (default 5; 0 = print and exit)
  --db FILE        database file (default ./talentflow.duckdb)

docs/snapshots.md`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    since: { type: 'string' },
    kind: { type: 'string' },
    cohorts: { type: 'string' },
    format: { type: 'string' },
    follow: { type: 'boolean' },
    interval: { type: 'string' },
    db: { type: 'string' },
  });
  if (help) return printHelp(HELP);
  const query: ChangesQuery = {};
  if (values.since !== undefined) query.since = values.since;
  if (values.kind !== undefined) query.kinds = parseKinds(values.kind);
  if (values.cohorts !== undefined) query.cohorts = selectCohorts(values.cohorts);
  if (values.follow) {
    const interval = intOption('interval', values.interval, 5);
    if (interval < 0) throw new UserError(`invalid --interval: ${values.interval}`, 'usage', 'seconds ≥ 0');
    return follow(values.db, query, interval);
  }
  const format = outputFormat(values.format);
  const rows = await read(values.db, query);
  if (format === 'json') process.stdout.write(toJson(rows));
  else if (format === 'csv') process.stdout.write(toCsv(rows as unknown as Record<string, unknown>[], ['batch', ...CHANGE_COLUMNS, 'prev_snapshot']));
  else {
    process.stdout.write(
      toTable(rows, CHANGE_COLUMNS.filter((c) => c !== 'prev_title' && c !== 'prev_location').map((c) => ({ header: c, cell: (r: ChangeRow) => cellOf(r, c) }))),
    );
  }
  return 0;
}

function cellOf(r: ChangeRow, c: (typeof CHANGE_COLUMNS)[number]): string {
  if (c === 'title' && r.kind === 'title_change') return `${r.prev_title ?? ''} → ${r.title ?? ''}`;
  if (c === 'location' && r.kind === 'location_change') return `${r.prev_location ?? ''} → ${r.location ?? ''}`;
  return String(r[c] ?? '');
}

/** The database is opened per look, so an ingest (a writer) can run between looks. */
async function read(db: string | undefined, query: ChangesQuery): Promise<ChangeRow[]> {
  const store = await openExisting(db);
  try {
    return await listChanges(store, query);
  } finally {
    await store.close();
  }
}

async function follow(db: string | undefined, query: ChangesQuery, interval: number): Promise<number> {
  let after = query.afterBatch ?? 0;
  let stop = false;
  const end = () => (stop = true);
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
  process.stdout.on('error', end); // the reader went away (EPIPE)
  for (;;) {
    for (const row of await read(db, { ...query, afterBatch: after })) {
      process.stdout.write(JSON.stringify(row) + '\n');
      after = Math.max(after, row.batch);
    }
    if (interval === 0 || stop) return 0;
    await sleep(interval * 1000);
    if (stop) return 0;
  }
}
