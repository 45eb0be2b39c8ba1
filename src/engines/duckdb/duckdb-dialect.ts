import type { Dialect } from '../engine.js';

/** DuckDB SQL: window functions, native JSON/CSV readers, exact `count(DISTINCT ...)`. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  capabilities: {
    windowFunctions: true,
    nonEquiJoins: true,
    multipleJoins: true,
    cteSubqueries: true,
    derivesInPlace: true,
  },
  capabilityHint: () => 'the DuckDB engine',
  literal: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  countDistinctExact: (expr) => `count(DISTINCT ${expr})`,
  yearOfMonthIndex: (expr) => `(${expr}) // 12`,
  intDiv: (a, b) => `((${a}) // ${Math.trunc(b)})`,
  expandRange: (lo, hi) => `unnest(range(${lo}, ${hi}))`,
  argMinIf: (value, key, cond) => `arg_min(${value}, ${key}) FILTER (WHERE ${cond})`,
  anyValue: (expr) => `any_value(${expr})`,
  groupList: (expr) => `list(${expr})`,
  unnestInWindowOr: (at, names, froms, tos, fallback) =>
    `unnest(coalesce(nullif(list_filter(list_transform(range(1, len(${names}) + 1), i -> CASE WHEN (${at}) BETWEEN (${froms})[i] AND (${tos})[i] THEN (${names})[i] END), x -> x IS NOT NULL), []), [${fallback}]))`,
  countInWindow: (at, names, froms, tos, among) =>
    `len(list_filter(range(1, len(${names}) + 1), i -> (${at}) BETWEEN (${froms})[i] AND (${tos})[i]${among ? ` AND (${names})[i] IN (${among.join(', ')})` : ''}))`,
  createTable: (name, columns) => `CREATE TABLE IF NOT EXISTS ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(', ')})`,
};
