/**
 * PhantomBuster LinkedIn profile export CSV: one wide row per person. Jobs are column groups
 * `company, companyUrl, jobTitle, jobLocation, jobDateRange, jobIsCurrent` then the same with
 * suffix `2`, `3`…; schools are `school, schoolDegree, schoolDateRange` with the same suffixes.
 * `jobDateRange` reads like `Jan 2023 - Jun 2023` or `Dec 2023 - Present`; `jobStartedSince` (a
 * day-precise date derived from the month) is ignored in favour of the range's real precision.
 * A workplace type after the job location (`Kuwait · On-site`) is dropped.
 *
 * Person id: `person`, else `profileUrl` / `linkedinProfileUrl`, else `vmid`, else `<file>:<line>`.
 * A row whose `error` column is filled (`Profile is unavailable`) is a `source_error` reject.
 */
import { basename } from 'node:path';
import { UserError } from '../model/errors.js';
import type { CanonicalEducation, CanonicalPosition, CanonicalProfile } from '../model/profile.js';
import { makeEducation, makePosition, rangeOf, updatedAt } from './canonical-build.js';
import { linkedinProfileUrl } from './company-url.js';
import { columnIndex, readCsv } from './csv-rows.js';
import { inputFiles } from './input-files.js';
import { mapRecord, RecordProblem, rejectResult } from './record-problem.js';
import type { Reader } from './reader.js';

const FILES = /\.csv(\.gz)?$/i;
const MAX_GROUPS = 50;
/** `Kuwait · On-site`: the workplace type after the place is not part of the location. */
const WORKPLACE = /\s*·\s*(?:on-site|remote|hybrid)\s*$/i;

type Get = (column: string) => string | null;

/** Column-group suffixes present in the header: '', '2', '3'… */
function suffixes(index: Map<string, number>, probe: string[]): string[] {
  const out: string[] = [];
  for (let n = 1; n <= MAX_GROUPS; n++) {
    const s = n === 1 ? '' : String(n);
    if (probe.some((c) => index.has(c + s))) out.push(s);
    else if (n > 1) break;
  }
  return out;
}

function jobs(get: Get, groups: string[]): CanonicalPosition[] {
  const out: CanonicalPosition[] = [];
  for (const s of groups) {
    const company = get(`company${s}`);
    const title = get(`jobTitle${s}`);
    const range = get(`jobDateRange${s}`);
    if (company === null && title === null && range === null) continue;
    const flag = get(`jobIsCurrent${s}`);
    const current = flag === null ? null : flag.toLowerCase() === 'true';
    let dates = rangeOf(range, `jobDateRange${s}`);
    // `Aug 2022` alone with jobIsCurrent=true is a start, not a one-month stint.
    if (current && !dates.ongoing && dates.start !== null && dates.start === dates.end) dates = { ...dates, end: null, ongoing: true };
    out.push(
      makePosition({
        company,
        title,
        dates,
        currentFlag: current,
        location: get(`jobLocation${s}`)?.replace(WORKPLACE, '') || null,
        companyUrl: get(`companyUrl${s}`) ?? (s === '' ? get('companyLinkedInUrl') : null),
      }),
    );
  }
  return out;
}

function schools(get: Get, groups: string[]): CanonicalEducation[] {
  const out: CanonicalEducation[] = [];
  for (const s of groups) {
    const school = get(`school${s}`);
    const degree = get(`schoolDegree${s}`);
    const range = get(`schoolDateRange${s}`);
    if (school === null && degree === null && range === null) continue;
    out.push(makeEducation(school, degree, rangeOf(range, `schoolDateRange${s}`)));
  }
  return out;
}

/** Reads PhantomBuster export CSVs (see the module comment). */
export const readPhantomBuster: Reader = async function* (path) {
  for (const file of await inputFiles(path, FILES, 'phantombuster')) {
    let index: Map<string, number> | undefined;
    let jobGroups: string[] = [];
    let schoolGroups: string[] = [];
    let width = 0;
    for await (const item of readCsv(file)) {
      if (item.kind === 'error') {
        yield rejectResult(file, item.line, 'invalid_csv', item.message, item.raw);
        continue;
      }
      if (!index) {
        index = columnIndex(item.fields);
        width = item.fields.length;
        if (!index.has('jobTitle') && !index.has('jobDateRange') && !index.has('schoolDateRange')) {
          throw new UserError(`invalid phantombuster file: ${file}`, 'wrong_format', 'the header has no jobTitle / jobDateRange columns; pass the right --format', { file });
        }
        jobGroups = suffixes(index, ['company', 'jobTitle', 'jobDateRange']);
        schoolGroups = suffixes(index, ['school', 'schoolDegree', 'schoolDateRange']);
        continue;
      }
      const fields = item.fields;
      const cols = index;
      const get: Get = (column) => {
        const i = cols.get(column);
        const v = i === undefined ? undefined : fields[i]?.trim();
        return v ? v : null;
      };
      if (fields.length !== width) {
        yield rejectResult(file, item.line, 'wrong_column_count', `row: ${fields.length} fields, header has ${width}`, item.raw);
        continue;
      }
      yield mapRecord(file, item.line, item.raw, (): CanonicalProfile => {
        const error = get('error');
        if (error) throw new RecordProblem('source_error', `error: ${error}`);
        const profileUrl = get('profileUrl') ?? get('linkedinProfileUrl');
        const linkedin = linkedinProfileUrl(profileUrl);
        return {
          id: get('person') ?? linkedin ?? get('vmid') ?? `${basename(file)}:${item.line}`,
          linkedin_url: linkedin,
          name: get('fullName') ?? (([get('firstName'), get('lastName')].filter(Boolean).join(' ') || null)),
          location: get('location'),
          updated_at: updatedAt(get('timestamp'), 'timestamp'),
          positions: jobs(get, jobGroups),
          education: schools(get, schoolGroups),
        };
      });
    }
  }
};
