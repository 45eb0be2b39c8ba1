/**
 * The analyst's baseline: one hand-written DuckDB query from raw PDL files to hires by cohort,
 * year and experience band, with the same definitions written the direct way (cohort companies
 * matched by lower-cased name or alias, interns by title keywords, no quarantine, no dedupe
 * beyond the person id). It is what talentflow's figures are compared with in `npm run bench`.
 */
import type { Cohort } from '../src/resolve/index.js';

export function baselineSql(files: string[], cohorts: readonly Cohort[]): string {
  const names = cohorts.flatMap((c) => c.companies.flatMap((co) => [co.name, ...co.aliases].map((n) => `('${n.toLowerCase().replaceAll("'", "''")}', '${c.name}')`)));
  const m = (d: string) => `CASE WHEN length(${d}) = 4 THEN try_cast(${d} AS INT) * 12 + 6 ELSE try_cast(${d}[1:4] AS INT) * 12 + try_cast(${d}[6:7] AS INT) - 1 END`;
  return `
WITH cohort_names(name, cohort) AS (VALUES ${names.join(', ')}),
p AS (
  SELECT * FROM read_json([${files.map((f) => `'${f}'`).join(', ')}], format = 'newline_delimited', ignore_errors = true,
    columns = {id: 'VARCHAR', job_last_updated: 'VARCHAR',
      experience: 'STRUCT(company STRUCT(name VARCHAR), title STRUCT(name VARCHAR), start_date VARCHAR, end_date VARCHAR)[]',
      education: 'STRUCT(end_date VARCHAR, start_date VARCHAR)[]'})
  QUALIFY row_number() OVER (PARTITION BY id ORDER BY job_last_updated DESC) = 1
),
pos AS (
  SELECT id, ${m('job_last_updated')} AS as_of, unnest(experience) AS e, generate_subscripts(experience, 1) AS i FROM p
),
ft AS (
  SELECT id, i, lower(trim(regexp_replace(e.company.name, '(,)?\\s+(inc\\.?|llc|ltd\\.?|corp\\.?|corporation)$', '', 'i'))) AS company,
    ${m('e.start_date')} AS s, coalesce(${m('e.end_date')}, as_of) AS en
  FROM pos
  WHERE NOT regexp_matches(lower(coalesce(e.title.name, '')), 'intern|co-op|volunteer|board member|advisor')
    AND e.start_date IS NOT NULL
),
h AS (
  SELECT *, max(en) OVER (PARTITION BY id, company ORDER BY s, i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
  FROM ft
),
hires AS (SELECT * FROM h WHERE prev IS NULL OR s - prev >= 3),
grads AS (
  SELECT id, coalesce(${m('g.end_date')}, ${m('g.start_date')} + 48) AS g
  FROM (SELECT id, unnest(education) AS g FROM p) WHERE coalesce(g.end_date, g.start_date) IS NOT NULL
),
he AS (
  SELECT hh.id, hh.i, hh.company, hh.s,
    coalesce(sum(greatest(0, least(f.en, hh.s) - greatest(f.s, coalesce((SELECT max(g) FROM grads WHERE grads.id = hh.id AND g <= hh.s), f.s)))), 0) AS e
  FROM hires hh LEFT JOIN ft f ON f.id = hh.id AND f.s < hh.s
  GROUP BY ALL
)
SELECT coalesce(c.cohort, 'other') AS cohort, he.s // 12 AS year,
  CASE WHEN e >= 132 THEN '11+' WHEN e >= 72 THEN '6-10' WHEN e >= 24 THEN '2-5' WHEN e >= 12 THEN '1' ELSE '<1' END AS band,
  count(*) AS hires
FROM he LEFT JOIN cohort_names c ON c.name = he.company
GROUP BY ALL ORDER BY ALL`;
}
