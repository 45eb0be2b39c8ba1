/**
 * techbios relational CSV: a folder per data set holding `Person.csv`, `Experience.csv`,
 * `Education.csv` and the lookup tables `Company.csv`, `Title.csv`, `School.csv`, `Degree.csv`,
 * `Major.csv`, joined by id. Pass one data-set folder, or a folder of them.
 *
 * Dates are split in month (`June`, `novembre`, `Februar`) and year columns; the end year may say
 * `Present`, `Presente`, `Heute`, `Actualidad`, or `Poste actuel` across both columns; the year
 * 1900 is a placeholder for unknown. A person is one record: a bad row in any table makes that
 * person a reject at their `Person.csv` line, the detail naming the table, line and columns.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../model/errors.js';
import type { CanonicalEducation, CanonicalPosition, ReadResult } from '../model/profile.js';
import { checkOrder, dateOf, joinNonEmpty, makeEducation, makePosition } from './canonical-build.js';
import { readCsv } from './csv-rows.js';
import { pathKind } from './open-text.js';
import { RecordProblem, rejectResult } from './record-problem.js';
import type { Reader } from './reader.js';
import type { DateRange } from '../normalize/index.js';

/** A table row keyed by lowercased column name. */
interface Row {
  file: string;
  line: number;
  raw: string;
  get(column: string): string;
}

interface Table {
  rows: Row[];
  /** Rows the CSV parser could not read: rejects of their own. */
  broken: ReadResult[];
}

async function findFile(dir: string, name: string): Promise<string | null> {
  const wanted = name.toLowerCase();
  for (const n of await readdir(dir)) {
    const plain = n.toLowerCase();
    if (plain === wanted || plain === `${wanted}.gz`) return join(dir, n);
  }
  return null;
}

async function readTable(file: string | null): Promise<Table> {
  const table: Table = { rows: [], broken: [] };
  if (!file) return table;
  let header: Map<string, number> | undefined;
  for await (const item of readCsv(file)) {
    if (item.kind === 'error') {
      table.broken.push(rejectResult(file, item.line, 'invalid_csv', item.message, item.raw));
      continue;
    }
    if (!header) {
      header = new Map(item.fields.map((h, i) => [h.trim().toLowerCase(), i]));
      continue;
    }
    const cols = header;
    const fields = item.fields;
    table.rows.push({ file, line: item.line, raw: item.raw, get: (c) => (fields[cols.get(c) ?? -1] ?? '').trim() });
  }
  return table;
}

async function lookup(dir: string, name: string, idColumn: string, valueColumn: string): Promise<{ map: Map<string, string>; broken: ReadResult[] }> {
  const t = await readTable(await findFile(dir, name));
  const map = new Map<string, string>();
  for (const r of t.rows) map.set(r.get(idColumn), r.get(valueColumn).replace(/\s+/g, ' ').trim());
  return { map, broken: t.broken };
}

function byPerson(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const id = r.get('personid');
    const list = m.get(id);
    if (list) list.push(r);
    else m.set(id, [r]);
  }
  return m;
}

function place(r: Row): string {
  return `${basename(r.file)} line ${r.line}`;
}

/** A month column and a year column read as one date (`Poste` + `actuel` is ongoing). */
function rowDates(r: Row): DateRange {
  const startText = `${r.get('startmonth')} ${r.get('startyear')}`.trim();
  const endText = `${r.get('endmonth')} ${r.get('endyear')}`.trim();
  const s = dateOf(startText, `${place(r)} StartMonth/StartYear`);
  if (s.ongoing) throw new RecordProblem('invalid_date', `${place(r)} StartMonth/StartYear: ${startText} (start says ongoing)`);
  const e = dateOf(endText, `${place(r)} EndMonth/EndYear`);
  checkOrder(s.date, e.date, `${place(r)} EndMonth/EndYear`, `${startText} - ${endText}`);
  return { start: s.date, end: e.date, ongoing: e.ongoing };
}

