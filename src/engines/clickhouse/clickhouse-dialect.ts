/**
 * ClickHouse SQL. Exact where a number is promised (`uniqExact`, never `uniq`); month indices are
 * plain integers, so dates before 1970 never meet ClickHouse's `Date` range. What a server
 * version can run is its `Capabilities` (see `capabilitiesOf`): metrics branch on those flags.
 */
import type { Capabilities, Dialect, PortableType } from '../engine.js';

/** A modern server (21.x and later; production target, chdb 26.x in the tests). Non-equi JOIN
 *  conditions stay off: they need per-version settings, and metrics have an equi-join form. */
export const MODERN_CAPABILITIES: Capabilities = {
  windowFunctions: true,
  nonEquiJoins: false,
  multipleJoins: true,
};

/** ClickHouse 18.16 (Debian's package), measured: no window functions, no CTE subqueries, one
 *  JOIN per SELECT, no query parameters. */
export const LEGACY_CAPABILITIES: Capabilities = {
  windowFunctions: false,
  nonEquiJoins: false,
  multipleJoins: false,
};

/** Capabilities of a server by its `version()` string: 21 and later are modern, older legacy. */
export function capabilitiesOf(version: string): Capabilities {
  const major = Number(/^(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 21 ? MODERN_CAPABILITIES : LEGACY_CAPABILITIES;
}

const TYPES: Record<PortableType, string> = {
  VARCHAR: 'String',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  DOUBLE: 'Float64',
  // UInt8 is reserved for booleans in talentflow's ClickHouse tables: the store reads it back as one
  BOOLEAN: 'UInt8',
};

/** A ClickHouse dialect for a server with these capabilities. */
export function clickhouseDialect(capabilities: Capabilities = MODERN_CAPABILITIES): Dialect {
  const literal = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return {
    name: 'clickhouse',
    capabilities,
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
      // 18.16 lambdas cannot read outer columns in a JOIN's select list: the month travels as an
      // array of its own; a NULL month is in no window
      const m = `toInt64(ifNull(${at}, -9223372036854775807))`;
      const hits = `arrayFilter((n, f, t, a) -> a >= f AND a <= t, ${names}, ${froms}, ${tos}, arrayResize([${m}], length(${names}), ${m}))`;
      return `arrayJoin(if(empty(${hits}), [${fallback}], ${hits}))`;
    },
    createTable: (name, columns) =>
      `CREATE TABLE IF NOT EXISTS ${name} (${columns.map(([c, t]) => `${c} Nullable(${TYPES[t]})`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`,
  };
}
