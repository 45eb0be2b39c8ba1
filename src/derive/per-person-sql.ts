/**
 * The per-person tables `derive` builds after resolution, in its order, each with the statement
 * that makes it. One list for every path that derives them: the full derive (derive.ts) and the
 * incremental derive of a later snapshot (src/snapshots/incremental-derive.ts), so the paths
 * cannot drift apart in their steps or their order.
 */
import { graduationsSql, hiresSql, positionsSql, stintsSql } from './derive-sql.js';
import { spellsSql } from './spells-sql.js';

/** Each needs the ones before it (and `people`, `positions_raw`, `educations_raw` and the maps). */
export function perPersonSql(): { table: string; sql: string }[] {
  return [
    { table: 'positions', sql: positionsSql() },
    { table: 'graduations', sql: graduationsSql() },
    { table: 'stints', sql: stintsSql() },
    { table: 'hires', sql: hiresSql() },
    { table: 'spells', sql: spellsSql() },
  ];
}