function named(map: Map<string, string>, id: string, r: Row, column: string): string | null {
  if (id === '') return null;
  const v = map.get(id);
  if (v === undefined) throw new RecordProblem('unknown_reference', `${place(r)} ${column}: ${id} is not in the lookup table`);
  return v === '' ? null : v;
}

/** Folders holding a `Person.csv`: the path itself, or its subfolders. */
async function dataSets(path: string): Promise<string[]> {
  if ((await pathKind(path)) !== 'dir') {
    throw new UserError(`invalid techbios folder: ${path}`, 'wrong_format', 'pass the folder holding Person.csv, Experience.csv…', { file: path });
  }
  if (await findFile(path, 'Person.csv')) return [path];
  const out: string[] = [];
  for (const d of (await readdir(path, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (await findFile(join(path, d.name), 'Person.csv')) out.push(join(path, d.name));
  }
  if (out.length === 0) throw new UserError(`invalid techbios folder: ${path}`, 'wrong_format', 'no Person.csv in the folder or its subfolders', { file: path });
  return out;
}

async function* readDataSet(dir: string): AsyncGenerator<ReadResult> {
  const set = basename(dir);
  const [companies, titles, schools, degrees, majors] = await Promise.all([
    lookup(dir, 'Company.csv', 'companyid', 'companyname'),
    lookup(dir, 'Title.csv', 'titleid', 'title'),
    lookup(dir, 'School.csv', 'schoolid', 'school'),
    lookup(dir, 'Degree.csv', 'degreeid', 'degree'),
    lookup(dir, 'Major.csv', 'majorid', 'major'),
  ]);
  const people = await readTable(await findFile(dir, 'Person.csv'));
  const experience = await readTable(await findFile(dir, 'Experience.csv'));
  const education = await readTable(await findFile(dir, 'Education.csv'));
  for (const t of [companies, titles, schools, degrees, majors, people, experience, education]) yield* t.broken;

  const jobsOf = byPerson(experience.rows);
  const schoolingOf = byPerson(education.rows);
  const known = new Set<string>();
  for (const p of people.rows) {
    const id = p.get('personid');
    known.add(id);
    let current: Row = p;
    try {
      const positions: CanonicalPosition[] = [];
      for (const r of jobsOf.get(id) ?? []) {
        current = r;
        positions.push(
          makePosition({
            company: named(companies.map, r.get('companyid'), r, 'CompanyID'),
            title: named(titles.map, r.get('titleid'), r, 'TitleID'),
            dates: rowDates(r),
            currentFlag: r.get('ongoing') === '1' ? true : null,
          }),
        );
      }
      const degreesOut: CanonicalEducation[] = [];
      for (const r of schoolingOf.get(id) ?? []) {
        current = r;
        const degree = joinNonEmpty(named(degrees.map, r.get('degreeid'), r, 'DegreeId'), named(majors.map, r.get('majorid'), r, 'MajorId'));
        degreesOut.push(makeEducation(named(schools.map, r.get('schoolid'), r, 'SchoolId'), degree, rowDates(r)));
      }
      yield { kind: 'profile', file: p.file, line: p.line, profile: { id: `${set}/${id}`, positions, education: degreesOut } };
    } catch (e) {
      if (!(e instanceof RecordProblem)) throw e;
      yield rejectResult(p.file, p.line, e.reason, e.detail, current.raw);
    }
  }
  for (const r of [...experience.rows, ...education.rows]) {
    if (!known.has(r.get('personid'))) {
      yield rejectResult(r.file, r.line, 'unknown_person', `${place(r)} PersonID: ${r.get('personid')} is not in Person.csv`, r.raw);
    }
  }
}

/** Reads techbios relational CSV folders (see the module comment). */
export const readTechBios: Reader = async function* (path) {
  for (const dir of await dataSets(path)) yield* readDataSet(dir);
};
