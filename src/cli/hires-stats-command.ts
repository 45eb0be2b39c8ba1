/**
 * `talentflow hires` with `--ci`, `--bootstrap`, `--seed` or `--min-cell`: the hires rows with
 * a bootstrap CI for each count and YoY change, small groups suppressed, and the notes. The
 * plain keys stay as they are; the interval keys and `people` are added after them.
 */
import type { Cohort } from '../resolve/index.js';
import type { HireDim, Store } from '../api.js';
import { hiresWithStats } from '../metrics/hires-stats.js';
import { renderMetric, toCsv, toJson, type FigureColumn, type FlatRow, type OutputFormat } from '../present/index.js';
import { pickColumns } from './common.js';
import { parseStats } from './metric-options.js';

export const HIRES_STAT_OPTIONS = {
  ci: { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  'min-cell': { type: 'string' },
} as const;

export const HIRES_STAT_HELP = `  --ci LEVEL       add bootstrap intervals over people at this coverage (e.g. 0.95) for hires
                   and yoy (columns hires_lo, hires_hi, yoy_lo, yoy_hi, people)
  --bootstrap B    replicates (default 200), --seed N (default 1); either turns the intervals on
  --min-cell K     hide groups of fewer than K hired people, and changes against them (default 10
                   once intervals are on); a note says how many`;

type StatValues = Partial<Record<keyof typeof HIRES_STAT_OPTIONS, string>>;

/** Whether the command was asked for statistics. */
export function wantsHiresStats(v: StatValues): boolean {
  return v.ci !== undefined || v.bootstrap !== undefined || v.seed !== undefined || v['min-cell'] !== undefined;
}

export async function printHiresStats(store: Store, q: { by: HireDim[]; from?: number; to?: number }, cohorts: readonly Cohort[], format: OutputFormat, v: StatValues): Promise<number> {
  const stats = parseStats(v);
  const result = await hiresWithStats(store, q, cohorts, { minCell: stats.minCell, bootstrap: stats.bootstrap });
  const byYear = q.by.includes('year');
  const keys = [...q.by, 'hires', ...(byYear ? ['yoy'] : []), 'hires_lo', 'hires_hi', ...(byYear ? ['yoy_lo', 'yoy_hi'] : []), 'people'];
  const rows = pickColumns(result.rows, keys) as FlatRow[];
  const notes = result.notes.map((n) => `note: ${n}\n`).join('');
  if (format === 'json') {
    process.stdout.write(toJson(rows));
    process.stderr.write(notes);
    return 0;
  }
  if (format === 'csv') {
    process.stdout.write(toCsv(rows, keys));
    process.stderr.write(notes);
    return 0;
  }
  const figures: FigureColumn[] = [{ key: 'hires', header: 'hires', kind: 'count' }, ...(byYear ? [{ key: 'yoy', header: 'yoy', kind: 'change' as const }] : [])];
  const out = renderMetric({ format, definition: result.definition, metric: 'hires', parameters: result.parameters, notes: result.notes, dims: [...q.by, 'people'], figures, rows });
  process.stdout.write(out.stdout);
  return 0;
}
