import { parseGroupDims, selectCohorts, tenure, DEFAULT_COHORTS, TENURE_BUCKETS } from '../../api.js';
import { putEstimate, printMetric, type FigureColumn, type FlatRow } from '../../present/index.js';
import { parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';
import { BY_HELP, METRIC_HELP, METRIC_OPTIONS, parseFilters, parseStats } from '../metric-options.js';

const HELP = `usage: talentflow tenure [--by DIMS] [filters]

The length in months of employment spells that began in --from … --to, completed (a departure)
and ongoing (to the profile's last update): mean, median (order-statistic CI), quartiles, and
the share in each bucket (Wilson CIs). For "how long do hires stay", use retention: it accounts
for the ongoing ones.

options:
${BY_HELP}
${METRIC_HELP}

definitions: docs/metrics.md (tenure)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, METRIC_OPTIONS);
  if (help) return printHelp(HELP);
  const by = parseGroupDims(values.by ?? '');
  const format = outputFormat(values.format);
  const stats = parseStats(values);
  const store = await openExisting(values.db);
  try {
    const result = await tenure(store, { by, filters: parseFilters(values), level: stats.level, minCell: stats.minCell }, selectCohorts(values.cohorts ?? DEFAULT_COHORTS));
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    const figures: FigureColumn[] = [
      { key: 'median', header: 'median months', kind: 'months' },
      { key: 'mean', header: 'mean', kind: 'months' },
      ...TENURE_BUCKETS.map(([b]) => ({ key: `share_${b}`, header: b, kind: 'share' as const })),
    ];
    const rows = result.rows.map((r) => {
      const row: FlatRow = { ...(r.group as FlatRow), status: r.status, stints: r.stints, p25: r.p25, p75: r.p75 };
      putEstimate(row, 'median', r.median);
      putEstimate(row, 'mean', { value: r.mean, lo: null, hi: null });
      for (const b of r.buckets) putEstimate(row, `share_${b.bucket}`, b.share);
      return row;
    });
    printMetric({ format, definition: result.definition, metric: 'tenure', parameters: { ...result.parameters, filters: result.query.filters }, notes: result.notes, dims: [...by, 'status', 'stints', 'p25', 'p75'], figures, rows });
  } finally {
    await store.close();
  }
  return 0;
}
