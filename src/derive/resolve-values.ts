/**
 * Per-distinct-value resolution: every distinct employer key, title and degree string is
 * resolved once in TypeScript and joined back in the engine by a 64-bit hash key (computed in
 * `positions_raw` / `educations_raw`). A title seen a million times is classified once.
 */
import type { Store } from '../engines/engine.js';
import { CompanyResolver, type RegistryEntry } from '../resolve/index.js';
import { employmentKindOf } from '../resolve/employment-kind.js';
import { degreeLevelOf } from '../resolve/degree-level.js';
import { classifyTitles } from '../resolve/titles/index.js';
import type { TitleReference } from '../reference/index.js';

/** Load a map table: rows appended with their key as text, then typed in the engine. */
async function mapTable(store: Store, table: string, keyColumn: string, columns: [string, string][], rows: unknown[][]): Promise<void> {
  const cols = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table}_load (${keyColumn} VARCHAR, ${cols})`);
  await store.append(`${table}_load`, [keyColumn, ...columns.map(([n]) => n)], rows);
  await store.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${keyColumn}::UBIGINT AS ${keyColumn}, * EXCLUDE (${keyColumn}) FROM ${table}_load`);
  await store.run(`DROP TABLE ${table}_load`);
}

/** `company_map(company_key, company, company_domain, company_linkedin, company_id, company_name, matched_by, n)`. */
export async function resolveCompanies(store: Store, registry: readonly RegistryEntry[]): Promise<number> {
  const keys = await store.all<{ k: string; company: string | null; company_domain: string | null; company_linkedin: string | null; n: number }>(
    `SELECT company_key::VARCHAR AS k, any_value(company) AS company, any_value(company_domain) AS company_domain,
            any_value(company_linkedin) AS company_linkedin, count(*) AS n
     FROM positions_raw GROUP BY company_key ORDER BY company_key`,
  );
  const resolved = new CompanyResolver(registry).resolveAll(
    keys.map((k) => ({ name: k.company, domain: k.company_domain, linkedin: k.company_linkedin, count: k.n })),
  );
  await mapTable(
    store,
    'company_map',
    'company_key',
    [['company', 'VARCHAR'], ['company_domain', 'VARCHAR'], ['company_linkedin', 'VARCHAR'], ['company_id', 'VARCHAR'], ['company_name', 'VARCHAR'], ['matched_by', 'VARCHAR'], ['n', 'BIGINT']],
    keys.map((k, i) => {
      const r = resolved[i]!;
      return [k.k, k.company, k.company_domain, k.company_linkedin, r.company_id || null, r.company_name || null, r.matched_by, k.n];
    }),
  );
  return keys.length;
}

/**
 * `title_map(title_key, title, employment_kind, seniority_level, seniority, function, soc,
 * occupation, exposure, exposure_quintile, confidence)`: internships, volunteer, board and
 * advisor roles are not hires; occupation and exposure need an imported reference.
 */
export async function resolveTitles(store: Store, reference: TitleReference | null): Promise<number> {
  const rows = await store.all<{ k: string; title: string | null }>(
    'SELECT title_key::VARCHAR AS k, any_value(title) AS title FROM positions_raw GROUP BY title_key ORDER BY title_key',
  );
  const info = classifyTitles(rows.map((r) => r.title ?? ''), { reference });
  await mapTable(
    store,
    'title_map',
    'title_key',
    [
      ['title', 'VARCHAR'], ['employment_kind', 'VARCHAR'], ['seniority_level', 'TINYINT'], ['seniority', 'VARCHAR'], ['function', 'VARCHAR'],
      ['soc', 'VARCHAR'], ['occupation', 'VARCHAR'], ['exposure', 'DOUBLE'], ['exposure_quintile', 'TINYINT'], ['confidence', 'DOUBLE'],
    ],
    rows.map((r, i) => {
      const c = info[i]!;
      return [r.k, r.title, employmentKindOf(r.title), c.seniority_level, c.seniority, c.function, c.soc, c.occupation, c.exposure, c.exposure_quintile, c.confidence];
    }),
  );
  return rows.length;
}

/** `degree_map(degree_key, degree, level)`: the level sets the assumed length of a degree with no end date. */
export async function resolveDegrees(store: Store): Promise<number> {
  const rows = await store.all<{ k: string; degree: string | null }>(
    'SELECT degree_key::VARCHAR AS k, any_value(degree) AS degree FROM educations_raw GROUP BY degree_key ORDER BY degree_key',
  );
  await mapTable(store, 'degree_map', 'degree_key', [['degree', 'VARCHAR'], ['level', 'VARCHAR']], rows.map((r) => [r.k, r.degree, degreeLevelOf(r.degree)]));
  return rows.length;
}
