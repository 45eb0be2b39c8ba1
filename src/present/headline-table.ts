import type { HeadlineCell } from '../metrics/headline.js';
import { count, percent, toTable, type Column } from './format-rows.js';

/** Cohort × group rows, one column per year: `1,234 −25.3%` (count, then YoY). */
export function headlineTable(cells: readonly HeadlineCell[]): string {
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const rows = new Map<string, HeadlineCell[]>();
  for (const c of cells) {
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
        return c ? `${count(c.hires)} ${c.yoy === null ? '      ' : percent(c.yoy).padStart(6)}` : '';
      },
    })),
  ];
  return toTable([...rows.values()], columns);
}
