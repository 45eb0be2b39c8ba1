import { ingestFiles, openDatabase, type IngestSummary } from '../../api.js';
import { FORMAT_NAMES, type FormatName } from '../../sources/index.js';
import { UserError } from '../../model/errors.js';
import { parseCommand, printHelp } from '../args.js';
import { dbPath, progress, progressDone, today } from '../common.js';
import { count } from '../../present/index.js';

const HELP = `usage: talentflow ingest PATH... [--db FILE] [--format FORMAT] [--cohorts FILE]... [--json]

Read career-history files or folders into the database, then derive hires. Records that cannot
be read whole are quarantined with file, line and reason (see 'talentflow quarantine').
Re-ingesting a path replaces what it contributed before.

options:
  --db FILE        database file (default ./talentflow.duckdb, or $TALENTFLOW_DB)
  --format FORMAT  auto (default) or one of: ${FORMAT_NAMES.join(', ')}
  --cohorts FILE   a cohort file whose companies join the registry used to resolve employers
  --as-of DATE     as-of date (YYYY-MM-DD) for profiles without an update date (default today)
  --json           print one JSON summary object`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      db: { type: 'string' },
      format: { type: 'string' },
      cohorts: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (help) return printHelp(HELP);
  if (positionals.length === 0) throw new UserError('missing input: give one or more files or folders', 'usage', 'see --help');
  const format = (values.format ?? 'auto') as FormatName | 'auto';
  const show = !values.json && process.stderr.isTTY === true;
  const store = await openDatabase(dbPath(values.db));
  try {
    const summary = await ingestFiles(store, positionals, {
      format,
      cohortFiles: values.cohorts ?? [],
      now: values['as-of'] ?? today(),
      progress: progress(show),
    });
    progressDone(show);
    process.stdout.write(values.json ? JSON.stringify(jsonSummary(summary)) + '\n' : textSummary(summary));
  } finally {
    await store.close();
  }
  return 0;
}

/** The promised keys first; `people`, `positions`, `educations`, `duplicates_merged` are database totals. */
function jsonSummary(s: IngestSummary) {
  return {
    records_read: s.records_read,
    accepted: s.accepted,
    quarantined: s.quarantined,
    blank_lines: s.blank_lines,
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
      (s.blank_lines ? `, ${count(s.blank_lines)} blank lines skipped` : ''),
    `database: ${count(d.people)} people (${count(d.duplicates_merged)} duplicate records merged), ${count(d.positions)} positions, ` +
      `${count(d.educations)} educations, ${count(d.hires)} hires; ${count(d.quarantined)} quarantined in all`,
    '',
  ].join('\n');
}
