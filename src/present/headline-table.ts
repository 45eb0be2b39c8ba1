/**
 * The headline as an aligned text table (`talentflow demo`): the figures of the headline metric
 * (src/metrics/headline.ts), formatted only; a hidden cell reads `<k`.
 */
import type { HeadlineCell, HeadlineResult } from '../metrics/headline.js';
import { count, percent, toTable, type Column } from './format-rows.js';

/** Cohort × group rows, one column per year: `1,234 −25.3%` (count, then YoY); notes below. */
export function headlineTable(result: HeadlineResult): string {
  const years = [...new Set(result.cells.map((c) => c.year))].sort((a, b) => a - b);
  const rows = new Map<string, HeadlineCell[]>();
  for (const c of result.cells) {
    const k = `${c.cohort}\u0000${c.group}`;
    rows.set(k, [...(rows.get(k) ?? []), c]);
  }
  const columns: Column<HeadlineCell[]>[] = [
    { header: 'cohort', cell: (r) => r[0]!.cohort },
    { header: 'hires', cell: (r) => r[0]!.group },
    ...years.map((y) => ({
      header: String(y),
      align: 'right' as const,
      cell: (r: HeadlineCell[]) => {
        const c = r.find((x) => x.year === y);
        if (!c) return '';
        return `${c.hires === null ? `<${result.minCell}` : count(c.hires)} ${c.yoy === null ? '      ' : percent(c.yoy).padStart(6)}`;
      },
    })),
  ];
  return toTable([...rows.values()], columns) + result.notes.map((n) => `note: ${n}\n`).join('');
}
