import { availableParallelism } from 'node:os';
import { ingestFiles, ingestToClickHouse, openDatabase, parseShard, type IngestSummary } from '../../api.js';
import { FORMAT_NAMES, type FormatName } from '../../sources/index.js';
import { UserError } from '../../model/errors.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { dbPath, engineName, openClickHouseFromFlags, progress, progressDone, today } from '../common.js';
import { count } from '../../present/index.js';
import { listChanges, postChanges } from '../../snapshots/index.js';

const HELP = `usage: talentflow ingest PATH... [--db FILE] [--format FORMAT] [--cohorts FILE]... [--json]
       talentflow ingest PATH... --engine clickhouse --url URL [--snapshot DATE --state FILE [--webhook URL]]

Read career-history files or folders into the database, then derive hires. Records that cannot
be read whole are quarantined with file, line and reason (see 'talentflow quarantine').
Re-ingesting a path replaces what it contributed before.

options:
  --db FILE        database file (default ./talentflow.duckdb, or $TALENTFLOW_DB)
  --format FORMAT  auto (default) or one of: ${FORMAT_NAMES.join(', ')}
  --cohorts FILE   a cohort file whose companies join the registry used to resolve employers
                   (recorded: 'data import companies' re-derives with it too)
  --as-of DATE     as-of date (YYYY-MM-DD) for profiles without an update date (default today)
  --json           print one JSON summary object
  --snapshot DATE  these files are the snapshot of DATE (YYYY-MM-DD): history is kept across
                   snapshots and change events are recorded (docs/snapshots.md, 'talentflow changes')
  --webhook URL    POST each batch of new change events as JSON to URL after the ingest
  --workers N      inputs read at once on this machine (default: the cores; 1 with
                   --snapshot); the same result as one reader
  --engine E       duckdb (default) or clickhouse: derive here, ship the facts to ClickHouse
  --url URL        ClickHouse HTTP URL (http://HOST:8123[/db]; a comma list: the query node
                   first, then every shard), or chdb:PATH (in-process)
  --cluster NAME   shard the fact tables over this remote_servers cluster
  --shard I/N      take every N-th input from the I-th (0-based): run N of these, on any
                   machines, against one cluster (docs/engines.md says what it guarantees)
  --reset          drop the ClickHouse tables first
  --state FILE     with --engine clickhouse --snapshot: the worker's database, kept between
                   snapshots (required), so a later snapshot derives and ships only what changed`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      db: { type: 'string' },
      format: { type: 'string' },
      cohorts: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      reset: { type: 'boolean' },
      snapshot: { type: 'string' },
      webhook: { type: 'string' },
      state: { type: 'string' },
    },
    true,
  );
  if (help) return printHelp(HELP);
  if (positionals.length === 0) throw new UserError('missing input: give one or more files or folders', 'usage', 'see --help');
  const format = (values.format ?? 'auto') as FormatName | 'auto';
  const show = !values.json && process.stderr.isTTY === true;
  const workers = intOption('workers', values.workers, values.snapshot ? 1 : availableParallelism());
  if (workers < 1) throw new UserError(`invalid --workers: ${values.workers}`, 'usage', 'a whole number ≥ 1');
  const common = { format, cohortFiles: values.cohorts ?? [], now: values['as-of'] ?? today(), progress: progress(show) };
  if (engineName() === 'clickhouse') {
    if (values.snapshot && !values.state) {
      throw new UserError('missing --state: --snapshot on ClickHouse keeps the worker\'s database between snapshots', 'usage', 'e.g. --state ingest-state.duckdb (docs/snapshots.md)');
    }
    if ((values.state || values.webhook) && !values.snapshot) throw new UserError('invalid option: --state and --webhook go with --snapshot DATE', 'usage');
    const sink = await openClickHouseFromFlags();
    try {
      const summary = await ingestToClickHouse(sink, positionals, {
        ...common, workers, shard: values.shard ? parseShard(values.shard) : undefined, reset: values.reset,
        ...(values.snapshot ? { snapshot: values.snapshot, localDb: values.state } : {}),
      });
      progressDone(show);
      // the new events as on DuckDB, read from the worker's state (the sink holds the same rows)
      const posted = values.webhook && summary.changes && summary.changes.added > 0
        ? await postFrom(values.state!, values.webhook, summary.changes.batch)
        : undefined;
      const json = {
        ...jsonSummary(summary), ...(summary.changes ? { changes: summary.changes } : {}), ...(posted ? { webhook: posted } : {}),
        inputs: summary.inputs, ship: summary.ship, shipped: summary.shipped, duplicate_people: summary.duplicate_people,
      };
      process.stdout.write(values.json ? JSON.stringify(json) + '\n' : textSummary(summary));
      if (summary.duplicate_people > 0) {
        process.stderr.write(
          `warning: ClickHouse now holds ${count(summary.duplicate_people)} people more than once (a person in two shares, or a share ingested twice): ` +
            'their figures count twice; ingest again with --reset, each person\'s records in one share (docs/engines.md)\n',
        );
      }
    } finally {
      await sink.close();
    }
    return 0;
  }
  if (values.shard || values.reset) throw new UserError('invalid option: --shard and --reset are for --engine clickhouse', 'usage');
  if (values.snapshot && workers > 1) throw new UserError('invalid option: --snapshot takes one reader (no --workers)', 'usage');
  const store = await openDatabase(dbPath(values.db));
  try {
    const summary = await ingestFiles(store, positionals, { ...common, workers, ...(values.snapshot ? { snapshot: values.snapshot } : {}) });
    progressDone(show);
    const posted = values.webhook && summary.changes && summary.changes.added > 0
      ? await postChanges(values.webhook, summary.changes.batch, await listChanges(store, { afterBatch: summary.changes.batch - 1 }))
      : undefined;
    const json = { ...jsonSummary(summary), ...(summary.changes ? { changes: summary.changes } : {}), ...(posted ? { webhook: posted } : {}) };
    process.stdout.write(values.json ? JSON.stringify(json) + '\n' : textSummary(summary));
  } finally {
    await store.close();
  }
  return 0;
}

