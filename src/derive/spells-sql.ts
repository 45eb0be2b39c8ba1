/**
 * Employment spells, derived with the other per-person tables: the unit behind headcount,
 * departures, retention, tenure, flows and geography (docs/metrics.md).
 *
 * A spell at company c is a run of a person's full-time positions at c with no gap of
 * 3+ months (`DEFINITIONS.hireGapMonths`) between them (the rule that makes a hire: every spell opens with exactly
 * one hire). It ends at the last month of its last position. A spell is a **departure** when that
 * end is a stated end date (not ongoing) on or before the profile's last update; otherwise it is
 * censored at the update (`stop_m` = the last month the person is known to be there).
 *
 * A spell's place is its first stated position location, else the person's profile location;
 * `place_key` (a 64-bit hash of it) joins `place_map`, as `title_key` (the title at hire) joins
 * `title_map`. Partitioned by the integer person key `pid`; `person_id` is carried for sinks
 * that shard by it.
 */
import { DEFINITIONS as D } from './definitions.js';

export function spellsSql(): string {
  return `CREATE OR REPLACE TABLE spells AS
WITH ft AS (
  SELECT pid, idx, company_id, company_name, title, title_key, location, start_m, end_eff, ongoing
  FROM positions WHERE fulltime AND start_m IS NOT NULL AND company_id IS NOT NULL
), marked AS (
  SELECT *, CASE WHEN prev_end IS NULL OR start_m - prev_end >= ${D.hireGapMonths} THEN 1 ELSE 0 END AS opens
  FROM (SELECT *, max(end_eff) OVER (PARTITION BY pid, company_id ORDER BY start_m, idx
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM ft)
), g AS (
  SELECT pid, company_id, spell, any_value(company_name) AS company_name, min(start_m) AS start_m,
         max(end_eff) AS end_m, bool_or(ongoing) AS ongoing,
         max(idx) FILTER (WHERE opens = 1) AS hire_idx, max(title) FILTER (WHERE opens = 1) AS title,
         max(title_key) FILTER (WHERE opens = 1) AS title_key,
         arg_min(location, start_m) FILTER (WHERE location IS NOT NULL) AS pos_place
  FROM (SELECT *, sum(opens) OVER (PARTITION BY pid, company_id ORDER BY start_m, idx ROWS UNBOUNDED PRECEDING) AS spell FROM marked)
  GROUP BY pid, company_id, spell
)
SELECT g.pid, p.person_id, g.company_id, g.company_name, g.spell, g.hire_idx, g.title, g.title_key,
       g.start_m, g.end_m, g.ongoing, p.as_of_m, NOT g.ongoing AND g.end_m <= p.as_of_m AS departed,
       least(g.end_m, p.as_of_m) AS stop_m, coalesce(g.pos_place, p.location) AS place,
       hash(coalesce(g.pos_place, p.location)) AS place_key,
       h.band, coalesce(h.new_grad, false) AS new_grad, h.boomerang
FROM g JOIN people p ON p.pid = g.pid
LEFT JOIN hires h ON h.pid = g.pid AND h.idx = g.hire_idx`;
}
