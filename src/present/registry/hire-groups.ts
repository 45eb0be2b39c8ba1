/**
 * Hires grouped for the registry's hires entries, with the people each group's count rests on
 * (the n of the small-cell rule, src/analyze/suppress-cells.ts). Filters (cohorts, band,
 * new_grad, function, seniority, metro) are applied to the grouped counts, so no request text
 * reaches the engine: the SQL is the hires metric's own.
 *
 * People are exact when no filtered dimension is collapsed (the query `talentflow hires` runs).
 * A collapsed dimension's cells are summed, so a person hired twice in one group under two
 * values of it (a `band` filter of two bands, say) counts twice there.
 */
import type { Store } from '../../engines/engine.js';
import { HIRE_DIMS, type HireDim } from '../../api.js';
import { hiresWithPeople } from '../../metrics/hire-people.js';
import type { MetricContext, ParamValues } from './metric-registry.js';

/** Filters applied to grouped counts: parameter → the dimension it constrains. */
const FILTER_DIMS = { band: 'band', new_grad: 'new_grad', function: 'function', seniority: 'seniority', metro: 'metro' } as const satisfies Record<string, HireDim>;

function keep(row: Record<string, unknown>, p: ParamValues): boolean {
  for (const [param, dim] of Object.entries(FILTER_DIMS)) {
    const want = p[param];
    if (want === undefined) continue;
    const have = row[dim];
    if (Array.isArray(want) ? !want.includes(String(have)) : have !== want) return false;
  }
  return true;
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
  const cohorts = p.cohorts as string[] | undefined;
  const out = outputDims(p, by);
  const filtered = new Set(Object.entries(FILTER_DIMS).filter(([param]) => p[param] !== undefined).map(([, dim]) => dim as HireDim));
  const need = HIRE_DIMS.filter((d) => out.includes(d) || filtered.has(d));
  const yearly = out.includes('year');
  const q = { by: need, from: yearly ? undefined : (p.from as number | undefined), to: p.to as number | undefined };
  const counted = await hiresWithPeople(store, q, ctx.cohorts);
  const sums = new Map<string, HireGroup>();
  const add = (row: Record<string, unknown>, hired: number, persons: number) => {
    if (cohorts && !cohorts.includes(row.cohort as string)) return;
    if (!keep(row, p)) return;
    const key = groupKey(row, out);
    const have = sums.get(key) ?? { ...Object.fromEntries(out.map((d) => [d, row[d] ?? null])), hires: 0, people: 0 };
    have.hires += hired;
    have.people += persons;
    sums.set(key, have);
  };
  for (const r of counted) add(r, r.hires, r.people);
  const rows = [...sums.values()].filter((r) => r.hires > 0).sort((a, b) => {
    for (const d of out) {
      const x = a[d] as string | number | boolean | null, y = b[d] as string | number | boolean | null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
  return { dims: out, rows };
}
