/**
 * Derivation in the engine, as SQL over the raw tables (DESIGN.md v1 definitions; parameters in
 * definitions.ts). Each function returns one statement; `derive.ts` runs them in order.
 *
 *   people         one row per person: the newest record of each id, then of each LinkedIn profile;
 *                  `pid` (the kept record's id) is the integer key derivation partitions by
 *   positions_raw  view: the kept records' positions;  educations_raw likewise
 *   positions      + canonical company, employment kind, effective end (ongoing → as of update)
 *   graduations    one row per completed (or assumed completed) degree
 *   stints         full-time positions with the hire rule applied (opens a spell or not)
 *   hires          one row per hire: company, month, boomerang, experience E, band, new-grad flag
 */
import { DEFINITIONS as D } from './definitions.js';

/** Same `person_key` or same LinkedIn profile = one person; the newest record wins
 *  (latest `updated_m`, then the latest ingested). */
export function peopleSql(): string {
  const newest = 'ORDER BY updated_m DESC NULLS LAST, rec_id DESC';
  return `CREATE OR REPLACE TABLE people AS
SELECT r.rec_id AS pid, r.rec_id, r.person_key AS person_id, r.linkedin_slug, r.name, r.location, r.file_id, r.line,
       coalesce(r.updated_m, f.as_of_m) AS as_of_m, r.updated_m IS NULL AS as_of_assumed
FROM (
  SELECT * FROM (SELECT * FROM records QUALIFY row_number() OVER (PARTITION BY person_key ${newest}) = 1)
  QUALIFY linkedin_slug IS NULL OR row_number() OVER (PARTITION BY linkedin_slug ${newest}) = 1
) r JOIN files f ON f.file_id = r.file_id`;
}

/** The hash keys the per-distinct-value maps are joined by, over a `record_positions` row `rp`. */
export const POSITION_KEYS_SQL = 'hash(rp.company, rp.company_domain, rp.company_linkedin) AS company_key, hash(rp.title) AS title_key';

/**
 * Positions of the records `owner` keeps (`people`: one record per person; in snapshot mode
 * `snap_records`: every snapshot's record), with the keys their resolutions are joined by.
 * `recId` is the owner's column holding the record id.
 */
export function positionsRawSql(owner = 'people', recId = 'pid'): string {
  return `CREATE OR REPLACE VIEW positions_raw AS
SELECT o.pid, o.person_id, o.as_of_m, rp.* EXCLUDE (rec_id), ${POSITION_KEYS_SQL}
FROM ${owner} o JOIN record_positions rp ON rp.rec_id = o.${recId}`;
}

export function educationsRawSql(owner = 'people', recId = 'pid'): string {
  return `CREATE OR REPLACE VIEW educations_raw AS
SELECT o.pid, o.person_id, re.* EXCLUDE (rec_id), hash(re.degree) AS degree_key
FROM ${owner} o JOIN record_educations re ON re.rec_id = o.${recId}`;
}

/** Positions with their resolved company and kind. An open end is "ongoing as of the profile's
 *  update"; an end placed before its start by year-only placement is clamped to the start. */
export function positionsSql(): string {
  return `CREATE OR REPLACE TABLE positions AS
SELECT p.pid, p.person_id, p.idx, c.company_id, hash(c.company_id) AS cid, c.company_name, p.title, p.title_key, t.employment_kind,
       t.employment_kind = 'fulltime' AS fulltime,
       p.start_m, p.start_prec, p.end_m, p.end_prec,
       CASE WHEN p.start_m IS NOT NULL THEN greatest(coalesce(p.end_m, p.as_of_m), p.start_m) END AS end_eff,
       p.end_m IS NULL AS ongoing, p.location
FROM positions_raw p
LEFT JOIN company_map c ON c.company_key = p.company_key
LEFT JOIN title_map t ON t.title_key = p.title_key`;
}

/** A degree's graduation is its end; with a start but no end, start + the level's length.
 *  Certificates are not graduations (a mid-career course does not reset experience). A person
 *  with no dated education graduated the month before their first full-time position (imputed). */
export function graduationsSql(): string {
  const len = Object.entries(D.degreeMonths)
    .map(([level, m]) => `WHEN '${level}' THEN ${m}`)
    .join(' ');
  return `CREATE OR REPLACE TABLE graduations AS
WITH dated AS (
  SELECT e.pid, coalesce(e.end_m, e.start_m + CASE coalesce(d.level, 'unknown') ${len} ELSE 48 END) AS grad_m,
         false AS imputed
  FROM educations_raw e LEFT JOIN degree_map d ON d.degree_key = e.degree_key
  WHERE coalesce(e.end_m, e.start_m) IS NOT NULL AND coalesce(d.level, 'unknown') <> 'certificate'
)
SELECT * FROM dated
UNION ALL
SELECT pid, min(start_m) - 1 AS grad_m, true AS imputed
FROM positions
WHERE fulltime AND start_m IS NOT NULL AND pid NOT IN (SELECT pid FROM dated)
GROUP BY pid`;
}

