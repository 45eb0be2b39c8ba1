/**
 * Cohort files: YAML mapping cohort name → `{version?, description?, companies: [...]}`; one file
 * may hold several cohorts. Every problem is a `UserError` naming the file and the key path
 * (`invalid cohort file: x.yaml: bigtech15.companies[3].name missing`). Format: docs/companies.md.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../model/errors.js';
import { domainOf } from './company-domain.js';
import { linkedinSlugOf } from './company-linkedin.js';
import { normalizeCompanyName } from './company-name.js';
import { OTHER_COHORT, type Cohort, type CohortCompany } from './cohort.js';
import { parseCohortRule, type CohortRule } from './cohort-rules.js';

const CODE = 'invalid_cohort_file';
const HINT = 'see docs/companies.md, "Writing a cohort file"';
const COHORT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const COHORT_KEYS = new Set(['version', 'description', 'companies', 'where']);
const COMPANY_KEYS = new Set(['name', 'domain', 'domains', 'linkedin', 'aliases']);

type Path = (string | number)[];

/** Reads and validates one cohort file. */
export function loadCohortFile(file: string): Cohort[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError(`invalid cohort file: ${file}: cannot read (${why})`, CODE, HINT, { file });
  }
  return parseCohorts(text, file);
}

/** Reads several cohort files; a cohort name defined twice is an error naming both files. */
export function loadCohortFiles(files: readonly string[]): Cohort[] {
  const all: Cohort[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const c of loadCohortFile(file)) {
      const first = seen.get(c.name);
      if (first !== undefined) {
        throw new UserError(`invalid cohort file: ${file}: cohort ${c.name} is already defined in ${first}`, CODE, HINT, { file, field: c.name });
      }
      seen.set(c.name, file);
      all.push(c);
    }
  }
  return all;
}

/** Parses cohort YAML text; `file` names the source in errors. */
export function parseCohorts(text: string, file: string): Cohort[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const fail = (at: Path, problem: string): never => {
    const field = dotted(at);
    const line = lineOf(doc, lines, at);
    const where = field === '' ? '' : `${field} `;
    throw new UserError(`invalid cohort file: ${file}: ${where}${problem}`, CODE, HINT, { file, line, field: field || undefined });
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    throw new UserError(`invalid cohort file: ${file}: YAML syntax error: ${syntax.message.split('\n')[0]}`, CODE, HINT, { file, line });
  }
  const root: unknown = doc.toJS();
  if (!isRecord(root)) fail([], 'expected a mapping of cohort name to cohort');
  const cohorts: Cohort[] = [];
  for (const [name, body] of Object.entries(root as Record<string, unknown>)) {
    if (!COHORT_NAME.test(name)) fail([name], 'is not a valid cohort name (letters, digits, _ . -)');
    if (name.toLowerCase() === OTHER_COHORT) fail([name], `is reserved (hires in no cohort count in "${OTHER_COHORT}")`);
    if (!isRecord(body)) fail([name], 'expected a mapping with companies');
    const b = body as Record<string, unknown>;
    for (const k of Object.keys(b)) if (!COHORT_KEYS.has(k)) fail([name, k], 'unknown key (expected version, description, companies, where)');
    const version = optionalText(b.version, [name, 'version'], fail);
    const description = optionalText(b.description, [name, 'description'], fail);
    let where: CohortRule | null = null;
    if (b.where !== undefined && b.where !== null) {
      if (!isRecord(b.where)) fail([name, 'where'], 'expected a mapping of rule conditions');
      where = parseCohortRule(b.where as Record<string, unknown>, (key, problem) => fail(key === null ? [name, 'where'] : [name, 'where', key], problem));
    }
    let companies: CohortCompany[] = [];
    if (where === null || (b.companies !== undefined && b.companies !== null)) {
      if (b.companies === undefined || b.companies === null) fail([name, 'companies'], 'missing (or give a where: rule)');
      if (!Array.isArray(b.companies) || b.companies.length === 0) fail([name, 'companies'], 'must be a non-empty list');
      companies = (b.companies as unknown[]).map((c, i) => parseCompany(c, [name, 'companies', i], fail));
    }
    cohorts.push({ name, version, description, companies, where, file });
  }
  return cohorts;
}

type Fail = (at: Path, problem: string) => never;

function parseCompany(raw: unknown, at: Path, fail: Fail): CohortCompany {
  const c: Record<string, unknown> = typeof raw === 'string' ? { name: raw } : isRecord(raw) ? raw : fail(at, 'expected a company name or a mapping with name');
  for (const k of Object.keys(c)) if (!COMPANY_KEYS.has(k)) fail([...at, k], 'unknown key (expected name, domain, domains, linkedin, aliases)');
  if (c.name === undefined || c.name === null) fail([...at, 'name'], 'missing');
  if (typeof c.name !== 'string' || normalizeCompanyName(c.name) === '') fail([...at, 'name'], 'must be a name with letters or digits');
  const domains: string[] = [];
  for (const key of ['domain', 'domains'] as const) {
    textList(c[key], [...at, key], fail).forEach((v, j) => {
      const d = domainOf(v);
      if (d === null) fail([...at, key, j], `"${v}" is not a company domain (malformed, or generic like gmail.com)`);
      if (!domains.includes(d as string)) domains.push(d as string);
    });
  }
  const linkedin: string[] = [];
  textList(c.linkedin, [...at, 'linkedin'], fail).forEach((v, j) => {
    const s = linkedinSlugOf(v);
    if (s === null) fail([...at, 'linkedin', j], `"${v}" is not a LinkedIn company URL or slug`);
    if (!linkedin.includes(s as string)) linkedin.push(s as string);
  });
  const aliases = textList(c.aliases, [...at, 'aliases'], fail);
  aliases.forEach((a, j) => {
    if (normalizeCompanyName(a) === '') fail([...at, 'aliases', j], 'must be a name with letters or digits');
  });
  return { name: (c.name as string).trim(), domains, linkedin, aliases: aliases.map((a) => a.trim()) };
}

/** A string or a list of strings (numbers allowed: numeric LinkedIn ids). */
function textList(v: unknown, at: Path, fail: Fail): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((x, j) => {
    if (typeof x === 'string' && x.trim() !== '') return x.trim();
    if (typeof x === 'number' && Number.isInteger(x)) return String(x);
    return fail(Array.isArray(v) ? [...at, j] : at, 'must be a string or a list of strings');
  });
}

function optionalText(v: unknown, at: Path, fail: Fail): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return fail(at, 'must be a string');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `bigtech15.companies[3].name` */
function dotted(at: Path): string {
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Line of the deepest node of `at` that exists (1-based), for the error's place. */
function lineOf(doc: Document, lines: LineCounter, at: Path): number | undefined {
  for (let n = at.length; n > 0; n--) {
    const node = doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * The shipped cohort files (`cohorts/*.yaml` at the package root), sorted by name. Found by
 * walking up from this module, so it works from `src/` under tsx and from `dist/src/` after build.
 */
export function builtinCohortFiles(): string[] {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'cohorts');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) {
      return readdirSync(candidate)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => path.join(candidate, f));
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cohorts/ not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
