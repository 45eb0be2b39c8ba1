import { resolve } from 'node:path';
import { selectCohorts, DEFAULT_COHORTS } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { buildReport, writeReport } from '../../present/report/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { openExisting, today } from '../common.js';

const HELP = `usage: talentflow report --out DIR [--db FILE] [--cohorts LIST] [--from YEAR] [--to YEAR] [--base YEAR] [--min-cell K] [--pdf]

Write a self-contained HTML "State of Talent" report to DIR/index.html (inline CSS and SVG charts,
no network needed to view it), its tables as CSV under DIR/tables/, and with --pdf a PDF printed
by Chromium (/usr/bin/chromium; skipped with a message when absent).

options:
  --out DIR        output folder (created)
  --cohorts LIST   shipped cohort names and cohort files (default ${DEFAULT_COHORTS})
  --from YEAR      first year shown;  --to YEAR  last year shown (default: all)
  --base YEAR      base year of the headline change (default 2019 when in range, else the first year)
  --min-cell K     counts below K are suppressed (default 10)
  --pdf            also write DIR/report.pdf
  --now DATE       the "generated" date printed (default today, or $TALENTFLOW_NOW)
  --db FILE        database file (default ./talentflow.duckdb)

docs: docs/report.md`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    out: { type: 'string' },
    db: { type: 'string' },
    cohorts: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    base: { type: 'string' },
    'min-cell': { type: 'string' },
    pdf: { type: 'boolean' },
    now: { type: 'string' },
  });
  if (help) return printHelp(HELP);
  if (!values.out) throw new UserError('invalid --out: missing', 'usage', 'talentflow report --out DIR');
  const cohorts = selectCohorts(values.cohorts ?? DEFAULT_COHORTS);
  const year = (name: string, v: string | undefined) => (v === undefined ? undefined : intOption(name, v, 0));
  const minCell = intOption('min-cell', values['min-cell'], 10);
  if (minCell < 1) throw new UserError(`invalid --min-cell: ${minCell}`, 'usage', '--min-cell is at least 1');
  const now = values.now ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) throw new UserError(`invalid --now: ${now}`, 'usage', 'YYYY-MM-DD');
  const store = await openExisting(values.db);
  try {
    const report = await buildReport(store, { cohorts, now, from: year('from', values.from), to: year('to', values.to), base: year('base', values.base), minCell });
    const written = await writeReport(report, values.out, { pdf: values.pdf === true });
    process.stdout.write(`report: ${resolve(written.html)} (${written.tables.length} tables as CSV)\n`);
    if (written.pdf) process.stdout.write(`pdf: ${resolve(written.pdf)}\n`);
    if (written.pdfSkipped) process.stderr.write(`talentflow report: ${written.pdfSkipped}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
