/**
 * Small-cell suppression for the presentation layer (DESIGN.md "Uncertainty"): a cell counting
 * fewer than k is never shown; its count becomes null and the row says `suppressed: true`. A
 * change or share computed from a suppressed count is suppressed too.
 */
import type { MetricRow } from './metric-registry.js';

/** Default k (10), the same as every CLI metric's `--min-cell`. */
export { DEFAULT_MIN_CELL } from '../../analyze/suppress-cells.js';

/**
 * Null out `countFields` below k and `derivedFields` that depend on them; returns how many rows
 * were touched. Rows gain `suppressed` (true when any of their counts was hidden).
 */
export function suppressSmallCells(rows: MetricRow[], k: number, countFields: readonly string[], derivedFields: readonly string[]): number {
  let hidden = 0;
  for (const row of rows) {
    let any = false;
    for (const f of countFields) {
      const v = row[f];
      if (typeof v === 'number' && v < k) {
        row[f] = null;
        any = true;
      }
    }
    if (any) {
      for (const f of derivedFields) row[f] = null;
      hidden++;
    }
    row.suppressed = any;
  }
  return hidden;
}

/** The sentence a reader sees when cells were hidden. */
export function suppressionNote(hidden: number, total: number, k: number, unit: string): string | null {
  if (hidden === 0) return null;
  return `${hidden} of ${total} rows had a count below ${k} ${unit}: suppressed (shown as "<${k}").`;
}
