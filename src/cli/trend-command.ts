/** The shared body of the period commands (headcount, departures): options → trend → output. */
import { parseGrain, parseGroupDims, selectCohorts, trend, DEFAULT_COHORTS, type TrendFigure } from '../api.js';
import { putEstimate, renderMetric, type FigureColumn, type FlatRow } from '../present/index.js';
import { intOption, parseCommand, printHelp } from './args.js';
import { openExisting, outputFormat } from './common.js';
import { METRIC_OPTIONS, parseFilters, parseStats } from './metric-options.js';

export interface TrendCommand {
  name: string;
  help: string;
  figures: (FigureColumn & { key: TrendFigure })[];
  /** People counts shown beside the figures: [column, people key]. */
  counts: ['hires' | 'departures' | 'headcount' | 'headcount_start', string][];
}

export async function runTrendCommand(cmd: TrendCommand, argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { ...METRIC_OPTIONS, grain: { type: 'string' }, base: { type: 'string' }, totals: { type: 'boolean' } });
  if (help) return printHelp(cmd.help);
  const by = parseGroupDims(values.by ?? '');
  const format = outputFormat(values.format);
  const filters = parseFilters(values);
  const stats = parseStats(values);
  const cohorts = selectCohorts(values.cohorts ?? DEFAULT_COHORTS);
  const base = values.base === undefined ? undefined : intOption('base', values.base, 0);
  const store = await openExisting(values.db);
  try {
    const figures = cmd.figures.filter((f) => base !== undefined || !f.key.endsWith('_vs_base'));
    const result = await trend(
      store,
      {
        by, grain: parseGrain(values.grain), base, filters, totals: values.totals === true, minCell: stats.minCell, bootstrap: stats.bootstrap,
        figures: figures.map((f) => f.key),
      },
      cohorts,
    );
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    const rows = result.rows.map((r) => {
      const row: FlatRow = {};
      for (const d of by) row[d] = r.total ? '(total)' : (r.group[d] ?? null);
      row.period = r.period;
      for (const f of figures) putEstimate(row, f.key, r.figures[f.key]);
      for (const [key, col] of cmd.counts) row[col] = r.people[key];
      return row;
    });
    const out = renderMetric({
      format,
      definition: result.definition,
      metric: cmd.name,
      parameters: { ...result.parameters, grain: result.query.grain, from: result.query.from, to: result.query.to, base: base ?? null, filters },
      notes: result.notes,
      dims: [...by, 'period', ...cmd.counts.map(([, c]) => c)],
      figures,
      rows,
    });
    process.stdout.write(out.stdout);
    if (out.stderr) process.stderr.write(out.stderr);
  } finally {
    await store.close();
  }
  return 0;
}
