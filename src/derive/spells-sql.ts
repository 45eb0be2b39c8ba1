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
 */

export function spellsSql(): string {
  return `CREATE OR REPLACE TABLE spells AS
WITH g AS (
  SELECT st.pid, st.cid, st.spell, any_value(p.company_id) AS company_id, any_value(p.company_name) AS company_name,
         min(st.start_m) AS start_m, max(st.end_eff) AS end_m, bool_or(p.ongoing) AS ongoing,
         max(st.idx) FILTER (WHERE st.opens) AS hire_idx, max(p.title) FILTER (WHERE st.opens) AS title,
         max(p.title_key) FILTER (WHERE st.opens) AS title_key,
         arg_min(p.location, st.start_m) FILTER (WHERE p.location IS NOT NULL) AS pos_place
  FROM stints st JOIN positions p ON p.pid = st.pid AND p.idx = st.idx
  GROUP BY st.pid, st.cid, st.spell
)
SELECT g.pid, p.person_id, g.company_id, g.company_name, g.spell, g.hire_idx, g.title, g.title_key,
       g.start_m, g.end_m, g.ongoing, p.as_of_m, NOT g.ongoing AND g.end_m <= p.as_of_m AS departed,
       least(g.end_m, p.as_of_m) AS stop_m, coalesce(g.pos_place, p.location) AS place,
       hash(coalesce(g.pos_place, p.location)) AS place_key,
       h.band, coalesce(h.new_grad, false) AS new_grad, h.boomerang
FROM g JOIN people p ON p.pid = g.pid
LEFT JOIN hires h ON h.pid = g.pid AND h.idx = g.hire_idx`;
}
