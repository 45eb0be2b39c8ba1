import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { selectCohorts, DEFAULT_COHORTS, type Store } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { toCsv } from '../../present/index.js';
import { metricEntry, METRICS, parseParams, runMetric, type MetricResult } from '../../present/registry/index.js';
import { parseCommand, printHelp, type Options } from '../args.js';
import { openExisting } from '../common.js';

const HELP = `usage: talentflow export --metric M --out FILE.csv|FILE.parquet [metric options] [--cohorts LIST] [--db FILE]

Write one metric's table to CSV or Parquet (Parquet through DuckDB's COPY). The metric options
are the metric's parameters as flags (underscores as dashes), e.g.
  talentflow export --metric hires --by cohort,year,band --from 2019 --min-cell 10 --out hires.parquet

metrics:
${METRICS.map((m) => `  ${m.name.padEnd(20)}${m.params.length ? m.params.map((p) => `--${p.name.replaceAll('_', '-')}`).join(' ') : '(no options)'}`).join('\n')}

options:
  --cohorts LIST   shipped cohort names and cohort files (default ${DEFAULT_COHORTS})
  --db FILE        database file (default ./talentflow.duckdb)

docs: docs/api.md (parameters of each metric)`;

/** The value of `--metric` before the metric's own options are known. */
function metricName(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--metric' || a.startsWith('--metric='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--metric='.length) : argv[i + 1];
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return printHelp(HELP);
  const name = metricName(argv);
  if (!name) throw new UserError('invalid --metric: missing', 'usage', `metrics: ${METRICS.map((m) => m.name).join(', ')}`);
  const entry = metricEntry(name);
  const own: Options = Object.fromEntries(entry.params.filter((p) => p.name !== 'cohorts').map((p) => [p.name.replaceAll('_', '-'), { type: 'string' }]));
  const { values } = parseCommand(argv, { metric: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' }, cohorts: { type: 'string' }, ...own });
  const out = values.out as string | undefined;
  if (!out) throw new UserError('invalid --out: missing', 'usage', '--out FILE.csv or FILE.parquet');
  const ext = extname(out).toLowerCase();
  if (ext !== '.csv' && ext !== '.parquet') throw new UserError(`invalid --out: ${out}`, 'usage', 'the file name ends in .csv or .parquet');
  const cohorts = selectCohorts((values.cohorts as string | undefined) ?? DEFAULT_COHORTS);
  const raw: Record<string, string | undefined> = {};
  for (const p of entry.params) {
    if (p.name === 'cohorts') continue;
    const v = (values as Record<string, unknown>)[p.name.replaceAll('_', '-')];
    if (typeof v === 'string') raw[p.name] = v;
  }
  try {
    parseParams(entry, raw, { cohorts });
  } catch (e) {
    // a bad metric option is a usage error here, named as the flag the user typed
    if (e instanceof UserError && e.code === 'invalid_parameter') {
      const flag = `--${(e.place?.field ?? '').replaceAll('_', '-')}`;
      throw new UserError(e.message.replace(/^invalid \w+:/, `invalid ${flag}:`), 'usage', e.hint);
    }
    throw e;
  }
  const store = await openExisting(values.db as string | undefined);
  try {
    const result = await runMetric(store, entry, raw, { cohorts });
    if (ext === '.csv') {
      writeFileSync(out, toCsv(result.rows, result.columns.map((c) => c.name)));
    } else {
      await writeParquet(store, result, resolve(out));
    }
    process.stdout.write(`${result.rows.length} rows of ${entry.name} → ${out}\n`);
    for (const n of result.notes) process.stderr.write(`note: ${n}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

const SQL_TYPE = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;

/** Load the rows into a temporary table with the columns' types, then COPY it to Parquet. */
async function writeParquet(store: Store, result: MetricResult, path: string): Promise<void> {
  const d = store.dialect;
  const table = 'tf_export';
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table} (${result.columns.map((c) => `${d.ident(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`);
  try {
    await store.append(table, result.columns.map((c) => c.name), result.rows.map((r) => result.columns.map((c) => {
      const v = r[c.name] ?? null;
      return c.type === 'number' && typeof v === 'number' && Number.isInteger(v) ? v + 0.0 : v;
    })));
    await store.run(`COPY ${table} TO ${d.literal(path)} (FORMAT parquet)`);
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
