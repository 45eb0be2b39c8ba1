/**
 * Sets of months as disjoint, sorted, inclusive spans of month indices (`year * 12 + month − 1`);
 * a null bound is open. They are the `from_m`/`to_m` bounds of `cohort_members` rows, so the spans
 * of one company in one cohort must never overlap (a hire would count twice).
 */

export interface MonthSpan {
  from_m: number | null;
  to_m: number | null;
}

/** Every month. */
export const ALWAYS: readonly MonthSpan[] = Object.freeze([{ from_m: null, to_m: null }]);

const lo = (s: MonthSpan) => s.from_m ?? -Infinity;
const hi = (s: MonthSpan) => s.to_m ?? Infinity;
const span = (a: number, b: number): MonthSpan => ({ from_m: a === -Infinity ? null : a, to_m: b === Infinity ? null : b });

/** The union as disjoint sorted spans; touching spans (…2019-12, 2020-01…) are joined. */
export function unionSpans(spans: readonly MonthSpan[]): MonthSpan[] {
  const sorted = spans.filter((s) => lo(s) <= hi(s)).sort((a, b) => lo(a) - lo(b));
  const out: [number, number][] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && lo(s) <= last[1] + 1) last[1] = Math.max(last[1], hi(s));
    else out.push([lo(s), hi(s)]);
  }
  return out.map(([a, b]) => span(a, b));
}

/** The months in both sets. */
export function intersectSpans(a: readonly MonthSpan[], b: readonly MonthSpan[]): MonthSpan[] {
  const out: MonthSpan[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(lo(x), lo(y));
      const to = Math.min(hi(x), hi(y));
      if (from <= to) out.push(span(from, to));
    }
  }
  return unionSpans(out);
}

/** The months of `spans` from month `m` on (all of them when `m` is null). */
export function fromMonth(spans: readonly MonthSpan[], m: number | null): MonthSpan[] {
  return m === null ? unionSpans(spans) : intersectSpans(spans, [{ from_m: m, to_m: null }]);
}
