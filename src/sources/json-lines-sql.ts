/**
 * JSON-lines formats parsed in the engine. A `JsonLinesFormat` says which JSON shape to read and
 * how it maps onto the stage; the statements below (DuckDB SQL: ingest parses in DuckDB on every
 * engine) turn one file's raw lines into flat staged rows:
 *
 *   stage_raw   one row per line (rowid = line − 1): early reject reason, person fields, the lists
 *   stage_rows  view: stage_raw with the few lines typed late from their text (never UPDATEd in
 *               place: updating a list column moves the row and its rowid)
 *   stage_pos   one row per position, dates as month indices, per-field problems
 *   stage_edu   one row per education entry, likewise
 *   stage_lines the raw text of the few lines that need a second look, fetched by line number
 *
 * Two ways to fill `stage_raw`: `read_json` straight into typed columns (fast: it parses into
 * vectors, about 3× faster than parsing text with `json_transform`), valid when the file has no
 * blank lines (then row i is line i + 1: a parallel count of lines and blank lines checks it); and `read_csv` lines +
 * `json_transform` (one row per line whatever it holds) for every other file.
 * Work is columnar: list columns are unnested, never walked with lambdas (measured 4× slower).
 *
 * Partial dates (DESIGN.md): `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time may follow the day) keep
 * their precision (1 year, 2 month, 3 day) and become a month index `year * 12 + month − 1`.
 * A year-only position date is placed at July (mid-year: the unbiased guess); a year-only
 * education end at June and start at September (the academic calendar). Years outside
 * 1901–2100 are invalid (1900 is a common placeholder for "unknown").
 */

/** An object-typed member and a field of it that shows the object was read. */
export interface ObjectMember {
  name: string;
  /** Every field of the member's struct; all null while the member is not null = a wrong type. */
  fields: string[];
}

/** How one JSON-lines format maps onto the stage. Expressions read the parsed line as `t`
 *  and one list element as `e`. */
export interface JsonLinesFormat {
  /** The `json_transform` structure for one line. */
  structure: Record<string, unknown>;
  id: string;
  linkedinUrl: string;
  name: string;
  location: string;
  updatedAt: string;
  /** Name of the updated-at field, for messages. */
  updatedAtField: string;
  /** Line in an original file this record was converted from (canonical files we write), or NULL. */
  sourceLine: string;
  positions: ListSpec & {
    company: string;
    companyDomain: string;
    companyLinkedin: string;
    title: string;
    current: string;
    location: string;
  };
  educations: ListSpec & { school: string; degree: string };
}

export interface ListSpec {
  /** Member of `t` holding the list. */
  field: string;
  start: string;
  end: string;
  startField: string;
  endField: string;
  objectMembers: ObjectMember[];
}

/** DuckDB macros the stage uses; created once per connection. */
export const STAGE_MACROS = `
CREATE OR REPLACE TEMP MACRO tf_d(s, dm) AS try_cast(CASE length(s)
  WHEN 4 THEN s || '-' || lpad(dm::VARCHAR, 2, '0') || '-01' WHEN 7 THEN s || '-01'
  ELSE CASE WHEN length(s) = 10 OR s[11] IN ('T', ' ') THEN s[1:10] END END AS DATE);
CREATE OR REPLACE TEMP MACRO tf_ok(d) AS coalesce(year(d) BETWEEN 1901 AND 2100, false);
CREATE OR REPLACE TEMP MACRO tf_bad(s) AS (s IS NOT NULL AND NOT tf_ok(tf_d(s, 1)));
CREATE OR REPLACE TEMP MACRO tf_m(s, dm) AS CASE WHEN tf_ok(tf_d(s, dm)) THEN (year(tf_d(s, dm)) * 12 + month(tf_d(s, dm)) - 1)::INTEGER END;
CREATE OR REPLACE TEMP MACRO tf_before(sm, sp, em, ep) AS coalesce(
  CASE WHEN least(sp, ep) = 1 THEN em // 12 < sm // 12 ELSE em < sm END, false);
CREATE OR REPLACE TEMP MACRO tf_is_object(line) AS CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END;
CREATE OR REPLACE TEMP MACRO tf_linkedin_slug(u) AS nullif(lower(regexp_extract(u, 'linkedin\\.com/in/([^/?#\\s]+)', 1)), '');
`;

