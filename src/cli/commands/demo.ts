/**
 * `talentflow demo`: the newcomer's first minute. Generates the default synthetic world, ingests
 * it into an embedded database, prints the headline table and says where everything is.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { headline } from '../../metrics/headline.js';
import { headlineTable } from '../../present/headline-table.js';
import { generateWorld } from '../../synth/index.js';
import { availableParallelism } from 'node:os';
import { DEFAULT_MIN_CELL, ingestFiles, openDatabase, selectCohorts } from '../../api.js';
import { count } from '../../present/index.js';
import { buildReport, writeReport } from '../../present/report/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { progress, progressDone } from '../common.js';

const HELP = `usage: talentflow demo [--out DIR] [--people N] [--seed S]

Generate a synthetic labour market (the default scenario plants SignalFire's 2025 headline),
ingest it into an embedded DuckDB database, print new-grad and 2–5-year hires by cohort,
2019–2025, with year-over-year change, and write the HTML report.

options:
  --out DIR     where the world and the database go (default ./talentflow-demo)
  --people N    people in the world (default 200000)
  --seed S      random seed (default 1)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { out: { type: 'string' }, people: { type: 'string' }, seed: { type: 'string' } });
  if (help) return printHelp(HELP);
  const out = resolve(values.out ?? 'talentflow-demo');
  const people = intOption('people', values.people, 200_000);
  const world = join(out, 'world');
  const dbFile = join(out, 'talentflow.duckdb');
  const say = progress();
  const started = performance.now();

  await rm(world, { recursive: true, force: true });
  await rm(dbFile, { force: true });
  await mkdir(out, { recursive: true });
  const summary = await generateWorld({
    people,
    seed: intOption('seed', values.seed, 1),
    out: world,
    onProgress: (done, total) => say(`generating the world ${bar(done / total)} ${count(done)}/${count(total)} people`),
  });
  const generated = performance.now();

  const store = await openDatabase(dbFile);
  try {
    const ingest = await ingestFiles(store, summary.files, {
      format: 'pdl',
      cohortFiles: [summary.cohorts_file],
      now: summary.snapshot_date,
      workers: availableParallelism(),
      progress: (m) => say(m),
    });
    const cohorts = selectCohorts(`bigtech15,${summary.cohorts_file}`);
    const cells = await headline(store, cohorts, { from: 2019, to: 2025, minCell: DEFAULT_MIN_CELL });
    say('writing the report');
    // the report's headline is the same metric at the same k: its figures are the table's
    const report = await writeReport(await buildReport(store, { cohorts, now: summary.snapshot_date, from: 2015, minCell: DEFAULT_MIN_CELL }), join(out, 'report'));
    progressDone();
    const secs = (t: number) => `${((t - started) / 1000).toFixed(1)} s`;
    const lines = [
      `talentflow demo — a synthetic world of ${count(people)} people (scenario ${summary.scenario}, seed ${summary.seed})`,
      '',
      'Hires by cohort: new grads and people with 2–5 years of experience (count, then change vs the year before)',
      '',
      headlineTable(cells),
      `${count(ingest.records_read)} records read, ${count(ingest.accepted)} accepted, ${count(ingest.quarantined)} quarantined; ` +
        `${count(ingest.database.people)} people after merging ${count(ingest.database.duplicates_merged)} duplicates; ` +
        `${count(ingest.database.hires)} hires.`,
      `2025 is partial (the world is observed on ${summary.snapshot_date}). Definitions: docs/definitions.md.`,
      '',
      `report (HTML, tables as CSV)                 ${report.html}`,
      `world (PDL JSONL, truth.json, cohorts.yaml)  ${world}`,
      `database                                     ${dbFile}`,
      `generated in ${secs(generated)}, all done in ${secs(performance.now())}`,
      '',
      'next:',
      `  npx talentflow hires --db ${dbFile} --by cohort,year,band --cohorts bigtech15,${summary.cohorts_file}`,
      `  npx talentflow quarantine --db ${dbFile}`,
      `  npx talentflow serve --db ${dbFile} --cohorts bigtech15,${summary.cohorts_file}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await store.close();
  }
  return 0;
}

function bar(fraction: number, width = 24): string {
  const f = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(f)}${'.'.repeat(width - f)}]`;
}