/** POST the events of `batch` and later from a worker's state database. */
async function postFrom(state: string, url: string, batch: number) {
  const store = await openDatabase(state);
  try {
    return await postChanges(url, batch, await listChanges(store, { afterBatch: batch - 1 }));
  } finally {
    await store.close();
  }
}

/** The promised keys first; `people`, `positions`, `educations`, `duplicates_merged` are database totals. */
function jsonSummary(s: IngestSummary) {
  return {
    records_read: s.records_read,
    accepted: s.accepted,
    quarantined: s.quarantined,
    blank_lines: s.blank_lines,
    repeated: s.repeated,
    reasons: s.reasons,
    people: s.database.people,
    positions: s.database.positions,
    educations: s.database.educations,
    duplicates_merged: s.database.duplicates_merged,
    hires: s.database.hires,
    database: s.database,
    files: s.files,
    distinct: s.derive,
  };
}

function textSummary(s: IngestSummary): string {
  const reasons = Object.entries(s.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${count(n)} ${r.replaceAll('_', ' ')}`)
    .join(', ');
  const d = s.database;
  return [
    `${count(s.records_read)} records read, ${count(s.accepted)} accepted, ${count(s.quarantined)} quarantined${reasons ? ` (${reasons})` : ''}` +
      (s.blank_lines ? `, ${count(s.blank_lines)} blank lines skipped` : '') +
      (s.repeated ? `; ${count(s.repeated)} unchanged since the last snapshot (not parsed again)` : ''),
    `database: ${count(d.people)} people (${count(d.duplicates_merged)} duplicate records merged), ${count(d.positions)} positions, ` +
      `${count(d.educations)} educations, ${count(d.hires)} hires; ${count(d.quarantined)} quarantined in all`,
    ...(s.changes ? [`changes: ${count(s.changes.added)} new events${s.changes.removed ? `, ${count(s.changes.removed)} withdrawn` : ''} ('talentflow changes')`] : []),
    '',
  ].join('\n');
}