/**
 * The longest line read (4 MiB: a career profile is a few KiB). The engine's read buffers scale
 * with it, so it stays modest; a longer line makes the file go through `sanitizeLines`, which
 * quarantines that line (`line_too_long`).
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** Whether a raw `line` is blank (NULL, or whitespace only). `trim` copies a string: only short
 *  lines can be blank, so only they are trimmed. */
export const BLANK_LINE = "CASE WHEN line IS NULL THEN true WHEN strlen(line) <= 256 THEN trim(line) = '' ELSE false END";

/** Reads raw lines of one file; `line` is NULL for a blank line, row order is line order. */
export function linesSource(file: string): string {
  return `read_csv(${lit(file)}, columns = {'line': 'VARCHAR'}, header = false, delim = E'\\x1f', quote = '',
    escape = '', auto_detect = false, strict_mode = false, null_padding = true, max_line_size = ${MAX_LINE_BYTES})`;
}

/** `stage_raw` from raw lines: early reasons (blank, invalid JSON, not an object), the person
 *  fields and the two lists as flat columns (reading one list does not read the other). */
export function stageRawSql(f: JsonLinesFormat, source: string): string {
  return `CREATE OR REPLACE TEMP TABLE stage_raw AS
SELECT early,
  CASE WHEN early IN ('invalid_json', 'not_an_object') THEN left(line, 4096) END AS raw,
  CASE early WHEN 'not_an_object' THEN 'a JSON ' || lower(json_type(line)) || ', not an object'
             WHEN 'invalid_json' THEN 'not valid JSON' END AS early_detail,
  ${personColumns(f)}
FROM (
  SELECT *, CASE WHEN early IS NULL THEN json_transform(line, ${lit(JSON.stringify(f.structure))}) END AS t
  FROM (SELECT line,
          CASE WHEN ${BLANK_LINE} THEN 'blank'
               WHEN NOT json_valid(line) THEN 'invalid_json'
               WHEN CASE WHEN left(line, 1) = '{' THEN false ELSE left(ltrim(line), 1) <> '{' END THEN 'not_an_object' END AS early
        FROM ${source}))`;
}

/** `stage_raw` by `read_json` into typed columns: one row per non-blank line, all-NULL for a line
 *  that is not a JSON object (`parsed` false: such lines are classified from their text later). */
