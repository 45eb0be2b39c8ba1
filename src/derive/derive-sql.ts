/**
 * Derivation in the engine, as SQL over the raw tables (DESIGN.md v1 definitions; parameters in
 * definitions.ts). Each function returns one statement; `derive.ts` runs them in order.
 *
 *   people         one row per person: the newest record of each id, then of each LinkedIn profile
 *   positions_raw  the kept records' positions;  educations_raw likewise
 *   positions      + canonical company, employment kind, effective end (ongoing → as of update)
 *   graduations    one row per completed (or assumed completed) degree
 *   hires          one row per hire: company, month, boomerang, experience E, band, new-grad flag
 */
import { DEFINITIONS as D } from './definitions.js';

/** Same `person_key` or same LinkedIn profile = one person; the newest record wins
 *  (latest `updated_m`, then the latest ingested). */
export function peopleSql(): string {
  const newest = 'ORDER BY updated_m DESC NULLS LAST, rec_id DESC';
  return `CREATE OR REPLACE TABLE people AS
SELECT r.rec_id, r.person_key AS person_id, r.linkedin_slug, r.name, r.location, r.file_id, r.line,
       coalesce(r.updated_m, f.as_of_m) AS as_of_m, r.updated_m IS NULL AS as_of_assumed
FROM (
  SELECT * FROM (SELECT * FROM records QUALIFY row_number() OVER (PARTITION BY person_key ${newest}) = 1)
  QUALIFY linkedin_slug IS NULL OR row_number() OVER (PARTITION BY linkedin_slug ${newest}) = 1
) r JOIN files f ON f.file_id = r.file_id`;
}

export function positionsRawSql(): string {
  return `CREATE OR REPLACE TABLE positions_raw AS
SELECT p.person_id, p.as_of_m, rp.* EXCLUDE (rec_id)
FROM people p JOIN record_positions rp ON rp.rec_id = p.rec_id`;
}

export function educationsRawSql(): string {
  return `CREATE OR REPLACE TABLE educations_raw AS
SELECT p.person_id, re.* EXCLUDE (rec_id)
FROM people p JOIN record_educations re ON re.rec_id = p.rec_id`;
}

/** Positions with their resolved company and kind. An open end is "ongoing as of the profile's
 *  update"; an end placed before its start by year-only placement is clamped to the start. */
export function positionsSql(): string {
  return `CREATE OR REPLACE TABLE positions AS
SELECT p.person_id, p.idx, c.company_id, c.company_name, p.title, t.employment_kind,
       t.employment_kind = 'fulltime' AS fulltime,
       p.start_m, p.start_prec, p.end_m, p.end_prec,
       CASE WHEN p.start_m IS NOT NULL THEN greatest(coalesce(p.end_m, p.as_of_m), p.start_m) END AS end_eff,
       p.end_m IS NULL AS ongoing, p.location
FROM positions_raw p
LEFT JOIN company_map c ON c.company IS NOT DISTINCT FROM p.company
  AND c.company_domain IS NOT DISTINCT FROM p.company_domain AND c.company_linkedin IS NOT DISTINCT FROM p.company_linkedin
LEFT JOIN title_map t ON t.title IS NOT DISTINCT FROM p.title`;
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
  SELECT e.person_id, coalesce(e.end_m, e.start_m + CASE coalesce(d.level, 'unknown') ${len} ELSE 48 END) AS grad_m,
         false AS imputed
  FROM educations_raw e LEFT JOIN degree_map d ON d.degree IS NOT DISTINCT FROM e.degree
  WHERE coalesce(e.end_m, e.start_m) IS NOT NULL AND coalesce(d.level, 'unknown') <> 'certificate'
)
SELECT * FROM dated
UNION ALL
SELECT person_id, min(start_m) - 1 AS grad_m, true AS imputed
FROM positions
WHERE fulltime AND start_m IS NOT NULL AND person_id NOT IN (SELECT person_id FROM dated)
GROUP BY person_id`;
}

/**
 * Hires and their experience. A full-time start at company c is a hire unless an earlier
 * full-time position at c ended less than ${D.hireGapMonths} months before (then it is an
 * internal move); after a longer gap it is a boomerang hire. Experience E = full-time months
 * (overlaps once: positions are merged into islands first) between the latest graduation on or
 * before the hire and the hire. New grad: E < 12 and the latest graduation on or before
 * hire + 3 months lies in [hire − 12, hire + 3].
 */
export function hiresSql(): string {
  const ng = D.newGrad;
  const band = [...D.bands]
    .reverse()
    .map(([label, lo]) => `WHEN e_months >= ${lo} THEN '${label}'`)
    .join(' ');
  return `CREATE OR REPLACE TABLE hires AS
WITH ft AS (
  SELECT person_id, idx, company_id, company_name, title, start_m, start_prec, end_eff
  FROM positions WHERE fulltime AND start_m IS NOT NULL AND company_id IS NOT NULL
), starts AS (
  SELECT *, max(end_eff) OVER (PARTITION BY person_id, company_id ORDER BY start_m, idx
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM ft
), h AS (
  SELECT * FROM starts WHERE prev_end IS NULL OR start_m - prev_end >= ${D.hireGapMonths}
), spans AS (
  SELECT person_id, start_m, end_eff FROM positions WHERE fulltime AND start_m IS NOT NULL
), marked AS (
  SELECT *, CASE WHEN start_m <= max(end_eff) OVER (PARTITION BY person_id ORDER BY start_m, end_eff
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS opens
  FROM spans
), islands AS (
  SELECT person_id, min(start_m) AS s, max(end_eff) AS e
  FROM (SELECT *, sum(opens) OVER (PARTITION BY person_id ORDER BY start_m, end_eff ROWS UNBOUNDED PRECEDING) AS island FROM marked)
  GROUP BY person_id, island
), hg AS (
  SELECT h.person_id, h.idx,
         max(g.grad_m) FILTER (WHERE g.grad_m <= h.start_m) AS grad_e,
         max(g.grad_m) FILTER (WHERE g.grad_m <= h.start_m + ${ng.gradAfterMonths}) AS grad_ng,
         bool_or(g.imputed) AS grad_imputed
  FROM h LEFT JOIN graduations g ON g.person_id = h.person_id
  GROUP BY h.person_id, h.idx
), he AS (
  SELECT h.person_id, h.idx, coalesce(sum(CASE WHEN i.s IS NOT NULL -- least/greatest skip NULLs: no island must add nothing
           THEN greatest(0, least(i.e, h.start_m) - greatest(i.s, coalesce(hg.grad_e, i.s))) END), 0)::INTEGER AS e_months
  FROM h JOIN hg ON hg.person_id = h.person_id AND hg.idx = h.idx
  LEFT JOIN islands i ON i.person_id = h.person_id AND i.s < h.start_m
  GROUP BY h.person_id, h.idx
)
SELECT h.person_id, h.idx, h.company_id, h.company_name, h.title, h.start_m AS hire_m, h.start_m // 12 AS year,
       h.start_prec, h.prev_end IS NOT NULL AS boomerang, he.e_months,
       CASE ${band} END AS band,
       coalesce(he.e_months < ${ng.maxExperienceMonths} AND hg.grad_ng >= h.start_m - ${ng.gradBeforeMonths}, false) AS new_grad,
       hg.grad_ng AS grad_m, coalesce(hg.grad_imputed, false) AS grad_imputed
FROM h JOIN hg ON hg.person_id = h.person_id AND hg.idx = h.idx
JOIN he ON he.person_id = h.person_id AND he.idx = h.idx`;
}
