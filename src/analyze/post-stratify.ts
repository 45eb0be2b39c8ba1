/**
 * Post-stratified weights: reweight a sample so that its mix over cells (e.g. SOC major groups)
 * matches official totals (e.g. BLS OEWS national employment). Pure: counts in, weights out.
 *
 * - **Cells** are the groups with both sample people and an official total. The weight of a
 *   person in cell g is (T_g / ΣT) / (n_g / Σn), sums over the cells: the cells' official share
 *   over their sample share. Weights are relative (their mean over the classified people is 1),
 *   so weighted counts stay on the sample's scale and sit beside the unweighted ones.
 * - **Trimming**: a weight above `trim` (default 5) or below 1/`trim` is set to that bound, and
 *   the untrimmed cells are rescaled so the classified people still weigh Σn in all; repeated
 *   until no cell crosses a bound. Trimming caps the variance a tiny cell can add, at the price
 *   of a little bias toward the sample's own mix.
 * - **People with no cell** (no SOC for their title, or a group without an official total)
 *   keep weight 1: they are assumed to mirror the population's mix. Official groups without a
 *   sample person cannot be represented and are named (`uncovered`).
 */

export interface Stratum {
  group: string;
  /** People of the sample in the cell. */
  sample: number;
  /** The official total. */
  official: number;
  weight: number;
  trimmed: boolean;
}

export interface PostStratification {
  /** Weight by cell; a person in no cell weighs 1. */
  weights: Record<string, number>;
  strata: Stratum[];
  /** Sample people in no cell. */
  unclassified: number;
  /** Official groups with no sample person. */
  uncovered: string[];
  trim: number;
}

export const DEFAULT_TRIM = 5;

export function postStratify(sample: ReadonlyMap<string, number>, official: ReadonlyMap<string, number>, trim = DEFAULT_TRIM): PostStratification {
  if (!(trim >= 1)) throw new Error(`postStratify: trim must be at least 1: ${trim}`);
  const cells = [...sample.keys()].filter((g) => (sample.get(g) ?? 0) > 0 && (official.get(g) ?? 0) > 0).sort();
  const n = (g: string) => sample.get(g)!;
  const N = cells.reduce((s, g) => s + n(g), 0);
  const T = cells.reduce((s, g) => s + official.get(g)!, 0);
  const w = new Map(cells.map((g) => [g, official.get(g)! / T / (n(g) / N)]));
  const trimmed = new Set<string>();
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const g of cells) {
      if (trimmed.has(g)) continue;
      const x = w.get(g)!;
      if (x > trim || x < 1 / trim) {
        w.set(g, x > trim ? trim : 1 / trim);
        trimmed.add(g);
        changed = true;
      }
    }
    if (!changed) break;
    // rescale the free cells so the classified people keep their total weight N
    const fixed = cells.filter((g) => trimmed.has(g)).reduce((s, g) => s + n(g) * w.get(g)!, 0);
    const free = cells.filter((g) => !trimmed.has(g)).reduce((s, g) => s + n(g) * w.get(g)!, 0);
    if (free === 0) break;
    const k = (N - fixed) / free;
    for (const g of cells) if (!trimmed.has(g)) w.set(g, w.get(g)! * k);
  }
  const inCells = new Set(cells);
  let unclassified = 0;
  for (const [g, c] of sample) if (!inCells.has(g)) unclassified += c;
  return {
    weights: Object.fromEntries(cells.map((g) => [g, w.get(g)!])),
    strata: cells.map((g) => ({ group: g, sample: n(g), official: official.get(g)!, weight: w.get(g)!, trimmed: trimmed.has(g) })),
    unclassified,
    uncovered: [...official.keys()].filter((g) => (official.get(g) ?? 0) > 0 && !((sample.get(g) ?? 0) > 0)).sort(),
    trim,
  };
}