export function stageRawFastSql(f: JsonLinesFormat, file: string): string {
  const keys = Object.keys(f.structure);
  const columns = keys.map((k) => `${lit(k)}: ${lit(duckdbType(f.structure[k]))}`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE stage_raw AS
SELECT NULL::VARCHAR AS early, NULL::VARCHAR AS raw, NULL::VARCHAR AS early_detail,
  ${personColumns(f, keys.map((k) => `"${k}" IS NOT NULL`).join(' OR '))}
FROM (SELECT struct_pack(${keys.map((k) => `"${k}" := "${k}"`).join(', ')}) AS t, *
      FROM read_json(${lit(file)}, format = 'newline_delimited', ignore_errors = true, maximum_object_size = ${MAX_LINE_BYTES},
                     columns = {${columns}}))`;
}

function personColumns(f: JsonLinesFormat, parsed = 't IS NOT NULL'): string {
  return `${parsed} AS parsed,
  ${f.id} AS p_id, ${f.linkedinUrl} AS p_linkedin, ${f.name} AS p_name, ${f.location} AS p_location,
  ${f.updatedAt} AS p_updated, ${f.sourceLine} AS p_source_line,
  t.${f.positions.field} AS pos_list, t.${f.educations.field} AS edu_list`;
}

/** A `json_transform` structure as a DuckDB type: `{"a": "VARCHAR"}` → `STRUCT("a" VARCHAR)`. */
function duckdbType(shape: unknown): string {
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return `${duckdbType(shape[0])}[]`;
  const fields = Object.entries(shape as Record<string, unknown>).map(([k, v]) => `"${k}" ${duckdbType(v)}`);
  return `STRUCT(${fields.join(', ')})`;
}

/** One row per list element, with month indices and what is wrong with it. Layered so that
 *  each date is parsed once (macros expand inline; repeating one repeats its work). */
function stageListSql(table: string, list: 'pos_list' | 'edu_list', spec: ListSpec, columns: string, startMonth: number, endMonth: number, rows: StageRows): string {
  const allNull = (m: ObjectMember) => `(e.${m.name} IS NOT NULL AND ${m.fields.map((x) => `e.${m.name}.${x} IS NULL`).join(' AND ')})`;
  const suspicious = spec.objectMembers.length ? spec.objectMembers.map(allNull).join(' OR ') : 'false';
  const head = rows === 'all' ? `CREATE OR REPLACE TEMP TABLE ${table} AS` : `INSERT INTO ${table}`;
  const from = rows === 'all' ? 'SELECT rowid AS rid, * FROM stage_raw WHERE parsed' : 'SELECT * FROM stage_reparsed WHERE parsed';
  return `${head}
SELECT * EXCLUDE (s, en, sd, ed, s_bad, e_bad),
  CASE WHEN s_bad THEN '${spec.field}[' || idx || '].${spec.startField}: ' || s
       WHEN e_bad THEN '${spec.field}[' || idx || '].${spec.endField}: ' || en END AS bad_date,
  CASE WHEN tf_before(start_m, start_prec, end_m, end_prec)
       THEN '${spec.field}[' || idx || ']: ends ' || en || ' before it starts ' || s END AS bad_order
FROM (
  SELECT *,
    CASE WHEN NOT s_bad THEN (year(sd) * 12 + month(sd) - 1)::INTEGER END AS start_m,
    CASE WHEN s IS NOT NULL AND NOT s_bad THEN (CASE length(s) WHEN 4 THEN 1 WHEN 7 THEN 2 ELSE 3 END)::TINYINT END AS start_prec,
    CASE WHEN NOT e_bad THEN (year(ed) * 12 + month(ed) - 1)::INTEGER END AS end_m,
    CASE WHEN en IS NOT NULL AND NOT e_bad THEN (CASE length(en) WHEN 4 THEN 1 WHEN 7 THEN 2 ELSE 3 END)::TINYINT END AS end_prec
  FROM (
    SELECT *, s IS NOT NULL AND NOT tf_ok(sd) AS s_bad, en IS NOT NULL AND NOT tf_ok(ed) AS e_bad
    FROM (
      SELECT rid, idx, ${columns}, ${at('e', spec.start)} AS s, ${at('e', spec.end)} AS en,
             tf_d(${at('e', spec.start)}, ${startMonth}) AS sd, tf_d(${at('e', spec.end)}, ${endMonth}) AS ed, ${suspicious} AS suspicious
      FROM (SELECT rid, unnest(${list}) AS e, generate_subscripts(${list}, 1) - 1 AS idx FROM (${from})))))`;
}

/** `all` stages every typed row; `reparsed` adds the rows typed late from their text. */
export type StageRows = 'all' | 'reparsed';

export function stagePositionsSql(f: JsonLinesFormat, rows: StageRows = 'all'): string {
  const P = f.positions;
  const cols = [
    `nullif(${at('e', P.company)}, '') AS company`,
    `nullif(${at('e', P.companyDomain)}, '') AS company_domain`,
    `nullif(${at('e', P.companyLinkedin)}, '') AS company_linkedin`,
    `nullif(${at('e', P.title)}, '') AS title`,
    `${at('e', P.current)} AS current`,
    `nullif(${at('e', P.location)}, '') AS location`,
  ].join(',\n  ');
  return stageListSql('stage_pos', 'pos_list', P, cols, 7, 7, rows);
}

export function stageEducationsSql(f: JsonLinesFormat, rows: StageRows = 'all'): string {
  const E = f.educations;
  const cols = [`nullif(${at('e', E.school)}, '') AS school`, `nullif(${at('e', E.degree)}, '') AS degree`].join(',\n  ');
  return stageListSql('stage_edu', 'edu_list', E, cols, 9, 6, rows);
}

/**
 * The lines that need their text: those the fast reader could not type (`parsed` false) and
 * those whose typed struct looks wrong (a list or object member that came out empty).
 */
export function wantedLinesSql(): string {
  return `CREATE OR REPLACE TEMP TABLE stage_want AS
SELECT DISTINCT rid FROM (
  SELECT rowid AS rid FROM stage_raw WHERE early IS NULL AND (NOT parsed OR pos_list IS NULL OR edu_list IS NULL)
  UNION ALL SELECT rid FROM stage_pos WHERE suspicious
  UNION ALL SELECT rid FROM stage_edu WHERE suspicious)`;
}

/** The text of the wanted lines (rid = line − 1). `row_number() OVER ()` streams in file order
 *  and the join keeps only the wanted lines: nothing else is held. */
export function lineScanSql(source: string): string {
  return `CREATE OR REPLACE TEMP TABLE stage_lines AS
SELECT s.rid, s.line
FROM (SELECT row_number() OVER () - 1 AS rid, line FROM ${source}) s
JOIN stage_want w ON w.rid = s.rid`;
}

/** Lines and blank lines of `source`, in parallel. */
export function lineCountsSql(source: string): string {
  return `SELECT count(*) AS lines,
  count(*) FILTER (WHERE ${BLANK_LINE}) AS blank
FROM ${source}`;
}

/**
 * Lines the fast reader left untyped: those that are not JSON objects get their early reason
 * (`stage_untyped`); the others (a neighbour of a broken line can come out empty) are typed from
 * their own text (`stage_reparsed`), and their positions and educations are staged too.
 */
export function classifyUntypedSql(f: JsonLinesFormat): string[] {
  const untyped = 'FROM stage_lines l JOIN stage_raw r ON r.rowid = l.rid WHERE NOT r.parsed AND l.line IS NOT NULL';
  return [
    `CREATE OR REPLACE TEMP TABLE stage_reparsed AS
SELECT rid, ${personColumns(f)}
FROM (SELECT l.rid, CASE WHEN tf_is_object(l.line)
        THEN json_transform(l.line, ${lit(JSON.stringify(f.structure))}) END AS t ${untyped})
WHERE t IS NOT NULL`,
    `CREATE OR REPLACE TEMP TABLE stage_untyped AS
SELECT l.rid, CASE WHEN NOT json_valid(l.line) THEN 'invalid_json' ELSE 'not_an_object' END AS early,
  left(l.line, 4096) AS raw,
  CASE WHEN NOT json_valid(l.line) THEN 'not valid JSON' ELSE 'a JSON ' || lower(json_type(l.line)) || ', not an object' END AS early_detail
${untyped} AND NOT tf_is_object(l.line)`,
  ];
}

/** Empty late-typing tables, for files staged line by line. */
export const NO_UNTYPED_SQL = [
  'CREATE OR REPLACE TEMP TABLE stage_reparsed AS SELECT rowid AS rid, * FROM stage_raw LIMIT 0',
  'CREATE OR REPLACE TEMP TABLE stage_untyped AS SELECT rowid AS rid, early, raw, early_detail FROM stage_raw LIMIT 0',
];

/** `stage_raw` with the late typing applied, by `rid`. */
export const STAGE_ROWS_SQL = `CREATE OR REPLACE TEMP VIEW stage_rows AS
SELECT r.rowid AS rid,
  coalesce(u.early, r.early) AS early, coalesce(u.raw, r.raw) AS raw, coalesce(u.early_detail, r.early_detail) AS early_detail,
  CASE WHEN x.rid IS NULL THEN r.parsed ELSE x.parsed END AS parsed,
  CASE WHEN x.rid IS NULL THEN r.p_id ELSE x.p_id END AS p_id,
  CASE WHEN x.rid IS NULL THEN r.p_linkedin ELSE x.p_linkedin END AS p_linkedin,
  CASE WHEN x.rid IS NULL THEN r.p_name ELSE x.p_name END AS p_name,
  CASE WHEN x.rid IS NULL THEN r.p_location ELSE x.p_location END AS p_location,
  CASE WHEN x.rid IS NULL THEN r.p_updated ELSE x.p_updated END AS p_updated,
  CASE WHEN x.rid IS NULL THEN r.p_source_line ELSE x.p_source_line END AS p_source_line
FROM stage_raw r LEFT JOIN stage_untyped u ON u.rid = r.rowid LEFT JOIN stage_reparsed x ON x.rid = r.rowid`;

/** Wrong types, from the raw JSON of the wanted lines: `(rid, detail)`. */
export function wrongTypesSql(f: JsonLinesFormat): string {
  const checks: string[] = [];
  for (const spec of [f.positions, f.educations]) {
    checks.push(`CASE WHEN coalesce(json_type(line, '$.${spec.field}'), 'NULL') NOT IN ('ARRAY', 'NULL')
      THEN '${spec.field}: expected an array, got ' || lower(json_type(line, '$.${spec.field}')) END`);
    for (const m of spec.objectMembers) {
      const types = `list_transform(json_extract(line, '$.${spec.field}[*].${m.name}')::JSON[], v -> coalesce(json_type(v), 'NULL') NOT IN ('OBJECT', 'NULL'))`;
      checks.push(`CASE WHEN list_bool_or(${types})
        THEN '${spec.field}[' || (list_position(${types}, true) - 1) || '].${m.name}: expected an object' END`);
    }
  }
  return `CREATE OR REPLACE TEMP TABLE stage_wrong_types AS
SELECT rid, detail FROM (
  SELECT rid, CASE WHEN tf_is_object(line) THEN coalesce(${checks.join(',\n  ')}) END AS detail
  FROM stage_lines WHERE line IS NOT NULL)
WHERE detail IS NOT NULL`;
}

/**
 * Verdict per line: the first reason that applies (early, wrong type, missing id, invalid
 * date, end before start) and its detail naming the field; NULL reason = accepted.
 */
export function verdictSql(f: JsonLinesFormat): string {
  const agg = (table: string) => `(SELECT rid, arg_min(bad_date, idx) FILTER (WHERE bad_date IS NOT NULL) AS bad_date,
      arg_min(bad_order, idx) FILTER (WHERE bad_order IS NOT NULL) AS bad_order FROM ${table} GROUP BY rid)`;
  return `CREATE OR REPLACE TEMP TABLE stage_verdict AS
SELECT r.rid,
  CASE WHEN r.early IS NOT NULL THEN r.early
       WHEN w.detail IS NOT NULL THEN 'wrong_type'
       WHEN nullif(trim(r.p_id), '') IS NULL AND tf_linkedin_slug(r.p_linkedin) IS NULL THEN 'missing_id'
       WHEN tf_bad(r.p_updated) OR p.bad_date IS NOT NULL OR e.bad_date IS NOT NULL THEN 'invalid_date'
       WHEN p.bad_order IS NOT NULL OR e.bad_order IS NOT NULL THEN 'end_before_start' END AS reason,
  CASE WHEN r.early IS NOT NULL THEN r.early_detail
       WHEN w.detail IS NOT NULL THEN w.detail
       WHEN nullif(trim(r.p_id), '') IS NULL AND tf_linkedin_slug(r.p_linkedin) IS NULL THEN 'no id and no linkedin_url'
       WHEN tf_bad(r.p_updated) THEN '${f.updatedAtField}: ' || r.p_updated
       ELSE coalesce(p.bad_date, e.bad_date, p.bad_order, e.bad_order) END AS detail
FROM stage_rows r
LEFT JOIN ${agg('stage_pos')} p ON p.rid = r.rid
LEFT JOIN ${agg('stage_edu')} e ON e.rid = r.rid
LEFT JOIN stage_wrong_types w ON w.rid = r.rid`;
}

/** Accepted lines as record rows, by `rid` (the loader offsets rids into record ids). */
export function acceptedRecordsSql(idPrefix: string): string {
  const prefix = idPrefix ? `${lit(idPrefix)} || ` : '';
  return `SELECT r.rid, $file_id AS file_id, ${lineSql()} AS line,
  ${prefix}coalesce(nullif(trim(r.p_id), ''), 'li:' || tf_linkedin_slug(r.p_linkedin)) AS person_key,
  tf_linkedin_slug(r.p_linkedin) AS linkedin_slug,
  r.p_name AS name, r.p_location AS location,
  tf_m(r.p_updated, 7) AS updated_m
FROM stage_rows r JOIN stage_verdict v ON v.rid = r.rid
WHERE v.reason IS NULL`;
}

/** The line a staged row came from: the original line for converted files, else its own. */
export function lineSql(): string {
  return 'coalesce(r.p_source_line, r.rid + 1)';
}

/** Rewrite an expression written over `t.`/`e.` to read from `base`. */
function at(base: string, expr: string): string {
  return expr.replace(/\b[te]\./g, `${base}.`);
}

function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
