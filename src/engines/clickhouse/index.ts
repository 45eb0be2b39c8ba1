export { ClickHouseStore, type ClickHouseOptions } from './clickhouse-store.js';
export { clickhouseDialect, capabilitiesOf, MODERN_CAPABILITIES, LEGACY_CAPABILITIES } from './clickhouse-dialect.js';
