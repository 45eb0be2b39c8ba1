/**
 * ClickHouse SQL. Exact where a number is promised (`uniqExact`, never `uniq`); month indices are
 * plain integers, so dates before 1970 never meet ClickHouse's `Date` range. What a server
 * version can run is its `Capabilities` (see `capabilitiesOf`): metrics branch on those flags.
 */
import type { Capabilities, Dialect, PortableType } from '../engine.js';

/** A modern server (21.9 and later; production target, chdb 26.x in the tests). Non-equi JOIN
 *  conditions stay off: they need per-version settings, and metrics have an equi-join form.
 *  Facts are derived by ingest workers (DuckDB) and shipped, never derived here. */
export const MODERN_CAPABILITIES: Capabilities = {
  windowFunctions: true,
  nonEquiJoins: false,
  multipleJoins: true,
  cteSubqueries: true,
  derivesInPlace: false,
};

/** ClickHouse 18.16 (Debian's package), measured: no window functions, no CTE subqueries, one
 *  JOIN per SELECT, no query parameters. */
export const LEGACY_CAPABILITIES: Capabilities = {
  windowFunctions: false,
  nonEquiJoins: false,
  multipleJoins: false,
  cteSubqueries: false,
  derivesInPlace: false,
};

/** The first version with all of `MODERN_CAPABILITIES`: window functions left their
 *  experimental flag in 21.9. */
export const MODERN_SINCE = 'ClickHouse 21.9';

/** Capabilities of a server by its `version()` string: 21.9 and later are modern, older legacy. */
export function capabilitiesOf(version: string): Capabilities {
  const [major, minor] = (/^(\d+)\.(\d+)/.exec(version)?.slice(1) ?? ['0', '0']).map(Number) as [number, number];
  return major > 21 || (major === 21 && minor >= 9) ? MODERN_CAPABILITIES : LEGACY_CAPABILITIES;
}

const TYPES: Record<PortableType, string> = {
  VARCHAR: 'String',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  DOUBLE: 'Float64',
  // UInt8 is reserved for booleans in talentflow's ClickHouse tables: the store reads it back as one
  BOOLEAN: 'UInt8',
};

/**
 * The lambda and arrays of an `array*` call that keeps the elements of `names` whose window
 * holds `at` (and whose name is `among` those literals). 18.16 lambdas cannot read outer columns
 * in a JOIN's select list: the month travels as an array of its own; a NULL month is in no window.
 */
function inWindow(at: string, names: string, froms: string, tos: string, among?: readonly string[]): string {
  const m = `toInt64(ifNull(${at}, -9223372036854775807))`;
  const named = among ? ` AND n IN (${among.join(', ')})` : '';
  return `(n, f, t, a) -> a >= f AND a <= t${named}, ${names}, ${froms}, ${tos}, arrayResize([${m}], length(${names}), ${m})`;
}

/** A ClickHouse dialect for a server with these capabilities. */
export function clickhouseDialect(capabilities: Capabilities = MODERN_CAPABILITIES): Dialect {
  const literal = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return {
    name: 'clickhouse',
    capabilities,
    // non-equi JOINs stay off and facts are never derived here, on every version
    capabilityHint: (c) => (c === 'nonEquiJoins' || c === 'derivesInPlace' ? 'the DuckDB engine' : `${MODERN_SINCE} or later`),
    literal,
    ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    countDistinctExact: (expr) => `uniqExact(${expr})`,
    yearOfMonthIndex: (expr) => `intDiv(${expr}, 12)`,
    intDiv: (a, b) => `intDiv(${a}, ${Math.trunc(b)})`,
    // range(lo, hi) is 20.x+; an offset range(n) runs on every version
    expandRange: (lo, hi) => `arrayJoin(arrayMap(x -> toInt64(x) + (${lo}), range(toUInt64(greatest((${hi}) - (${lo}), 0)))))`,
    argMinIf: (value, key, cond) => `argMinIf(${value}, ${key}, ${cond})`,
    anyValue: (expr) => `any(${expr})`,
    groupList: (expr) => `groupArray(${expr})`,
    unnestInWindowOr: (at, names, froms, tos, fallback) => {
      const hits = `arrayFilter(${inWindow(at, names, froms, tos)})`;
      return `arrayJoin(if(empty(${hits}), [${fallback}], ${hits}))`;
    },
    countInWindow: (at, names, froms, tos, among) => `arrayCount(${inWindow(at, names, froms, tos, among)})`,
    createTable: (name, columns) =>
      `CREATE TABLE IF NOT EXISTS ${name} (${columns.map(([c, t]) => `${c} Nullable(${TYPES[t]})`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`,
  };
}
