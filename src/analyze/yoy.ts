/**
 * Year-over-year change: X_t / X_{t−1} − 1 within the same group (every dimension but the year
 * equal). Null where the previous year has no row or a zero count.
 */
export function withYoy<R extends { year?: number; hires: number }>(rows: R[], dims: readonly string[], from?: number): (R & { yoy: number | null; prev_hires: number | null })[] {
  const others = dims.filter((d) => d !== 'year');
  const keyOf = (r: R, year: number) => JSON.stringify([...others.map((d) => (r as Record<string, unknown>)[d]), year]);
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(keyOf(r, r.year as number), r.hires);
  return rows
    .filter((r) => from === undefined || (r.year as number) >= from)
    .map((r) => {
      const prev = byKey.get(keyOf(r, (r.year as number) - 1)) ?? null;
      return { ...r, yoy: prev ? r.hires / prev - 1 : null, prev_hires: prev };
    });
}
