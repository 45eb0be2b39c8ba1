/**
 * Employment spells, derived with the other per-person tables: the unit behind headcount,
 * departures, retention, tenure, flows and geography (docs/metrics.md).
 *
 * A spell at company c is a run of a person's full-time positions at c with no gap of
 * 3+ months (`DEFINITIONS.hireGapMonths`) between them (the rule that makes a hire: every spell opens with exactly
 * one hire). Read from `stints` (derive-sql.ts), which applies that rule once for both. It ends at the last month of its last position. A spell is a **departure** when that
 * end is a stated end date (not ongoing) on or before the profile's last update; otherwise it is
 * censored at the update (`stop_m` = the last month the person is known to be there).
 *
 * A spell's place is its first stated position location, else the person's profile location;
 * `place_key` (a 64-bit hash of it) joins `place_map`, as `title_key` (the title at hire) joins
 * `title_map`. Partitioned by the integer person key `pid`; `person_id` is carried for sinks
 * that shard by it.
 *
 * Integer company keys, so metrics group and join on 8 bytes instead of text (the names are
 * attached to their few result rows at the end): `cid` = hash(company_id), as in `positions`;
 * `name_key` = hash(company_name), for what is reported by company name (two ids may share a
 * display name, and a table by company shows one row per name).
 *
 * Each spell carries the person's next spell in (start, hire) order — its `next_cid`,
 * `next_name_key` and `next_start_m` (null for the last) — so flows reads a departure's likely
 * move from its own row instead of joining every departure with every spell of its person
 * (src/metrics/flows.ts). The window runs over the narrow integer rows (`n`), and the next
 * spell's name comes by its hire position: a window over the finished rows, text columns and
 * all, ran out of memory at 2M profiles under a 1.5 GB limit. (`hash(NULL)` is not NULL, hence
 * the CASE.)
 */

export function spellsSql(): string {
  return `CREATE OR REPLACE TABLE spells AS
WITH g AS (
  SELECT pid, cid, spell, min(start_m) AS start_m, max(end_eff) AS end_m, bool_or(ongoing) AS ongoing,
         min(idx) FILTER (WHERE opens) AS hire_idx, arg_min(idx, start_m) FILTER (WHERE has_place) AS place_idx
  FROM stints GROUP BY pid, cid, spell
), n AS (
  SELECT *, lead(cid) OVER w AS next_cid, lead(hire_idx) OVER w AS next_idx, lead(start_m) OVER w AS next_start_m
  FROM g WHERE hire_idx IS NOT NULL
  WINDOW w AS (PARTITION BY pid ORDER BY start_m, hire_idx)
)
SELECT n.pid, pe.person_id, hp.company_id, hp.company_name, n.cid, hash(hp.company_name) AS name_key, n.spell, n.hire_idx, hp.title, hp.title_key,
       n.start_m, n.end_m, n.ongoing, pe.as_of_m, NOT n.ongoing AND n.end_m <= pe.as_of_m AS departed,
       least(n.end_m, pe.as_of_m) AS stop_m, coalesce(pp.location, pe.location) AS place,
       hash(coalesce(pp.location, pe.location)) AS place_key,
       h.band, coalesce(h.new_grad, false) AS new_grad, h.boomerang,
       n.next_cid, CASE WHEN n.next_idx IS NOT NULL THEN hash(np.company_name) END AS next_name_key, n.next_start_m
FROM n JOIN people pe ON pe.pid = n.pid
JOIN positions hp ON hp.pid = n.pid AND hp.idx = n.hire_idx
LEFT JOIN positions pp ON pp.pid = n.pid AND pp.idx = n.place_idx
LEFT JOIN positions np ON np.pid = n.pid AND np.idx = n.next_idx
LEFT JOIN hires h ON h.pid = n.pid AND h.idx = n.hire_idx`;
}
