import { geography, parseGrain, selectCohorts, DEFAULT_COHORTS, type PlaceLevel } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { putEstimate, printMetric, type FlatRow } from '../../present/index.js';
import { parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';
import { METRIC_HELP, METRIC_OPTIONS, parseFilters, parseStats } from '../metric-options.js';

const HELP = `usage: talentflow geography [--level metro|region|country] [--grain G] [filters]

Headcount by place at each period's end, its change, and net migration: people whose place at
the period's end differs from their (known) place at the previous period's end, arrivals minus
leavers. Places are normalized once per distinct string ("San Francisco Bay Area", "Greater
London", "sydney, new south wales, australia"). Bootstrap CIs over people; small cells hidden.

options:
  --level L        metro (default), region or country
  --grain G        year (default), quarter or month
${METRIC_HELP}

definitions: docs/metrics.md (geography)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { ...METRIC_OPTIONS, level: { type: 'string' }, grain: { type: 'string' } });
  if (help) return printHelp(HELP);
  const level = (values.level ?? 'metro') as PlaceLevel;
  if (!['metro', 'region', 'country'].includes(level)) throw new UserError(`invalid --level: ${values.level}`, 'usage', 'metro, region or country');
  const format = outputFormat(values.format);
  const stats = parseStats(values);
  const store = await openExisting(values.db);
  try {
    const result = await geography(store, { level, grain: parseGrain(values.grain), filters: parseFilters(values), minCell: stats.minCell, bootstrap: stats.bootstrap }, selectCohorts(values.cohorts ?? DEFAULT_COHORTS));
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    const keys = ['headcount', 'headcount_change', 'arrivals', 'leavers', 'net_migration'] as const;
    const rows = result.rows.map((r) => {
      const row: FlatRow = { [level]: r.place, period: r.period };
      for (const k of keys) putEstimate(row, k, r[k]);
      return row;
    });
    printMetric({
      format, definition: result.definition, metric: 'geography', parameters: { ...result.parameters, place_level: level, grain: result.query.grain, filters: result.query.filters }, notes: result.notes,
      dims: [level, 'period'],
      figures: [
        { key: 'headcount', header: 'headcount', kind: 'count' },
        { key: 'headcount_change', header: 'change', kind: 'change' },
        { key: 'arrivals', header: 'arrivals', kind: 'count' },
        { key: 'leavers', header: 'leavers', kind: 'count' },
        { key: 'net_migration', header: 'net migration', kind: 'count' },
      ],
      rows,
    });
  } finally {
    await store.close();
  }
  return 0;
}
