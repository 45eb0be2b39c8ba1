/**
 * Builds canonical positions and education entries from already-extracted text fields, parsing
 * their dates with the messy-date parser. Shared by every reader so that date rules (precision,
 * placeholders, ongoing, `end_before_start`) are the same for all formats.
 */
import type { CanonicalEducation, CanonicalPosition, PartialDate } from '../model/profile.js';
import { endsBeforeStart, parseDateRange, parseMessyDate, type DateRange, type MessyDate } from '../normalize/index.js';
import { companyRef } from './company-url.js';
import { RecordProblem } from './record-problem.js';

/** Parses a range text (`Jan 2023 - Present`); `field` names the source field in problem details. */
export function rangeOf(text: string | null, field: string): DateRange {
  const t = text ?? '';
  const r = parseDateRange(t);
  if ('error' in r) throw new RecordProblem('invalid_date', `${field}: ${t} (${r.error})`);
  checkOrder(r.start, r.end, field, t);
  return r;
}

/**
 * Parses separate start and end texts; the field names (`work[2].startDate`) go into problem
 * details.
 */
export function datesOf(start: string | null, end: string | null, startField: string, endField: string): DateRange {
  const s = dateOf(start, startField);
  if (s.ongoing) throw new RecordProblem('invalid_date', `${startField}: ${start} (start says ongoing)`);
  const e = dateOf(end, endField);
  checkOrder(s.date, e.date, endField, `${start ?? ''} - ${end ?? ''}`);
  return { start: s.date, end: e.date, ongoing: e.ongoing };
}

/** One date of an entry; `field` names the source field in the problem detail. */
export function dateOf(text: string | null, field: string): MessyDate {
  const d = parseMessyDate(text ?? '');
  if ('error' in d) throw new RecordProblem('invalid_date', `${field}: ${text} (${d.error})`);
  return d;
}

/** Raises `end_before_start` when the end is known and before the start. */
export function checkOrder(start: PartialDate | null, end: PartialDate | null, field: string, text: string): void {
  if (endsBeforeStart(start, end)) {
    throw new RecordProblem('end_before_start', `${field}: ${text} (end ${end} before start ${start})`);
  }
}

export interface PositionInput {
  company: string | null;
  title: string | null;
  dates: DateRange;
  /** The source's own "current" flag, when it has one. */
  currentFlag?: boolean | null;
  location?: string | null;
  /** Company URL or LinkedIn slug as the source gives it. */
  companyUrl?: string | null;
  companySlug?: string | null;
}

/**
 * A canonical position. `current` is true when the source said ongoing (or flagged it and gave no
 * end), false when an end date is known, and null (unknown) otherwise.
 */
export function makePosition(p: PositionInput): CanonicalPosition {
  const end = p.dates.end;
  const current = p.dates.ongoing || (p.currentFlag === true && end === null) ? true : end !== null ? false : p.currentFlag ?? null;
  const out: CanonicalPosition = {
    company: p.company,
    title: p.title,
    start: p.dates.start,
    end: p.dates.end,
    current,
    location: p.location ?? null,
  };
  const ref = companyRef(p.companyUrl ?? null, p.companySlug ?? null);
  if (ref.company_domain) out.company_domain = ref.company_domain;
  if (ref.company_linkedin) out.company_linkedin = ref.company_linkedin;
  return out;
}

/** The non-blank parts joined by `, ` (`Bachelor of Science, Computer Science`), or null. */
export function joinNonEmpty(...parts: (string | null | undefined)[]): string | null {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return kept.length === 0 ? null : kept.join(', ');
}

export function makeEducation(school: string | null, degree: string | null, dates: DateRange): CanonicalEducation {
  return { school, degree, start: dates.start, end: dates.end };
}

/** `2024-12-23` from an update timestamp; an unparseable timestamp is an `invalid_date`. */
export function updatedAt(text: string | null, field: string): PartialDate | null {
  if (text === null) return null;
  const d = parseMessyDate(text);
  if ('error' in d) throw new RecordProblem('invalid_date', `${field}: ${text} (${d.error})`);
  return d.date;
}
