/**
 * The counts `trend` plans suppression over (src/metrics/trend.ts `suppress`), and which of them a
 * run's figures read. A count no wanted figure reads is never printed: planning it would add its
 * hidden cells to the note (a `departures` run reporting hidden hires) and publish its people
 * unchecked, so it is left out of the plan and its people are not given.
 */

export const TREND_MEASURES = ['hires', 'new_grad_hires', 'departures', 'headcount', 'headcount_start'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

/**
 * The measures some wanted figure reads, in `TREND_MEASURES` order. `depends` maps each figure to
 * the counts it rests on (trend.ts `DEPENDS`); names that are not measures (`hires_prev`, the
 * previous period's cell) are not planned here.
 *
 * @example measuresRead(['departures', 'attrition_rate'], DEPENDS) // ['departures', 'headcount_start']
 */
export function measuresRead<F extends string>(figures: Iterable<F>, depends: Readonly<Record<F, readonly string[]>>): TrendMeasure[] {
  const read = new Set<string>();
  for (const f of figures) for (const m of depends[f]) read.add(m);
  return TREND_MEASURES.filter((m) => read.has(m));
}
