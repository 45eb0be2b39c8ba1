import { parseGroupDims, retention, selectCohorts, DEFAULT_COHORTS, DEFAULT_KS, GROUP_DIMS, type RetentionDim } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { putEstimate, printMetric, type FigureColumn, type FlatRow } from '../../present/index.js';
import { parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';
import { METRIC_HELP, METRIC_OPTIONS, parseFilters, parseStats } from '../metric-options.js';

const HELP = `usage: talentflow retention [--by DIMS] [--k 6,12,24] [--curve] [filters]

Of the hires in a window (--from/--to: hire years) by a company or cohort, the share still there
k months later: Kaplan–Meier, each hire censored at its profile's last update, with a Greenwood
95% CI. n = hires; R(k) is hidden where fewer than --min-cell hires were followed k months.

options:
  --by DIMS        year (hire year), cohort, company, band, new_grad, seniority, function,
                   occupation, exposure_quintile, metro, region, country
  --k LIST         months (default ${DEFAULT_KS.join(',')})
  --curve          the whole curve, one row per event month
${METRIC_HELP}

definitions: docs/metrics.md (retention)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { ...METRIC_OPTIONS, k: { type: 'string' }, curve: { type: 'boolean' } });
  if (help) return printHelp(HELP);
  const by: RetentionDim[] = parseGroupDims(values.by ?? '', [...GROUP_DIMS, 'year'] as const);
  const ks = (values.k ?? DEFAULT_KS.join(',')).split(',').map((s) => Number(s.trim()));
  if (ks.some((k) => !Number.isInteger(k) || k < 0)) throw new UserError(`invalid --k: ${values.k}`, 'usage', 'whole months, e.g. 6,12,24');
  const format = outputFormat(values.format);
  const stats = parseStats(values);
  const store = await openExisting(values.db);
  try {
    const result = await retention(store, { by, filters: parseFilters(values), ks, curve: values.curve, level: stats.level, minCell: stats.minCell }, selectCohorts(values.cohorts ?? DEFAULT_COHORTS));
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    let rows: FlatRow[];
    let figures: FigureColumn[];
    let dims: string[];
    if (values.curve) {
      dims = [...by, 'hires', 'month', 'at_risk'];
      figures = [{ key: 'retained', header: 'retained', kind: 'share' }];
      rows = result.rows.flatMap((r) =>
        (r.curve ?? []).map((p) => {
          const row: FlatRow = { ...(r.group as FlatRow), hires: r.hires, month: p.t, at_risk: p.at_risk };
          putEstimate(row, 'retained', p);
          return row;
        }),
      );
    } else {
      dims = [...by, 'hires', 'departures'];
      figures = ks.map((k) => ({ key: `r${k}`, header: `R(${k})`, kind: 'share' as const }));
      rows = result.rows.map((r) => {
        const row: FlatRow = { ...(r.group as FlatRow), hires: r.hires, departures: r.departures };
        for (const p of r.points) putEstimate(row, `r${p.k}`, p);
        return row;
      });
    }
    printMetric({ format, definition: result.definition, metric: 'retention', parameters: { ...result.parameters, ks, filters: result.query.filters }, notes: result.notes, dims, figures, rows });
  } finally {
    await store.close();
  }
  return 0;
}
