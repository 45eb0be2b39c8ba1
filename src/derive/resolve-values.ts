/**
 * Per-distinct-value resolution: every distinct employer key, title and degree string is
 * resolved once in TypeScript and joined back in the engine by a 64-bit hash key (computed in
 * `positions_raw` / `educations_raw`). A title seen a million times is classified once.
 */
import type { Store } from '../engines/engine.js';
import { CompanyResolver, type RegistryEntry } from '../resolve/index.js';
import { normalizeCompanyName } from '../resolve/company-name.js';
import { employmentKindOf } from '../resolve/employment-kind.js';
import { degreeLevelOf } from '../resolve/degree-level.js';
import { classifyTitles } from '../resolve/titles/index.js';
import type { TitleReference } from '../reference/index.js';

/**
 * How a resolution step treats its map: `replace` builds it from every value of the raw views;
 * `add` (incremental derive, docs/snapshots.md) resolves only the values `main.<map>` lacks and
 * appends them, so a value is never resolved twice.
 */
export type MapMode = 'replace' | 'add';

/** Load a map table: rows appended with their key as text, then typed in the engine. */
async function mapTable(store: Store, table: string, keyColumn: string, columns: [string, string][], rows: unknown[][], mode: MapMode): Promise<void> {
  const cols = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table}_load (${keyColumn} VARCHAR, ${cols})`);
  await store.append(`${table}_load`, [keyColumn, ...columns.map(([n]) => n)], rows);
  const typed = `SELECT ${keyColumn}::UBIGINT AS ${keyColumn}, * EXCLUDE (${keyColumn}) FROM ${table}_load`;
  await store.run(mode === 'add' ? `INSERT INTO main.${table} ${typed}` : `CREATE OR REPLACE TABLE ${table} AS ${typed}`);
  await store.run(`DROP TABLE ${table}_load`);
}

/** The keys of `view` to resolve: all of them, or (`add`) those `main.<map>` lacks. */
const missing = (mode: MapMode, map: string, key: string) => (mode === 'add' ? `WHERE ${key} NOT IN (SELECT ${key} FROM main.${map})` : '');

/** `company_map(company_key, company, company_domain, company_linkedin, company_id, company_name, matched_by, n)`;
 *  `n` counts the positions naming the key (in `add` mode the new positions are counted in). */
export async function resolveCompanies(store: Store, registry: readonly RegistryEntry[], mode: MapMode = 'replace'): Promise<number> {
  if (mode === 'add') {
    await store.run(`UPDATE main.company_map SET n = company_map.n + d.n
      FROM (SELECT company_key, count(*) AS n FROM positions_raw GROUP BY company_key) d WHERE company_map.company_key = d.company_key`);
  }
  const keys = await store.all<{ k: string; company: string | null; company_domain: string | null; company_linkedin: string | null; n: number }>(
    `SELECT company_key::VARCHAR AS k, any_value(company) AS company, any_value(company_domain) AS company_domain,
            any_value(company_linkedin) AS company_linkedin, count(*) AS n
     FROM positions_raw ${missing(mode, 'company_map', 'company_key')} GROUP BY company_key ORDER BY company_key`,
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
    mode,
  );
  return keys.length;
}

/**
 * After `resolveCompanies(…, 'add')`: a new company (`n:` id) is named by the most frequent raw
 * spelling of all its keys (ties: the smallest), as a full resolution names it, so new keys and
 * new counts can change the name of a company resolved before. Re-takes the names of the
 * companies the keys of `positions_raw` belong to; returns the ids whose name changed.
 */
export async function renameCompanies(store: Store): Promise<string[]> {
  const rows = await store.all<{ company_id: string; company_name: string; company: string | null; n: number }>(
    `SELECT company_id, company_name, company, n FROM main.company_map
     WHERE company_id IN (SELECT m.company_id FROM main.company_map m JOIN (SELECT DISTINCT company_key FROM positions_raw) k ON k.company_key = m.company_key
                          WHERE m.matched_by = 'new' AND m.company_id LIKE 'n:%')`,
  );
  const totals = new Map<string, { current: Set<string>; byLabel: Map<string, number> }>();
  for (const r of rows) {
    const c = totals.get(r.company_id) ?? { current: new Set<string>(), byLabel: new Map<string, number>() };
    totals.set(r.company_id, c);
    c.current.add(r.company_name);
    if (r.company === null || normalizeCompanyName(r.company) === '') continue;
    const label = r.company.trim();
    c.byLabel.set(label, (c.byLabel.get(label) ?? 0) + r.n);
  }
  const renamed: [string, string][] = [];
  for (const [id, { current, byLabel }] of totals) {
    let best: string | undefined;
    for (const [label, total] of byLabel) if (best === undefined || total > byLabel.get(best)! || (total === byLabel.get(best)! && label < best)) best = label;
    if (best !== undefined && (current.size > 1 || !current.has(best))) renamed.push([id, best]);
  }
  if (renamed.length === 0) return [];
  await store.run('CREATE OR REPLACE TEMP TABLE company_renames (company_id VARCHAR, company_name VARCHAR)');
  await store.append('company_renames', ['company_id', 'company_name'], renamed);
  await store.run('UPDATE main.company_map SET company_name = r.company_name FROM company_renames r WHERE company_map.company_id = r.company_id');
  return renamed.map(([id]) => id);
}

/**
 * `title_map(title_key, title, employment_kind, seniority_level, seniority, function, soc,
 * occupation, exposure, exposure_quintile, confidence)`: internships, volunteer, board and
 * advisor roles are not hires; occupation and exposure need an imported reference.
 */
export async function resolveTitles(store: Store, reference: TitleReference | null, mode: MapMode = 'replace'): Promise<number> {
  const rows = await store.all<{ k: string; title: string | null }>(
    `SELECT title_key::VARCHAR AS k, any_value(title) AS title FROM positions_raw ${missing(mode, 'title_map', 'title_key')} GROUP BY title_key ORDER BY title_key`,
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
    mode,
  );
  return rows.length;
}

/** `degree_map(degree_key, degree, level)`: the level sets the assumed length of a degree with no end date. */
export async function resolveDegrees(store: Store, mode: MapMode = 'replace'): Promise<number> {
  const rows = await store.all<{ k: string; degree: string | null }>(
    `SELECT degree_key::VARCHAR AS k, any_value(degree) AS degree FROM educations_raw ${missing(mode, 'degree_map', 'degree_key')} GROUP BY degree_key ORDER BY degree_key`,
  );
  await mapTable(store, 'degree_map', 'degree_key', [['degree', 'VARCHAR'], ['level', 'VARCHAR']], rows.map((r) => [r.k, r.degree, degreeLevelOf(r.degree)]), mode);
  return rows.length;
}
