/**
 * Bright Data LinkedIn profile JSON: an array of profile objects (or JSONL, or a folder of files).
 *
 * - `experience` may be null. An entry is one position, or a company group whose `positions[]`
 *   are the positions (company, URL and location come from the group when a position lacks them).
 * - When `experience` is empty but `current_company.name` is set, that is one current position
 *   without dates (title from `current_company.title`). An undated entry at the company the top
 *   card names as current is current.
 * - `education[]` has `title` (school), `degree`, `field`, `start_year`, `end_year`.
 * - `timestamp` is the update time; `id` (else `linkedin_id`, else the URL) is the person id.
 */
import type { CanonicalEducation, CanonicalPosition, CanonicalProfile } from '../model/profile.js';
import { datesOf, joinNonEmpty, makeEducation, makePosition, updatedAt } from './canonical-build.js';
import { linkedinProfileUrl } from './company-url.js';
import { inputFiles } from './input-files.js';
import { elementObject, optArray, optDateText, optObject, optString, type JsonObject } from './json-fields.js';
import { readJsonRecords, type RecordPlace } from './json-records.js';
import { RecordProblem } from './record-problem.js';
import type { Reader } from './reader.js';

const FILES = /\.(json|jsonl|ndjson)(\.gz)?$/i;

interface Group {
  company: string | null;
  url: string | null;
  slug: string | null;
  location: string | null;
}

function position(o: JsonObject, f: string, group: Group): CanonicalPosition {
  const dates = datesOf(optDateText(o, 'start_date', `${f}.start_date`), optDateText(o, 'end_date', `${f}.end_date`), `${f}.start_date`, `${f}.end_date`);
  return makePosition({
    company: optString(o, 'company', `${f}.company`) ?? group.company ?? optString(o, 'subtitle', `${f}.subtitle`),
    title: optString(o, 'title', `${f}.title`),
    dates,
    location: optString(o, 'location', `${f}.location`) ?? group.location,
    companyUrl: optString(o, 'url', `${f}.url`) ?? group.url,
    companySlug: optString(o, 'company_id', `${f}.company_id`) ?? group.slug,
  });
}

function experienceOf(r: JsonObject): CanonicalPosition[] {
  const out: CanonicalPosition[] = [];
  const currentName = currentCompanyName(r)?.toLowerCase();
  optArray(r, 'experience', 'experience').forEach((e, i) => {
    const f = `experience[${i}]`;
    const o = elementObject(e, f);
    const nested = optArray(o, 'positions', `${f}.positions`);
    if (nested.length === 0) {
      const p = position(o, f, { company: null, url: null, slug: null, location: null });
      // Bright Data often prints the current job without dates; the top card names it.
      if (p.start === null && p.end === null && p.current === null && currentName && p.company?.toLowerCase() === currentName) p.current = true;
      out.push(p);
      return;
    }
    const group: Group = {
      company: optString(o, 'company', `${f}.company`) ?? optString(o, 'title', `${f}.title`),
      url: optString(o, 'url', `${f}.url`),
      slug: optString(o, 'company_id', `${f}.company_id`),
      location: optString(o, 'location', `${f}.location`),
    };
    nested.forEach((p, j) => {
      const pf = `${f}.positions[${j}]`;
      const po = elementObject(p, pf);
      out.push(position(po, pf, group));
    });
  });
  return out;
}

function currentCompanyName(r: JsonObject): string | null {
  const cc = optObject(r, 'current_company', 'current_company');
  return (cc && optString(cc, 'name', 'current_company.name')) ?? optString(r, 'current_company_name', 'current_company_name');
}

function currentCompanyOf(r: JsonObject): CanonicalPosition[] {
  const cc = optObject(r, 'current_company', 'current_company');
  const name = currentCompanyName(r);
  if (!name) return [];
  return [
    makePosition({
      company: name,
      title: cc ? optString(cc, 'title', 'current_company.title') : null,
      dates: { start: null, end: null, ongoing: true },
      companyUrl: cc ? optString(cc, 'link', 'current_company.link') : null,
      companySlug: (cc && optString(cc, 'company_id', 'current_company.company_id')) ?? optString(r, 'current_company_company_id', 'current_company_company_id'),
    }),
  ];
}

function educationOf(r: JsonObject): CanonicalEducation[] {
  return optArray(r, 'education', 'education').map((e, i) => {
    const f = `education[${i}]`;
    const o = elementObject(e, f);
    const dates = datesOf(optDateText(o, 'start_year', `${f}.start_year`), optDateText(o, 'end_year', `${f}.end_year`), `${f}.start_year`, `${f}.end_year`);
    const degree = joinNonEmpty(optString(o, 'degree', `${f}.degree`), optString(o, 'field', `${f}.field`));
    return makeEducation(optString(o, 'title', `${f}.title`) ?? optString(o, 'school', `${f}.school`), degree, dates);
  });
}

/** Maps one Bright Data profile object (throws a RecordProblem on bad fields). */
export function brightDataProfile(r: JsonObject, place: RecordPlace): CanonicalProfile {
  const url = optString(r, 'url', 'url') ?? optString(r, 'input_url', 'input_url');
  const linkedin = linkedinProfileUrl(url);
  const id = optString(r, 'id', 'id') ?? optString(r, 'linkedin_id', 'linkedin_id') ?? linkedin;
  if (!id) throw new RecordProblem('missing_id', `id: record ${place.index} has no id, linkedin_id or url`);
  const positions = experienceOf(r);
  return {
    id,
    linkedin_url: linkedin,
    name: optString(r, 'name', 'name'),
    location: optString(r, 'city', 'city') ?? optString(r, 'location', 'location'),
    updated_at: updatedAt(optString(r, 'timestamp', 'timestamp'), 'timestamp'),
    positions: positions.length > 0 ? positions : currentCompanyOf(r),
    education: educationOf(r),
  };
}

/** Reads Bright Data profile files (see the module comment). */
export const readBrightData: Reader = async function* (path) {
  for (const file of await inputFiles(path, FILES, 'brightdata')) {
    yield* readJsonRecords(file, 'brightdata', brightDataProfile);
  }
};
