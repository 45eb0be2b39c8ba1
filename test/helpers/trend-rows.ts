/** Trend test helper: SQL rows merged as `trend` merges them — (cell, vector) → people. */
export function merged(rows: Record<string, unknown>[]): string[] {
  const m = new Map<string, number>();
  for (const r of rows) {
    const { n, ...rest } = r;
    const key = JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k] === null ? null : String(rest[k])]));
    m.set(key, (m.get(key) ?? 0) + Number(n));
  }
  return [...m].map(([k, n]) => `${k} ${n}`).sort();
}
