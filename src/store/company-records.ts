/**
 * One row of a company file (CSV row or JSON object) → a registry record, in one of three
 * layouts: `yc` (the Y Combinator directory), `sp500` (S&P 500 constituents) and `file` (our own
 * columns, docs/companies.md "Importing companies"). Problems are collected with the field at
 * fault; the caller adds the file and line.
 */
import { blankCompany, STAGES, type CompanyRecord, type Stage } from '../resolve/company-registry.js';
import { companyIdFor } from '../resolve/cohort-registry.js';
import { domainOf } from '../resolve/company-domain.js';
import { linkedinSlugOf } from '../resolve/company-linkedin.js';
import { normalizeCompanyName } from '../resolve/company-name.js';

export const COMPANY_SOURCES = ['yc', 'sp500', 'file'] as const;
export type CompanySource = (typeof COMPANY_SOURCES)[number];

/** A parsed row: the record, its parent as written (id or name), problems as `[field, problem]`. */
export interface CompanyRow {
  record: CompanyRecord;
  parent: string | null;
  problems: [string, string][];
}

type Raw = Record<string, unknown>;

const YEAR = /^\s*(\d{4})/;
const DATE = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/;
const SIZE_BAND = /^\s*(\d[\d,]*)\s*(?:[-–+]|to\b|$)/;
const LIST_SPLIT = /\s*[;|]\s*/;

const text = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((x): x is string => x !== null) : (text(v)?.split(LIST_SPLIT).filter(Boolean) ?? []));

/** A month index from `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a year alone is its January). */
export function monthOfDate(s: string): number | null {
  const m = DATE.exec(s.trim());
  if (!m) return null;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

/** Parses one row in `source` layout. */
export function parseCompanyRow(raw: Raw, source: CompanySource): CompanyRow {
  const problems: [string, string][] = [];
  const name = text(raw[source === 'sp500' ? 'Security' : 'name']);
  if (name === null || normalizeCompanyName(name) === '') {
    problems.push([source === 'sp500' ? 'Security' : 'name', 'missing (a company name with letters or digits is required)']);
    return { record: blankCompany('', '', source), parent: null, problems };
  }
  const r = blankCompany(companyIdFor(name), name, source);
  if (source === 'yc') {
    r.aliases = list(raw.former_names).filter((a) => normalizeCompanyName(a) !== normalizeCompanyName(name));
    addDomain(r, text(raw.website), 'website', problems, true);
    r.size = typeof raw.team_size === 'number' && raw.team_size >= 0 ? raw.team_size : null;
    r.industry = text(raw.industry);
    r.founded = ycYear(text(raw.batch));
    const stage = text(raw.stage)?.toLowerCase();
    if (stage === 'early' || stage === 'growth') r.stages = [{ stage, from_m: null }];
    return { record: r, parent: null, problems };
  }
  if (source === 'sp500') {
    r.ticker = text(raw.Symbol);
    r.industry = text(raw['GICS Sector']);
    // "2013 (1888)": the legal entity's year, then its predecessor's; the earliest is the company's age
    const years = (text(raw.Founded) ?? '').match(/\d{4}/g)?.map(Number) ?? [];
    r.founded = years.length ? Math.min(...years) : null;
    r.stages = [{ stage: 'public', from_m: null }];
    return { record: r, parent: null, problems };
  }
  const id = text(raw.id);
  if (id !== null) {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) problems.push(['id', `"${id}" is not an id (lowercase letters, digits, . _ -)`]);
    else r.id = id;
  }
  r.aliases = list(raw.aliases);
  for (const d of [...list(raw.domain), ...list(raw.domains), ...list(raw.website)]) addDomain(r, d, 'domains', problems, false);
  for (const l of list(raw.linkedin)) {
    const slug = linkedinSlugOf(l);
    if (slug === null) problems.push(['linkedin', `"${l}" is not a LinkedIn company URL or slug`]);
    else if (!r.linkedin.includes(slug)) r.linkedin.push(slug);
  }
  const founded = text(raw.founded);
  if (founded !== null) {
    const y = YEAR.exec(founded);
    if (y) r.founded = Number(y[1]);
    else problems.push(['founded', `"${founded}" is not a year`]);
  }
  const size = text(raw.size);
  if (size !== null) {
    const s = SIZE_BAND.exec(size);
    if (s) r.size = Number(s[1]!.replace(/,/g, ''));
    else problems.push(['size', `"${size}" is not a number of employees or a band like 11-50`]);
  }
  r.industry = text(raw.industry);
  r.ticker = text(raw.ticker);
  const stage = text(raw.stage);
  if (stage !== null) {
    const st = stage.toLowerCase().replace(/[\s-]+/g, '_');
    const at = text(raw.stage_date);
    const from = at === null ? null : monthOfDate(at);
    if (!(STAGES as readonly string[]).includes(st)) problems.push(['stage', `unknown stage "${stage}" (stages: ${STAGES.join(', ')})`]);
    else if (at !== null && from === null) problems.push(['stage_date', `"${at}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`]);
    else r.stages = [{ stage: st as Stage, from_m: from }];
  }
  const parent = text(raw.parent);
  const since = text(raw.acquired);
  if (since !== null) {
    const m = monthOfDate(since);
    if (m === null) problems.push(['acquired', `"${since}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`]);
    else if (parent === null) problems.push(['acquired', 'given without a parent']);
    else r.parent_from_m = m;
  }
  return { record: r, parent, problems };
}

function addDomain(r: CompanyRecord, v: string | null, field: string, problems: [string, string][], lenient: boolean): void {
  if (v === null) return;
  const d = domainOf(v);
  if (d === null) {
    // a YC website on a generic host (a Facebook page, a github.io site) is simply no evidence
    if (!lenient) problems.push([field, `"${v}" is not a company domain (malformed, or generic like gmail.com)`]);
  } else if (!r.domains.includes(d)) r.domains.push(d);
}

/** "Winter 2012" → 2012, "S14" / "IK12" → 2014 / 2012; the YC batch is the founded-year proxy. */
function ycYear(batch: string | null): number | null {
  if (batch === null) return null;
  const full = /(\d{4})/.exec(batch);
  if (full) return Number(full[1]);
  const short = /^(?:[A-Z]{1,2})(\d{2})$/.exec(batch);
  return short ? 2000 + Number(short[1]) : null;
}
