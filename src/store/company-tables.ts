/**
 * The company registry in the database, versioned: every import writes a full new version, and
 * resolution and cohorts read the latest. An old version stays readable (`loadRegistry(store, v)`),
 * so a result can be rebuilt with the registry it was made with.
 *
 *   company_registry_versions  version, created_at, source, file, companies, added, updated
 *   company_registry           version, ord, id, name, parent, parent_from_m, founded, size,
 *                              industry, ticker, source
 *   company_keys               version, id, kind (alias | domain | linkedin), key, ord
 *   company_stages             version, id, stage, from_m
 *
 * A database that has none is seeded with the shipped registry (`registry/companies.jsonl`:
 * acquisitions of the shipped cohorts' companies, with their dates) as version 1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../engines/engine.js';
import { CompanyRegistry, type CompanyRecord, type Stage } from '../resolve/company-registry.js';

const DDL = `
CREATE TABLE IF NOT EXISTS company_registry_versions (version INTEGER, created_at VARCHAR, source VARCHAR, file VARCHAR,
  companies INTEGER, added INTEGER, updated INTEGER);
CREATE TABLE IF NOT EXISTS company_registry (version INTEGER, ord INTEGER, id VARCHAR, name VARCHAR, parent VARCHAR,
  parent_from_m INTEGER, founded INTEGER, size INTEGER, industry VARCHAR, ticker VARCHAR, source VARCHAR);
CREATE TABLE IF NOT EXISTS company_keys (version INTEGER, id VARCHAR, kind VARCHAR, key VARCHAR, ord INTEGER);
CREATE TABLE IF NOT EXISTS company_stages (version INTEGER, id VARCHAR, stage VARCHAR, from_m INTEGER);`;

export interface RegistryVersionInfo {
  version: number;
  created_at: string;
  source: string;
  file: string | null;
  companies: number;
  added: number;
  updated: number;
}

/** Writes `records` as a new version and returns its number. */
export async function saveRegistry(store: Store, records: readonly CompanyRecord[], info: Omit<RegistryVersionInfo, 'version' | 'companies'>): Promise<number> {
  await store.run(DDL);
  const [last] = await store.all<{ v: number | null }>('SELECT max(version) AS v FROM company_registry_versions');
  const version = (last?.v ?? 0) + 1;
  await store.append(
    'company_registry',
    ['version', 'ord', 'id', 'name', 'parent', 'parent_from_m', 'founded', 'size', 'industry', 'ticker', 'source'],
    records.map((r, i) => [version, i, r.id, r.name, r.parent, r.parent_from_m, r.founded, r.size, r.industry, r.ticker, r.source]),
  );
  const keys: unknown[][] = [];
  for (const r of records) {
    r.aliases.forEach((k, i) => keys.push([version, r.id, 'alias', k, i]));
    r.domains.forEach((k, i) => keys.push([version, r.id, 'domain', k, i]));
    r.linkedin.forEach((k, i) => keys.push([version, r.id, 'linkedin', k, i]));
  }
  await store.append('company_keys', ['version', 'id', 'kind', 'key', 'ord'], keys);
  await store.append('company_stages', ['version', 'id', 'stage', 'from_m'], records.flatMap((r) => r.stages.map((s) => [version, r.id, s.stage, s.from_m])));
  await store.append(
    'company_registry_versions',
    ['version', 'created_at', 'source', 'file', 'companies', 'added', 'updated'],
    [[version, info.created_at, info.source, info.file, records.length, info.added, info.updated]],
  );
  return version;
}

/** The registry at `version` (default: the latest), or null when the database has none. */
export async function loadRegistry(store: Store, version?: number): Promise<CompanyRegistry | null> {
  if (!(await store.tableExists('company_registry_versions'))) return null;
  const [v] = await store.all<{ v: number | null }>(
    version === undefined ? 'SELECT max(version) AS v FROM company_registry_versions' : 'SELECT max(version) AS v FROM company_registry_versions WHERE version = $v',
    version === undefined ? undefined : { v: version },
  );
  const at = v?.v;
  if (at === null || at === undefined) return null;
  const rows = await store.all<Omit<CompanyRecord, 'aliases' | 'domains' | 'linkedin' | 'stages'>>(
    'SELECT id, name, parent, parent_from_m, founded, size, industry, ticker, source FROM company_registry WHERE version = $v ORDER BY ord',
    { v: at },
  );
  const records = new Map<string, CompanyRecord>();
  for (const r of rows) records.set(r.id, { ...r, aliases: [], domains: [], linkedin: [], stages: [] });
  const keys = await store.all<{ id: string; kind: string; key: string }>('SELECT id, kind, key FROM company_keys WHERE version = $v ORDER BY id, kind, ord', { v: at });
  for (const k of keys) {
    const r = records.get(k.id);
    if (!r) continue;
    if (k.kind === 'alias') r.aliases.push(k.key);
    else if (k.kind === 'domain') r.domains.push(k.key);
    else r.linkedin.push(k.key);
  }
  const stages = await store.all<{ id: string; stage: string; from_m: number | null }>(
    'SELECT id, stage, from_m FROM company_stages WHERE version = $v ORDER BY id, from_m NULLS FIRST',
    { v: at },
  );
  for (const s of stages) records.get(s.id)?.stages.push({ stage: s.stage as Stage, from_m: s.from_m });
  return new CompanyRegistry([...records.values()], at);
}

/** The versions stored, oldest first. */
export async function registryVersions(store: Store): Promise<RegistryVersionInfo[]> {
  if (!(await store.tableExists('company_registry_versions'))) return [];
  return store.all<RegistryVersionInfo>('SELECT * FROM company_registry_versions ORDER BY version');
}

/** The shipped registry file (`registry/companies.jsonl` at the package root). */
export function builtinRegistryFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'registry', 'companies.jsonl');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`registry/companies.jsonl not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
