/**
 * Small-cell suppression. A figure resting on fewer than `minCell` people (default 10,
 * `--min-cell K`) is never printed. Where a table also prints totals, hiding one cell is not
 * enough (total − the other cells gives it back): within each margin (the cells that add up to
 * one printed total) further cells are hidden, smallest first, until at least two are hidden and
 * the hidden cells together hold at least `minCell` people — complementary suppression. A cell
 * may add up to several totals (a row's share and a column's total): its margins are planned
 * again until no hiding in one leaves another revealing. Zero is not a small cell: "no one"
 * reveals no one.
 */

export const DEFAULT_MIN_CELL = 10;

export interface CellSize {
  /** Unique id of the cell. */
  key: string;
  /** The cells of one margin add up to that margin's total; null when no total is printed; a
   *  list when the cell adds up to several (a new-grad count: to its row's hires and to its
   *  period's total of new-grad hires). */
  margin: string | readonly string[] | null;
  /** People the cell's figure rests on. */
  people: number;
}

export interface SuppressionPlan {
  hidden: Set<string>;
  /** Margins whose total must be hidden too (no other cell left to hide beside a small one). */
  hiddenTotals: Set<string>;
  primary: number;
  complementary: number;
  minCell: number;
}

export function planSuppression(cells: readonly CellSize[], minCell = DEFAULT_MIN_CELL): SuppressionPlan {
  const hidden = new Set<string>();
  let primary = 0;
  for (const c of cells) {
    if (c.people > 0 && c.people < minCell) {
      hidden.add(c.key);
      primary++;
    }
  }
  let complementary = 0;
  const margins = new Map<string, CellSize[]>();
  for (const c of cells) {
    for (const m of typeof c.margin === 'string' ? [c.margin] : (c.margin ?? [])) {
      const list = margins.get(m) ?? [];
      list.push(c);
      margins.set(m, list);
    }
  }
  const hiddenTotals = new Set<string>();
  // a cell hidden in one margin may leave another with a single hidden cell: plan again until
  // none changes (one round when every cell has one margin)
  for (let changed = true; changed; ) {
    changed = false;
    for (const [margin, list] of margins) {
      const inHidden = list.filter((c) => hidden.has(c.key));
      if (inHidden.length === 0) continue;
      let count = inHidden.length;
      let mass = inHidden.reduce((s, c) => s + c.people, 0);
      const visible = list.filter((c) => !hidden.has(c.key) && c.people > 0).sort((a, b) => a.people - b.people || a.key.localeCompare(b.key));
      for (const c of visible) {
        if (count >= 2 && mass >= minCell) break;
        hidden.add(c.key);
        complementary++;
        changed = true;
        count++;
        mass += c.people;
      }
      if (count < 2 || mass < minCell) hiddenTotals.add(margin);
    }
  }
  return { hidden, hiddenTotals, primary, complementary, minCell };
}

/**
 * The note printed under a table: how many cells were hidden and why. Empty when none.
 * `unit` names what was hidden (default `cell`; a table of whole rows says `group`).
 */
export function suppressionNote(plan: SuppressionPlan, unit = 'cell'): string {
  if (plan.primary + plan.complementary === 0) return '';
  const totals = plan.hiddenTotals.size ? `, ${plan.hiddenTotals.size} total${plan.hiddenTotals.size === 1 ? '' : 's'} hidden` : '';
  const extra = plan.complementary ? `, ${plan.complementary} more hidden so that totals do not reveal them` : '';
  return `${plan.primary} ${unit}${plan.primary === 1 ? '' : 's'} with fewer than ${plan.minCell} people hidden${extra}${totals}`;
}

/** A plan that only counts `primary` hidden cells (no keys, no totals): for metrics that hide their small cells themselves. */
export function primaryOnly(primary: number, minCell: number): SuppressionPlan {
  return { hidden: new Set(), hiddenTotals: new Set(), primary, complementary: 0, minCell };
}
