/**
 * Hires grouped for the registry's hires entries, with the people each group's count rests on
 * (the n of the small-cell rule, src/analyze/suppress-cells.ts). Filters (cohorts, band,
 * new_grad, function, seniority, metro) go to the engine as the hires metric's typed filter
 * (`hiresWithPeople`'s `only`: validated values, never request text), so a group's people are
 * its distinct people: a person hired twice in one group under two values of a filtered
 * dimension (a `function` filter of two functions, say) is one person there, not two.
 */
import type { Store } from '../../engines/engine.js';
import type { HireDim } from '../../api.js';
import { hiresWithPeople, type HireFilter } from '../../metrics/hire-people.js';
import type { MetricContext, ParamValues } from './metric-registry.js';

/** Filters: parameter → the dimension it constrains. */
const FILTER_DIMS = { cohorts: 'cohort', band: 'band', new_grad: 'new_grad', function: 'function', seniority: 'seniority', metro: 'metro' } as const satisfies Record<string, HireDim>;

/** The filters of `p` as the hires metric's typed filter (seniority levels are integers). */
function hireFilter(p: ParamValues): HireFilter {
  const only: HireFilter = {};
  for (const [param, dim] of Object.entries(FILTER_DIMS)) {
    const want = p[param];
    if (want === undefined) continue;
    const values = Array.isArray(want) ? want : [want];
    only[dim] = dim === 'seniority' ? values.map(Number) : values;
  }
  return only;
}

/** The dims a result is grouped by: `by`, with `cohort` first when cohorts are filtered (a cohort filter groups by cohort). */
export function outputDims(p: ParamValues, by: HireDim[]): HireDim[] {
  return p.cohorts && !by.includes('cohort') ? ['cohort', ...by] : by;
}

export type HireGroup = Record<string, unknown> & { hires: number; people: number };

export interface Grouped {
  dims: HireDim[];
  /** Sorted by the dims, nulls last; with `year` grouped, the year before `from` is included. */
  rows: HireGroup[];
}

/** The key of a group (or, with `year` given, of the same group in that year). */
export function groupKey(row: Record<string, unknown>, dims: readonly HireDim[], year?: number): string {
  return JSON.stringify(dims.map((d) => (d === 'year' && year !== undefined ? year : (row[d] ?? null))));
}

/** Hires and people grouped by the output dims after applying the filters; `from` is applied later (YoY needs the year before). */
export async function groupedHires(store: Store, p: ParamValues, ctx: MetricContext, by: HireDim[]): Promise<Grouped> {
  const out = outputDims(p, by);
  const yearly = out.includes('year');
  const q = { by: out, from: yearly ? undefined : (p.from as number | undefined), to: p.to as number | undefined, only: hireFilter(p) };
  const { rows: counted } = await hiresWithPeople(store, q, ctx.cohorts);
  // cells with hires only, in the engine's order of the output dims (NULLs last)
  const rows = counted.map((r): HireGroup => ({ ...Object.fromEntries(out.map((d) => [d, r[d] ?? null])), hires: r.hires, people: r.people }));
  return { dims: out, rows };
}
