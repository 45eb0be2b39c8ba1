/** Test helper for comparing two SQL forms of one query: their rows as a sorted multiset. */

/** SQL rows as a sorted multiset of strings (bigints and numbers as strings, nulls kept). */
export const rowsOf = (rows: Record<string, unknown>[]): string[] =>
  rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))).sort();
