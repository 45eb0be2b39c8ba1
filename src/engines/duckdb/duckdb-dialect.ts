import type { Dialect } from '../engine.js';

/** DuckDB SQL: window functions, native JSON/CSV readers, exact `count(DISTINCT ...)`. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  capabilities: { windowFunctions: true, readsFilesNatively: true },
  literal: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  countDistinctExact: (expr) => `count(DISTINCT ${expr})`,
  yearOfMonthIndex: (expr) => `(${expr}) // 12`,
};
