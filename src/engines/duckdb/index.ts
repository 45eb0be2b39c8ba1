export { DuckDBStore, type DuckDBOptions } from './duckdb-store.js';
export { duckdbDialect } from './duckdb-dialect.js';
