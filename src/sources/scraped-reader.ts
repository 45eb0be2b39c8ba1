/**
 * Scraped LinkedIn pages, one CSV set per person: `<N>_experience.csv`
 * (`profile_id_dummy, company, positions, durations`), `<N>_education.csv`
 * (`profile_id_dummy, education_institute, degree_list`) and `<N>_skills.csv` (not read: the
 * canonical profile has no skills). Pass a group folder holding those files, or a folder of groups.
 *
 * Cells hold Python list literals. `positions` lists the titles held at one company (newest
 * first); `durations` mixes date ranges (`Sep 2021 - Present · 1 yr 3 mos`) with locations: a
 * location before the first range belongs to the whole company group, one after a range to that
 * range's position. The k-th range dates the k-th title. `company` may end in an employment type
 * (`Google · Full-time`), which is dropped. `degree_list` mixes degree text and a date range.
 *
 * Person id: `<group>/<N>` from the file names (the `profile_id_dummy` column is not reliable:
 * some files carry another person's number). A person is one record: a bad row in any of their
 * files makes the person a reject at that file and line.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../model/errors.js';
import type { CanonicalEducation, CanonicalPosition, ReadResult } from '../model/profile.js';
import type { DateRange } from '../normalize/index.js';
import { joinNonEmpty, makeEducation, makePosition, rangeOf } from './canonical-build.js';
import { readCsv } from './csv-rows.js';
import { pathKind } from './open-text.js';
import { parsePyStringList } from './py-list.js';
import { RecordProblem, rejectResult } from './record-problem.js';
import type { Reader } from './reader.js';

const PERSON_FILE = /^(\d+)_(experience|education|skills)\.csv(\.gz)?$/i;
const DATE_LIKE = /^[\p{L}.]*\s*\d{4}(?:\s*[-–—]\s*(?:[\p{L}.]*\s*\d{4}|[\p{L}'’ ]+))?\s*(?:·.*)?$/u;
const EMPLOYMENT_SUFFIX = /\s+·\s+.*$/;
const UNDATED: DateRange = { start: null, end: null, ongoing: false };

interface PersonFiles {
  n: string;
  experience?: string;
  education?: string;
  skills?: string;
}

/** One data row of a person's CSV, with the file and line it came from. */
interface Cell {
  file: string;
  line: number;
  raw: string;
  fields: string[];
}

function isDateText(s: string): boolean {
  return s.includes('·') || DATE_LIKE.test(s.trim());
}

function list(text: string, where: string, column: string): string[] {
  const l = parsePyStringList(text);
  if (!l) throw new RecordProblem('invalid_list', `${where} ${column}: ${text.slice(0, 200)}`);
  return l.map((s) => s.trim());
}

function positionsOf(c: Cell, where: string, col: Map<string, number>): CanonicalPosition[] {
  const f = (name: string): string => (c.fields[col.get(name) ?? -1] ?? '').trim();
  const company = f('company').replace(EMPLOYMENT_SUFFIX, '') || null;
  const titles: (string | null)[] = list(f('positions') || '[]', where, 'positions');
  if (titles.length === 0) titles.push(null);
  const ranges: { dates: DateRange; location: string | null }[] = [];
  let groupLocation: string | null = null;
  for (const el of list(f('durations') || '[]', where, 'durations')) {
    if (el === '') continue;
    if (isDateText(el)) ranges.push({ dates: rangeOf(el, `${where} durations`), location: null });
    else {
      const last = ranges[ranges.length - 1];
      if (!last) groupLocation ??= el;
      else last.location ??= el;
    }
  }
  if (ranges.length > 0 && ranges.length !== titles.length) {
    throw new RecordProblem('mismatched_dates', `${where} durations: ${ranges.length} date ranges for ${titles.length} positions`);
  }
  return titles.map((title, k) => {
    const r = ranges[k];
    return makePosition({ company, title: title || null, dates: r?.dates ?? UNDATED, location: r?.location ?? groupLocation });
  });
}

