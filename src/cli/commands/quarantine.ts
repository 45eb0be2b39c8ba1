import { toCsv, toJson, toTable } from '../../present/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';

const HELP = `usage: talentflow quarantine [--reason CODE] [--limit N] [--format table|json|csv] [--db FILE]

List the records that could not be read whole, with file, line, reason and detail; and a count
by reason.`;

interface QuarantineRow {
  file: string;
  line: number;
  reason: string;
  detail: string;
  raw: string | null;
}

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    reason: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
    db: { type: 'string' },
  });
  if (help) return printHelp(HELP);
  const format = outputFormat(values.format);
  const limit = intOption('limit', values.limit, format === 'table' ? 50 : 1_000_000);
  const store = await openExisting(values.db);
  try {
    const params: Record<string, unknown> = { limit };
    if (values.reason) params.reason = values.reason;
    const rows = await store.all<QuarantineRow & Record<string, unknown>>(
      `SELECT file, line, reason, detail, raw FROM quarantine ${values.reason ? 'WHERE reason = $reason' : ''}
       ORDER BY file, line LIMIT $limit`,
      params,
    );
    if (format === 'json') process.stdout.write(toJson(rows));
    else if (format === 'csv') process.stdout.write(toCsv(rows, ['file', 'line', 'reason', 'detail', 'raw']));
    else {
      const byReason = await store.all<{ reason: string; n: number }>('SELECT reason, count(*) AS n FROM quarantine GROUP BY 1 ORDER BY 2 DESC');
      process.stdout.write(
        toTable(rows, [
          { header: 'file', cell: (r) => r.file },
          { header: 'line', cell: (r) => String(r.line), align: 'right' },
          { header: 'reason', cell: (r) => r.reason },
          { header: 'detail', cell: (r) => r.detail },
        ]) + `\n${byReason.map((r) => `${r.n} ${r.reason}`).join(', ') || 'nothing quarantined'}\n`,
      );
    }
  } finally {
    await store.close();
  }
  return 0;
}
