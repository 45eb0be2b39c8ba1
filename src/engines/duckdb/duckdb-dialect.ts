import type { Dialect } from '../engine.js';

/** DuckDB SQL: window functions, native JSON/CSV readers, exact `count(DISTINCT ...)`. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  capabilities: { windowFunctions: true, readsFilesNatively: true },
  literal: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  countDistinctExact: (expr) => `count(DISTINCT ${expr})`,
  yearOfMonthIndex: (expr) => `(${expr}) // 12`,
  intDiv: (a, b) => `((${a}) // ${Math.trunc(b)})`,
  expandRange: (lo, hi) => `unnest(range(${lo}, ${hi}))`,
  aggIf: (agg, expr, cond) => `${agg}(${expr}) FILTER (WHERE ${cond})`,
  argMinIf: (value, key, cond) => `arg_min(${value}, ${key}) FILTER (WHERE ${cond})`,
  anyValue: (expr) => `any_value(${expr})`,
  quantileExact: (expr, q) => `quantile_cont(${expr}, ${q})`,
};