/**
 * Stints: every dated full-time position at a resolved company, with what the hire rule needs —
 * `opens`: the position starts a spell (no earlier position there, or a gap of
 * ${D.hireGapMonths}+ months after the latest end of the earlier ones: a hire), `has_prev`: there
 * was an earlier one (an opening stint is then a boomerang); `spell` numbers the person's spells
 * at the company.
 * Narrow on purpose: window sorts carry integers only (wide rows made them 6× slower).
 */
export function stintsSql(): string {
  return `CREATE OR REPLACE TABLE stints AS
SELECT *, CAST(sum(opens::INTEGER) OVER (PARTITION BY pid, cid ORDER BY start_m, idx ROWS UNBOUNDED PRECEDING) AS INTEGER) AS spell
FROM (
  SELECT * EXCLUDE (prev_end), prev_end IS NULL OR start_m - prev_end >= ${D.hireGapMonths} AS opens, prev_end IS NOT NULL AS has_prev
  FROM (SELECT pid, idx, cid, start_m, end_eff, ongoing, location IS NOT NULL AS has_place,
               max(end_eff) OVER (PARTITION BY pid, cid ORDER BY start_m, idx
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
        FROM positions WHERE fulltime AND start_m IS NOT NULL AND company_id IS NOT NULL))`;
}

/**
 * Hires and their experience. A full-time start at company c is a hire unless an earlier
 * full-time position at c ended less than ${D.hireGapMonths} months before (then it is an
 * internal move); after a longer gap it is a boomerang hire (`stints.opens`). Experience E =
 * full-time months (overlaps once: positions are merged into islands first) between the latest
 * graduation on or before the hire and the hire. New grad: E < 12 and the latest graduation on
 * or before hire + 3 months lies in [hire − 12, hire + 3].
 *
 * E is W(hire) − W(graduation), W(t) being the full-time months worked before month t: with
 * islands carrying the months of the islands before them, W(t) is one as-of lookup (the latest
 * island starting on or before t), and so is each graduation. No per-hire grouping.
 * `cid` and `name_key` (hashes of company_id and company_name) are the integer keys metrics
 * group by (spells-sql.ts).
 */
export function hiresSql(): string {
  const ng = D.newGrad;
  const band = [...D.bands]
    .reverse()
    .map(([label, lo]) => `WHEN e_months >= ${lo} THEN '${label}'`)
    .join(' ');
  const worked = (i: string, t: string) => `coalesce(${i}.before + least(${t}, ${i}.e) - ${i}.s, 0)`;
  return `CREATE OR REPLACE TABLE hires AS
WITH h AS (
  SELECT pid, idx, start_m, has_prev, start_m + ${ng.gradAfterMonths} AS ng_limit FROM stints WHERE opens
), marked AS (
  SELECT pid, start_m, end_eff,
         CASE WHEN start_m <= max(end_eff) OVER (PARTITION BY pid ORDER BY start_m, end_eff
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS opens
  FROM positions WHERE fulltime AND start_m IS NOT NULL
), islands AS (
  SELECT pid, s, e, coalesce(sum(e - s) OVER (PARTITION BY pid ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM (SELECT pid, min(start_m) AS s, max(end_eff) AS e
        FROM (SELECT *, sum(opens) OVER (PARTITION BY pid ORDER BY start_m, end_eff ROWS UNBOUNDED PRECEDING) AS island FROM marked)
        GROUP BY pid, island)
), hg AS (
  SELECT h.*, g1.grad_m AS grad_e, g2.grad_m AS grad_ng, coalesce(g2.imputed, g1.imputed, false) AS grad_imputed
  FROM h
  ASOF LEFT JOIN graduations g1 ON h.pid = g1.pid AND h.start_m >= g1.grad_m
  ASOF LEFT JOIN graduations g2 ON h.pid = g2.pid AND h.ng_limit >= g2.grad_m
), he AS (
  SELECT hg.*, (${worked('ih', 'hg.start_m')} - CASE WHEN hg.grad_e IS NULL THEN 0 ELSE ${worked('ig', 'hg.grad_e')} END)::INTEGER AS e_months
  FROM hg
  ASOF LEFT JOIN islands ih ON hg.pid = ih.pid AND hg.start_m >= ih.s
  ASOF LEFT JOIN islands ig ON hg.pid = ig.pid AND hg.grad_e >= ig.s
)
SELECT p.pid, p.person_id, p.idx, p.company_id, p.company_name, p.cid, hash(p.company_name) AS name_key, p.title, p.title_key, p.start_m AS hire_m, p.start_m // 12 AS year,
       p.start_prec, he.has_prev AS boomerang, he.e_months,
       CASE ${band} END AS band,
       coalesce(he.e_months < ${ng.maxExperienceMonths} AND he.grad_ng >= p.start_m - ${ng.gradBeforeMonths}, false) AS new_grad,
       he.grad_ng AS grad_m, he.grad_imputed
FROM he JOIN positions p ON p.pid = he.pid AND p.idx = he.idx`;
}
