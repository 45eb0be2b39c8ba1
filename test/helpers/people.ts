/**
 * Domain-shaped fixtures for pipeline tests: invented people written as PDL v5 JSONL, ingested
 * into an in-memory database.
 *
 * @example person({ id: 'a', jobs: [['Acme', 'SWE', '2021-01', '2022-06']], grad: '2020-06' })
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestFiles, openDatabase, type IngestSummary, type Store } from '../../src/api.js';

/** [company, title, start, end] — end null = ongoing. */
export type Job = [string, string, string | null, string | null];

export interface PersonSpec {
  id: string;
  jobs: Job[];
  /** Graduation (end of a bachelor's degree); omit for no education at all. */
  grad?: string;
  /** Extra degrees: [degree, start, end]. */
  degrees?: [string, string | null, string | null][];
  linkedin?: string | null;
  updated?: string;
  /** Company websites / LinkedIn URLs by company name. */
  sites?: Record<string, { website?: string; linkedin?: string }>;
}

export function person(p: PersonSpec): Record<string, unknown> {
  const degrees: [string, string | null, string | null][] = p.grad ? [['bachelors', null, p.grad], ...(p.degrees ?? [])] : (p.degrees ?? []);
  return {
    id: p.id,
    full_name: `Person ${p.id}`,
    linkedin_url: p.linkedin === undefined ? `linkedin.com/in/person-${p.id}` : p.linkedin,
    location_name: 'springfield, oregon, united states',
    job_last_updated: p.updated ?? '2025-06-01',
    experience: p.jobs.map(([company, title, start, end]) => ({
      company: { name: company, website: p.sites?.[company]?.website ?? null, linkedin_url: p.sites?.[company]?.linkedin ?? null },
      title: { name: title },
      start_date: start,
      end_date: end,
      location_names: [],
    })),
    education: degrees.map(([degree, start, end]) => ({ school: { name: 'Springfield State University' }, degrees: [degree], start_date: start, end_date: end })),
  };
}

const dirs: string[] = [];
process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A new temporary folder (`prefix` + random), removed when the test process exits. */
export function tempDir(prefix = 'tf-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Write JSONL lines (objects or raw strings) to a temp file; `.gz` names are gzipped. */
export function jsonl(lines: (Record<string, unknown> | string)[], name = 'people.jsonl'): string {
  const dir = tempDir();
  const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
  const file = join(dir, name);
  writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
  return file;
}

export interface World {
  store: Store;
  summary: IngestSummary;
}

/** A fresh in-memory database with these people (or raw lines) ingested as PDL. */
export async function world(lines: (Record<string, unknown> | string)[], now = '2025-06-30'): Promise<World> {
  const store = await openDatabase(':memory:', { threads: 2 });
  const summary = await ingestFiles(store, [jsonl(lines)], { format: 'pdl', now });
  return { store, summary };
}

export interface HireFact {
  person_id: string;
  company_id: string;
  company_name: string;
  hire: string;
  boomerang: boolean;
  e_months: number;
  band: string;
  new_grad: boolean;
  grad_imputed: boolean;
}

/** Every hire, as readable facts ordered by person and month. */
export async function hireFacts(store: Store): Promise<HireFact[]> {
  return store.all<HireFact>(`SELECT person_id, company_id, company_name,
      printf('%04d-%02d', hire_m // 12, hire_m % 12 + 1) AS hire, boomerang, e_months, band, new_grad, grad_imputed
    FROM hires ORDER BY person_id, hire_m, idx`);
}
