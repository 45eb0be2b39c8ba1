/**
 * Guesses an input's format from its content (never from its name alone): the first records of a
 * JSON/JSONL file (gunzipped when `.gz`), a CSV header, or the file layout of a folder. When the
 * evidence is missing or contradictory it throws `unknown_format` rather than guess.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { isJsonObject, type JsonObject } from './json-fields.js';
import { splitJsonValues } from './json-values.js';
import { pathKind, readHead } from './open-text.js';
import { FORMAT_NAMES, type FormatName } from './reader.js';

const HEAD_CHARS = 256 * 1024;
const MAX_RECORDS = 5;
const DATA_FILE = /\.(json|jsonl|ndjson|csv)(\.gz)?$/i;
const SCRAPED_FILE = /^\d+_(experience|education|skills)\.csv(\.gz)?$/i;
const TECHBIOS_FILES = ['person.csv', 'experience.csv'];

function unknown(path: string): UserError {
  return new UserError(`unknown format: ${path}`, 'unknown_format', `pass --format ${FORMAT_NAMES.join('|')}`, { file: path });
}

/** The format of one parsed record, or undefined when it looks like none of them. */
export function formatOfRecord(o: JsonObject): FormatName | undefined {
  const experience = o['experience'];
  const firstJob = Array.isArray(experience) ? experience.find(isJsonObject) : undefined;
  if ('job_last_updated' in o) return 'pdl';
  if (firstJob && isJsonObject(firstJob['company']) && (isJsonObject(firstJob['title']) || firstJob['title'] == null)) return 'pdl';
  if ('full_name' in o && Array.isArray(experience) && 'education' in o && !('current_company' in o)) return 'pdl';
  if (Array.isArray(o['positions']) && Array.isArray(o['education']) && !('experience' in o)) return 'canonical';
  if (isJsonObject(o['basics']) || (typeof o['$schema'] === 'string' && o['$schema'].includes('jsonresume'))) return 'jsonresume';
  if (Array.isArray(o['work']) && !('experience' in o)) return 'jsonresume';
  const brightKeys = ['current_company', 'educations_details', 'current_company_name', 'linkedin_id', 'recommendations_count'];
  if (brightKeys.some((k) => k in o) && (experience === null || experience === undefined || Array.isArray(experience))) {
    if (!firstJob || typeof firstJob['company'] === 'string' || Array.isArray(firstJob['positions'])) return 'brightdata';
  }
  return undefined;
}

/** Key patterns for a head whose first record is too big to parse whole. */
function formatOfText(head: string): FormatName | undefined {
  if (/"job_last_updated"\s*:/.test(head)) return 'pdl';
  if (/"basics"\s*:\s*\{/.test(head)) return 'jsonresume';
  if (/"(current_company|educations_details)"\s*:/.test(head)) return 'brightdata';
  if (/"positions"\s*:\s*\[/.test(head) && /"education"\s*:\s*\[/.test(head) && !/"experience"\s*:/.test(head)) return 'canonical';
  return undefined;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function formatOfJson(head: string): Promise<FormatName | undefined> {
  const seen = new Set<FormatName>();
  let tried = 0;
  for await (const piece of splitJsonValues(once(head))) {
    if (++tried > MAX_RECORDS) break;
    let value: unknown;
    try {
      value = JSON.parse(piece.text);
    } catch {
      continue; // a broken or truncated record says nothing either way
    }
    if (!isJsonObject(value)) continue;
    const f = formatOfRecord(value);
    if (f === undefined) return undefined;
    seen.add(f);
  }
  if (seen.size === 1) return [...seen][0];
  if (seen.size === 0) return formatOfText(head);
  return undefined;
}

function formatOfCsvHeader(head: string): FormatName | undefined {
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  const columns = new Set(firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  if (columns.has('jobDateRange') || (columns.has('jobTitle') && (columns.has('company') || columns.has('schoolDateRange')))) {
    return 'phantombuster';
  }
  return undefined;
}

async function sniffFile(path: string): Promise<FormatName | undefined> {
  let head: string;
  try {
    head = await readHead(path, HEAD_CHARS);
  } catch {
    return undefined;
  }
  const first = /\S/.exec(head)?.[0];
  if (first === undefined) return undefined;
  if (first === '{' || first === '[') return formatOfJson(head);
  return formatOfCsvHeader(head);
}

async function folderLayout(dir: string): Promise<FormatName | undefined> {
  const names = (await readdir(dir)).map((n) => n.toLowerCase());
  if (TECHBIOS_FILES.every((f) => names.includes(f) || names.includes(`${f}.gz`))) return 'techbios';
  if (names.some((n) => SCRAPED_FILE.test(n))) return 'scraped';
  return undefined;
}

async function sniffFolder(dir: string): Promise<FormatName | undefined> {
  const own = await folderLayout(dir);
  if (own) return own;
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const d of entries.filter((e) => e.isDirectory())) {
    const sub = await folderLayout(join(dir, d.name));
    if (sub) return sub;
  }
  const files = entries.filter((e) => e.isFile() && DATA_FILE.test(e.name)).slice(0, 3);
  const found = new Set<FormatName | undefined>();
  for (const f of files) found.add(await sniffFile(join(dir, f.name)));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The format of a file or folder, from its content.
 * @throws UserError `unknown_format` when unsure, `file_not_found` when the path does not exist.
 * @example await sniffFormat('exports/profiles.jsonl.gz') // 'pdl'
 */
export async function sniffFormat(path: string): Promise<FormatName> {
  const found = (await pathKind(path)) === 'dir' ? await sniffFolder(path) : await sniffFile(path);
  if (!found) throw unknown(path);
  return found;
}
