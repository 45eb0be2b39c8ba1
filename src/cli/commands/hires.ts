import { hires, parseDims, selectCohorts, DEFAULT_COHORTS } from '../../api.js';
import { hiresTable, toCsv, toJson, toTable, type OutputFormat } from '../../present/index.js';
import { nowcastHires } from '../../snapshots/index.js';
import type { HireDim, Store } from '../../api.js';
import type { Cohort } from '../../resolve/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { parseRollup } from '../../resolve/index.js';
import { openExisting, outputFormat, pickColumns } from '../common.js';
import { HIRES_STAT_HELP, HIRES_STAT_OPTIONS, printHiresStats, wantsHiresStats } from '../hires-stats-command.js';

const HELP = `usage: talentflow hires --by DIMS [--from YEAR] [--to YEAR] [--cohorts LIST] [--format table|json|csv]

Hires grouped by DIMS, a comma list of: cohort, year, band, new_grad, company, seniority (level
1 entry … 7 senior executive), function, occupation, exposure_quintile (1 least … 5 most
AI-exposed; occupation and exposure need 'talentflow data import'), metro, country (of the
hire's position, else the profile's location). With year, each
row has its year-over-year change (yoy) against the same group's previous year.

options:
  --by DIMS        dimensions (default cohort,year)
  --from YEAR      first year reported
  --to YEAR        last year reported
  --cohorts LIST   shipped cohort names and cohort files, comma separated (default ${DEFAULT_COHORTS});
                   a hire counts in every cohort holding its company, and in 'other' when none does
  --rollup MODE    point-in-time (default: a subsidiary counts as its parent from the acquisition
                   month) or pro-forma (always); docs/companies.md
  --format F       table (default), json or csv
  --explain        print the SQL instead of running it
  --nowcast        divide recent counts by the completeness curve from snapshots (reporting lag),
                   with a 95% band; periods with a month under 90% complete are provisional
                   (columns nowcast, nowcast_lo, nowcast_hi, completeness, provisional; docs/snapshots.md)
${HIRES_STAT_HELP}
  --db FILE        database file (default ./talentflow.duckdb)

definitions: docs/definitions.md (hire, experience band, new grad, YoY)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    by: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    cohorts: { type: 'string' },
    rollup: { type: 'string' },
    format: { type: 'string' },
    explain: { type: 'boolean' },
    nowcast: { type: 'boolean' },
    db: { type: 'string' },
    ...HIRES_STAT_OPTIONS,
  });
  if (help) return printHelp(HELP);
  const by = parseDims(values.by ?? 'cohort,year');
  const format = outputFormat(values.format);
  const cohorts = selectCohorts(values.cohorts ?? DEFAULT_COHORTS, parseRollup(values.rollup));
  const from = values.from === undefined ? undefined : intOption('from', values.from, 0);
  const to = values.to === undefined ? undefined : intOption('to', values.to, 0);
  const store = await openExisting(values.db);
  try {
    if (values.nowcast && !values.explain) return await printNowcast(store, { by, from, to }, cohorts, format);
    if (wantsHiresStats(values) && !values.explain) return await printHiresStats(store, { by, from, to }, cohorts, format, values);
    const result = await hires(store, { by, from, to }, cohorts);
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    const keys = [...by, 'hires', ...(by.includes('year') ? ['yoy'] : [])];
    const rows = pickColumns(result.rows, keys);
    if (format === 'json') process.stdout.write(toJson(rows));
    else if (format === 'csv') process.stdout.write(toCsv(rows, keys));
    else process.stdout.write(hiresTable(result.rows, by));
  } finally {
    await store.close();
  }
  return 0;
}

/** `--nowcast` (issue 8): the hires keys, then the nowcast's. */
async function printNowcast(store: Store, q: { by: HireDim[]; from?: number; to?: number }, cohorts: Cohort[], format: OutputFormat): Promise<number> {
  const { rows } = await nowcastHires(store, q, cohorts);
  const keys = [...q.by, 'hires', ...(q.by.includes('year') ? ['yoy'] : []), 'nowcast', 'nowcast_lo', 'nowcast_hi', 'completeness', 'provisional'];
  const out = pickColumns(rows, keys);
  if (format === 'json') process.stdout.write(toJson(out));
  else if (format === 'csv') process.stdout.write(toCsv(out, keys));
  else process.stdout.write(toTable(out, keys.map((k) => ({ header: k, cell: (r: Record<string, unknown>) => (k === 'provisional' ? (r[k] ? 'provisional' : '') : String(r[k] ?? '')) }))));
  return 0;
}
