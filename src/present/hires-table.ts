import type { HireDim, HiresRow } from '../metrics/hires.js';
import { count, percent, toTable, type Column } from './format-rows.js';

/** The hires table for people: the dimensions, the count, and YoY next to the count it is relative to. */
export function hiresTable(rows: readonly HiresRow[], dims: readonly HireDim[]): string {
  const columns: Column<HiresRow>[] = dims.map((d) => ({
    header: d,
    cell: (r: HiresRow) => (d === 'new_grad' ? (r.new_grad ? 'yes' : 'no') : String(r[d] ?? '')),
    align: d === 'year' ? 'right' : 'left',
  }));
  columns.push({ header: 'hires', cell: (r) => count(r.hires), align: 'right' });
  if (dims.includes('year')) {
    columns.push({ header: 'yoy', cell: (r) => (r.yoy === null || r.yoy === undefined ? '–' : percent(r.yoy)), align: 'right' });
    columns.push({ header: 'prev year', cell: (r) => count(r.prev_hires ?? null), align: 'right' });
  }
  return toTable(rows, columns);
}
