/**
 * Per-distinct-value resolution: every distinct employer key, title and degree string is
 * resolved once in TypeScript and joined back by value in the engine. A title seen a million
 * times is classified once.
 */
import type { Store } from '../engines/engine.js';
import { CompanyResolver, type RegistryEntry } from '../resolve/index.js';
import { employmentKindOf } from '../resolve/employment-kind.js';
import { degreeLevelOf } from '../resolve/degree-level.js';
import { classifyTitles } from '../resolve/titles/index.js';
import type { TitleReference } from '../reference/index.js';

interface CompanyKeyRow {
  company: string | null;
  company_domain: string | null;
  company_linkedin: string | null;
  n: number;
}

/** `company_map(company, company_domain, company_linkedin, company_id, company_name, matched_by)`. */
export async function resolveCompanies(store: Store, registry: readonly RegistryEntry[]): Promise<number> {
  const keys = await store.all<CompanyKeyRow>(
    `SELECT company, company_domain, company_linkedin, count(*) AS n FROM positions_raw
     GROUP BY ALL ORDER BY company, company_domain, company_linkedin`,
  );
  const resolved = new CompanyResolver(registry).resolveAll(
    keys.map((k) => ({ name: k.company, domain: k.company_domain, linkedin: k.company_linkedin, count: k.n })),
  );
  await store.run(`CREATE OR REPLACE TABLE company_map (company VARCHAR, company_domain VARCHAR, company_linkedin VARCHAR,
    company_id VARCHAR, company_name VARCHAR, matched_by VARCHAR, n BIGINT)`);
  await store.append(
    'company_map',
    ['company', 'company_domain', 'company_linkedin', 'company_id', 'company_name', 'matched_by', 'n'],
    keys.map((k, i) => {
      const r = resolved[i]!;
      return [k.company, k.company_domain, k.company_linkedin, r.company_id || null, r.company_name || null, r.matched_by, k.n];
    }),
  );
  return keys.length;
}

/**
 * `title_map(title, employment_kind, seniority_level, seniority, function, soc, occupation,
 * exposure, exposure_quintile, confidence)`: internships, volunteer, board and advisor roles are
 * not hires; occupation and exposure need an imported reference (null without one).
 */
export async function resolveTitles(store: Store, reference: TitleReference | null): Promise<number> {
  const rows = await store.all<{ title: string | null }>('SELECT DISTINCT title FROM positions_raw ORDER BY title');
  const titles = rows.map((r) => r.title);
  const info = classifyTitles(titles.map((t) => t ?? ''), { reference });
  await store.run(`CREATE OR REPLACE TABLE title_map (title VARCHAR, employment_kind VARCHAR, seniority_level TINYINT,
    seniority VARCHAR, function VARCHAR, soc VARCHAR, occupation VARCHAR, exposure DOUBLE, exposure_quintile TINYINT,
    confidence DOUBLE)`);
  await store.append(
    'title_map',
    ['title', 'employment_kind', 'seniority_level', 'seniority', 'function', 'soc', 'occupation', 'exposure', 'exposure_quintile', 'confidence'],
    titles.map((t, i) => {
      const c = info[i]!;
      return [t, employmentKindOf(t), c.seniority_level, c.seniority, c.function, c.soc, c.occupation, c.exposure, c.exposure_quintile, c.confidence];
    }),
  );
  return titles.length;
}

/** `degree_map(degree, level)`: the level sets the assumed length of a degree with no end date. */
export async function resolveDegrees(store: Store): Promise<number> {
  const degrees = await store.all<{ degree: string | null }>('SELECT DISTINCT degree FROM educations_raw ORDER BY degree');
  await store.run('CREATE OR REPLACE TABLE degree_map (degree VARCHAR, level VARCHAR)');
  await store.append('degree_map', ['degree', 'level'], degrees.map((d) => [d.degree, degreeLevelOf(d.degree)]));
  return degrees.length;
}
