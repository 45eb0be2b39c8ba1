/**
 * JSON Resume (jsonresume.org schema v1): a `.json` file holding one resume or an array of them,
 * a `.jsonl` file with one per line, or a folder of such files.
 *
 * Person id: the LinkedIn URL in `basics.profiles`, else `basics.email`, else `<file>#<n>`.
 * A `work` entry with no `endDate` is ongoing (the schema's convention), when it has a start.
 */
import { basename } from 'node:path';
import type { CanonicalEducation, CanonicalPosition, CanonicalProfile } from '../model/profile.js';
import { datesOf, joinNonEmpty, makeEducation, makePosition, updatedAt } from './canonical-build.js';
import { linkedinProfileUrl } from './company-url.js';
import { inputFiles } from './input-files.js';
import { elementObject, optArray, optObject, optString, type JsonObject } from './json-fields.js';
import { readJsonRecords, type RecordPlace } from './json-records.js';
import type { Reader } from './reader.js';

const FILES = /\.(json|jsonl|ndjson)(\.gz)?$/i;

function linkedinOf(basics: JsonObject): string | null {
  const profiles = optArray(basics, 'profiles', 'basics.profiles');
  for (let i = 0; i < profiles.length; i++) {
    const p = elementObject(profiles[i], `basics.profiles[${i}]`);
    const url = optString(p, 'url', `basics.profiles[${i}].url`);
    const network = optString(p, 'network', `basics.profiles[${i}].network`);
    const li = linkedinProfileUrl(url);
    if (li) return li;
    const username = optString(p, 'username', `basics.profiles[${i}].username`);
    if (network?.toLowerCase() === 'linkedin' && username) return `linkedin.com/in/${username.toLowerCase()}`;
  }
  return null;
}

function locationOf(basics: JsonObject): string | null {
  const loc = basics['location'];
  if (typeof loc === 'string') return loc.trim() || null;
  const o = optObject(basics, 'location', 'basics.location');
  if (!o) return null;
  const parts = ['city', 'region', 'countryCode'].map((k) => optString(o, k, `basics.location.${k}`));
  return joinNonEmpty(...parts);
}

function workOf(r: JsonObject): CanonicalPosition[] {
  return optArray(r, 'work', 'work').map((w, i) => {
    const f = `work[${i}]`;
    const o = elementObject(w, f);
    const start = optString(o, 'startDate', `${f}.startDate`);
    const end = optString(o, 'endDate', `${f}.endDate`);
    const dates = datesOf(start, end, `${f}.startDate`, `${f}.endDate`);
    return makePosition({
      company: optString(o, 'name', `${f}.name`) ?? optString(o, 'company', `${f}.company`),
      title: optString(o, 'position', `${f}.position`),
      dates,
      currentFlag: end === null && dates.start !== null ? true : null,
      location: optString(o, 'location', `${f}.location`),
      companyUrl: optString(o, 'url', `${f}.url`) ?? optString(o, 'website', `${f}.website`),
    });
  });
}

function educationOf(r: JsonObject): CanonicalEducation[] {
  return optArray(r, 'education', 'education').map((e, i) => {
    const f = `education[${i}]`;
    const o = elementObject(e, f);
    const dates = datesOf(optString(o, 'startDate', `${f}.startDate`), optString(o, 'endDate', `${f}.endDate`), `${f}.startDate`, `${f}.endDate`);
    const degree = joinNonEmpty(optString(o, 'studyType', `${f}.studyType`), optString(o, 'area', `${f}.area`));
    return makeEducation(optString(o, 'institution', `${f}.institution`), degree, dates);
  });
}

/** Maps one resume object to a canonical profile (throws a RecordProblem on bad fields). */
export function jsonResumeProfile(r: JsonObject, place: RecordPlace): CanonicalProfile {
  const basics = optObject(r, 'basics', 'basics') ?? {};
  const meta = optObject(r, 'meta', 'meta');
  const linkedin = linkedinOf(basics);
  const email = optString(basics, 'email', 'basics.email');
  return {
    id: linkedin ?? email ?? `${basename(place.file)}#${place.index}`,
    linkedin_url: linkedin,
    name: optString(basics, 'name', 'basics.name'),
    location: locationOf(basics),
    updated_at: meta ? updatedAt(optString(meta, 'lastModified', 'meta.lastModified'), 'meta.lastModified') : null,
    positions: workOf(r),
    education: educationOf(r),
  };
}

/** Reads JSON Resume files (see the module comment). */
export const readJsonResume: Reader = async function* (path) {
  for (const file of await inputFiles(path, FILES, 'jsonresume')) {
    yield* readJsonRecords(file, 'jsonresume', jsonResumeProfile);
  }
};