function educationOf(c: Cell, where: string, col: Map<string, number>): CanonicalEducation {
  const f = (name: string): string => (c.fields[col.get(name) ?? -1] ?? '').trim();
  let dates = UNDATED;
  const degree: string[] = [];
  for (const el of list(f('degree_list') || '[]', where, 'degree_list')) {
    if (DATE_LIKE.test(el) && dates === UNDATED) dates = rangeOf(el, `${where} degree_list`);
    else degree.push(el);
  }
  return makeEducation(f('education_institute') || null, joinNonEmpty(...degree), dates);
}

async function* rowsOf(file: string | undefined, required: string[]): AsyncGenerator<Cell | { header: Map<string, number> }> {
  if (!file) return;
  let header: Map<string, number> | undefined;
  for await (const item of readCsv(file)) {
    if (item.kind === 'error') throw new RecordProblem('invalid_csv', `${basename(file)} line ${item.line}: ${item.message}`);
    if (!header) {
      header = new Map(item.fields.map((h, i) => [h.trim().toLowerCase(), i]));
      const missing = required.filter((r) => !header!.has(r));
      if (missing.length > 0) throw new RecordProblem('missing_column', `${basename(file)} header: missing column ${missing.join(', ')}`);
      yield { header };
      continue;
    }
    yield { file, line: item.line, raw: item.raw, fields: item.fields };
  }
}

async function readPerson(group: string, p: PersonFiles): Promise<ReadResult> {
  const first = p.experience ?? p.education ?? p.skills!;
  let at = { file: first, line: 1, raw: undefined as string | undefined };
  try {
    const positions: CanonicalPosition[] = [];
    const education: CanonicalEducation[] = [];
    let col = new Map<string, number>();
    for await (const r of rowsOf(p.experience, ['company', 'positions', 'durations'])) {
      if ('header' in r) col = r.header;
      else {
        at = r;
        positions.push(...positionsOf(r, `${basename(r.file)} line ${r.line}`, col));
      }
    }
    for await (const r of rowsOf(p.education, ['education_institute', 'degree_list'])) {
      if ('header' in r) col = r.header;
      else {
        at = r;
        education.push(educationOf(r, `${basename(r.file)} line ${r.line}`, col));
      }
    }
    return { kind: 'profile', file: first, line: 1, profile: { id: `${group}/${p.n}`, positions, education } };
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    return rejectResult(at.file, at.line, e.reason, e.detail, at.raw);
  }
}

/** The people of one group folder, by number. */
async function peopleIn(dir: string): Promise<PersonFiles[]> {
  const byN = new Map<string, PersonFiles>();
  for (const name of await readdir(dir)) {
    const m = PERSON_FILE.exec(name);
    if (!m) continue;
    const n = m[1]!;
    const p = byN.get(n) ?? { n };
    p[m[2]!.toLowerCase() as 'experience' | 'education' | 'skills'] = join(dir, name);
    byN.set(n, p);
  }
  return [...byN.values()].sort((a, b) => Number(a.n) - Number(b.n));
}

async function groups(path: string): Promise<string[]> {
  const bad = (hint: string) => new UserError(`invalid scraped folder: ${path}`, 'wrong_format', hint, { file: path });
  if ((await pathKind(path)) !== 'dir') throw bad('pass the folder holding <N>_experience.csv files, or a folder of such folders');
  const entries = await readdir(path, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && PERSON_FILE.test(e.name))) return [path];
  const out: string[] = [];
  for (const d of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if ((await readdir(join(path, d.name))).some((n) => PERSON_FILE.test(n))) out.push(join(path, d.name));
  }
  if (out.length === 0) throw bad('no <N>_experience.csv files in the folder or its subfolders');
  return out;
}

/** Reads scraped per-person CSV folders (see the module comment). */
export const readScraped: Reader = async function* (path) {
  for (const dir of await groups(path)) {
    const group = basename(dir);
    for (const p of await peopleIn(dir)) yield await readPerson(group, p);
  }
};
