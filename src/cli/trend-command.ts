/**
 * The shared body of the period commands (headcount, departures): options → trend → output.
 * Each row shows its group, period and `n_start` (people at the period's start) beside the figures.
 */
import { parseGrain, parseGroupDims, selectCohorts, trend, DEFAULT_COHORTS, type TrendFigure } from '../api.js';
import { buildWeights, readOfficialTotals, weightingNote } from '../metrics/weights.js';
import { WEIGHTED_FIGURES } from '../metrics/trend.js';
import { putEstimate, printMetric, type FigureColumn, type FlatRow } from '../present/index.js';
import { intOption, parseCommand, printHelp } from './args.js';
import { openExisting, outputFormat } from './common.js';
import { BY_HELP, METRIC_HELP, METRIC_OPTIONS, parseFilters, parseStats } from './metric-options.js';

/** The options block of a period command's help. */
export const TREND_HELP = `options:
${BY_HELP}
  --grain G        year (default), quarter or month
  --base YEAR      also show change against this year
  --totals         add a total row per period (complementary suppression applies)
  --weights FILE   official totals by SOC major group (BLS OEWS national CSV, or group,total):
                   weighted figures beside the unweighted, post-stratified by current title
${METRIC_HELP}`;

export interface TrendCommand {
  name: string;
  help: string;
  figures: (FigureColumn & { key: TrendFigure })[];
}

export async function runTrendCommand(cmd: TrendCommand, argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { ...METRIC_OPTIONS, grain: { type: 'string' }, base: { type: 'string' }, totals: { type: 'boolean' }, weights: { type: 'string' } });
  if (help) return printHelp(cmd.help);
  const by = parseGroupDims(values.by ?? '');
  const format = outputFormat(values.format);
  const filters = parseFilters(values);
  const stats = parseStats(values);
  const cohorts = selectCohorts(values.cohorts ?? DEFAULT_COHORTS);
  const base = values.base === undefined ? undefined : intOption('base', values.base, 0);
  const totals = values.weights === undefined ? undefined : readOfficialTotals(values.weights);
  const store = await openExisting(values.db);
  try {
    const weighting = totals ? await buildWeights(store, totals) : undefined;
    const figures = cmd.figures.filter((f) => base !== undefined || !f.key.endsWith('_vs_base'));
    const result = await trend(
      store,
      {
        by, grain: parseGrain(values.grain), base, filters, totals: values.totals === true, minCell: stats.minCell, bootstrap: stats.bootstrap,
        figures: figures.map((f) => f.key),
        ...(weighting ? { weights: weighting.spec } : {}),
      },
      cohorts,
    );
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    // weighted figures sit beside their unweighted twins: `hires`, `hires_weighted`
    const weightedOf = new Set<string>(WEIGHTED_FIGURES);
    const columns = figures.flatMap((f) => (weighting && weightedOf.has(f.key) ? [f, { ...f, key: `${f.key}_weighted`, header: `${f.header} (w)` }] : [f]));
    const rows = result.rows.map((r) => {
      const row: FlatRow = {};
      for (const d of by) row[d] = r.total ? '(total)' : (r.group[d] ?? null);
      row.period = r.period;
      for (const f of figures) {
        putEstimate(row, f.key, r.figures[f.key]);
        const w = r.weighted?.[f.key];
        if (weighting && weightedOf.has(f.key)) putEstimate(row, `${f.key}_weighted`, w ?? { value: null, lo: null, hi: null });
      }
      row.n_start = r.people.headcount_start;
      return row;
    });
    printMetric({
      format,
      definition: result.definition,
      metric: cmd.name,
      parameters: {
        ...result.parameters, grain: result.query.grain, from: result.query.from, to: result.query.to, base: base ?? null, filters,
        ...(weighting ? { weights: { file: values.weights, by: 'soc_major', trim: weighting.stratification.trim, strata: weighting.stratification.strata } } : {}),
      },
      notes: weighting ? [...result.notes, weightingNote(weighting.stratification)] : result.notes,
      dims: [...by, 'period', 'n_start'],
      figures: columns,
      rows,
    });
  } finally {
    await store.close();
  }
  return 0;
}
