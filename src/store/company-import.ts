/**
 * `talentflow data import companies FILE [--source yc|sp500|auto]`: read companies from CSV or
 * JSONL, merge them into the latest registry (a company already known by LinkedIn slug, domain or
 * normalized name or alias gets the new keys and attributes; others are added) and store the
 * result as a new version. Every problem names the file, the line and the field; a file with
 * problems imports nothing. Data already ingested is re-derived with the new registry and the
 * cohorts it was ingested with.
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { derive } from '../derive/index.js';
import { CompanyRegistry, mergeCompany, type CompanyRecord } from '../resolve/company-registry.js';
import { resolutionEntries } from '../resolve/company-registry-entries.js';
import { parentCycle } from '../resolve/company-rollup.js';
import { domainOf } from '../resolve/company-domain.js';
import { normalizeCompanyName } from '../resolve/company-name.js';
import { columnIndex, readCsv } from '../sources/csv-rows.js';
import { readHead, readLines } from '../sources/open-text.js';
import { builtinRegistryFile, loadRegistry, saveRegistry } from './company-tables.js';
import { ingestedCohorts } from './company-cohort-files.js';
import { COMPANY_SOURCES, parseCompanyRow, type CompanyRow, type CompanySource } from './company-records.js';

const CODE = 'invalid_company_file';
const HINT = 'see docs/companies.md, "Importing companies"';
const MAX_LISTED = 10;

export interface CompanyImportSummary {
  file: string;
  source: CompanySource;
  version: number;
  read: number;
  added: number;
  updated: number;
  companies: number;
}

interface PlacedRow extends CompanyRow {
  line: number;
}

/** Reads every row of a company file; `auto` picks the layout from the header or first record. */
export async function readCompanyFile(file: string, source: CompanySource | 'auto' = 'auto'): Promise<{ source: CompanySource; rows: PlacedRow[] }> {
  let head: string;
  try {
    head = await readHead(file, 4096);
  } catch (e) {
    throw new UserError(`invalid company file: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, CODE, HINT, { file });
  }
  const json = head.trimStart().startsWith('{');
  const chosen: CompanySource =
    source !== 'auto' ? source : json ? (/"batch"\s*:|"one_liner"\s*:/.test(head) ? 'yc' : 'file') : /(^|,)Symbol,Security(,|$)/m.test(head) ? 'sp500' : 'file';
  if (!(COMPANY_SOURCES as readonly string[]).includes(chosen)) throw new UserError(`unknown company source: ${chosen}`, 'usage', `sources: auto, ${COMPANY_SOURCES.join(', ')}`);
  const rows: PlacedRow[] = [];
  const bad = (line: number, field: string | null, problem: string): PlacedRow => ({
    line, record: { id: '' } as CompanyRecord, parent: null, problems: [[field ?? '', problem]],
  });
  if (json) {
    for await (const { text, line } of readLines(file)) {
      if (text.trim() === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        rows.push(bad(line, null, `invalid JSON (${(e as Error).message})`));
        continue;
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) rows.push(bad(line, null, 'expected a JSON object'));
      else rows.push({ ...parseCompanyRow(obj as Record<string, unknown>, chosen), line });
    }
  } else {
    let header: Map<string, number> | null = null;
    for await (const item of readCsv(file)) {
      if (item.kind === 'error') {
        rows.push(bad(item.line, null, `invalid CSV (${item.message})`));
        continue;
      }
      if (header === null) {
        header = columnIndex(item.fields);
        continue;
      }
      const obj: Record<string, unknown> = {};
      for (const [k, i] of header) obj[k] = item.fields[i];
      rows.push({ ...parseCompanyRow(obj, chosen), line: item.line });
    }
  }
  return { source: chosen, rows };
}

/** `base` with `rows` merged in; throws one UserError listing every problem (nothing merged). */
export function mergeCompanyRows(base: readonly CompanyRecord[], rows: readonly PlacedRow[], file: string): { records: CompanyRecord[]; added: number; updated: number } {
  const problems: string[] = [];
  const places: { line: number; field?: string }[] = [];
  const problem = (line: number, field: string, text: string) => {
    problems.push(`${file}:${line}: ${field ? `${field} ` : ''}${text}`);
    places.push({ line, field: field || undefined });
  };
  for (const r of rows) for (const [field, text] of r.problems) problem(r.line, field, text);

  const records = base.map((r) => ({ ...r }));
  const byId = new Map(records.map((r, i) => [r.id, i]));
  const keys = new Map<string, number>();
  const index = (i: number) => {
    const r = records[i]!;
    for (const s of r.linkedin) keys.set(`l ${s}`, i);
    for (const d of r.domains) keys.set(`d ${d}`, i);
    for (const n of [r.name, ...r.aliases]) keys.set(`n ${normalizeCompanyName(n)}`, i);
  };
  records.forEach((_, i) => index(i));
  const find = (r: CompanyRecord): number | undefined => {
    for (const s of r.linkedin) if (keys.has(`l ${s}`)) return keys.get(`l ${s}`);
    for (const d of r.domains) if (keys.has(`d ${d}`)) return keys.get(`d ${d}`);
    return keys.get(`n ${normalizeCompanyName(r.name)}`) ?? byId.get(r.id);
  };
  let added = 0;
  const touched = new Set<number>();
  const parents: [number, string, number][] = [];
  for (const row of rows) {
    if (row.problems.length) continue;
    const at = find(row.record);
    let i: number;
    if (at !== undefined) {
      records[at] = mergeCompany(records[at]!, row.record);
      if (at < base.length) touched.add(at);
      i = at;
    } else {
      let id = row.record.id;
      for (let k = 2; byId.has(id); k++) id = `${row.record.id}-${k}`;
      i = records.push({ ...row.record, id }) - 1;
      byId.set(id, i);
      added++;
    }
    index(i);
    if (row.parent !== null) parents.push([i, row.parent, row.line]);
  }
  for (const [i, parent, line] of parents) {
    const p = byId.get(parent) ?? keys.get(`n ${normalizeCompanyName(parent)}`) ?? (domainOf(parent) ? keys.get(`d ${domainOf(parent)}`) : undefined);
    if (p === undefined) problem(line, 'parent', `"${parent}" is no company in the registry or this file`);
    else if (p === i) problem(line, 'parent', 'is the company itself');
    else records[i]!.parent = records[p]!.id;
  }
  const cycle = problems.length ? null : parentCycle(new CompanyRegistry(records, 0));
  if (cycle) problem(0, 'parent', `links form a cycle: ${cycle.join(' → ')}`);
  if (problems.length) {
    const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '';
    throw new UserError(
      `invalid company file: ${problems.length} problem${problems.length > 1 ? 's' : ''}, nothing imported:\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`,
      CODE, HINT, { file, ...places[0] },
    );
  }
  return { records, added, updated: touched.size };
}

/** The latest registry, seeding the database with the shipped one (version 1) when it has none. */
export async function ensureRegistry(store: Store, now = new Date().toISOString().slice(0, 10)): Promise<CompanyRegistry> {
  const have = await loadRegistry(store);
  if (have) return have;
  const file = builtinRegistryFile();
  const { rows } = await readCompanyFile(file, 'file');
  for (const r of rows) r.record.source = 'builtin';
  const { records } = mergeCompanyRows([], rows, file);
  const version = await saveRegistry(store, records, { created_at: now, source: 'builtin', file: 'registry/companies.jsonl', added: records.length, updated: 0 });
  return new CompanyRegistry(records, version);
}

/** Imports a company file as a new registry version and re-derives data already ingested. */
export async function importCompanies(store: Store, file: string, source: CompanySource | 'auto', now: string): Promise<CompanyImportSummary> {
  const base = await ensureRegistry(store, now);
  const read = await readCompanyFile(file, source);
  const merged = mergeCompanyRows(base.records, read.rows, file);
  const version = await saveRegistry(store, merged.records, { created_at: now, source: read.source, file, added: merged.added, updated: merged.updated });
  if (await store.tableExists('positions_raw')) {
    const registry = new CompanyRegistry(merged.records, version);
    // with the cohorts the data was ingested with (their aliases resolve employers too)
    await derive(store, resolutionEntries(registry, await ingestedCohorts(store)));
  }
  return { file, source: read.source, version, read: read.rows.length, added: merged.added, updated: merged.updated, companies: merged.records.length };
}
