/**
 * Messy dates as career sites print them, turned into partial dates that keep the source's
 * precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 *
 * Contract:
 * - empty text is an unknown date (`date: null`), not an error;
 * - "still there" words in seven languages (`Present`, `Heute`, `Aujourd’hui`, `atual`…) give
 *   `date: null, ongoing: true`;
 * - the placeholder years 1900 and 0000 mean unknown (`date: null`);
 * - impossible dates (`2023-13-45`, year 1850, a month with no year) are errors, never guesses.
 *
 * Both parsers run once per distinct string over millions of rows, so results are memoized
 * (frozen objects: never mutate them) and the regexes are compiled once.
 */
import type { PartialDate } from '../model/profile.js';
import { isOngoingWord, monthOfName } from './month-names.js';

/** A parsed single date. */
export interface MessyDate {
  readonly date: PartialDate | null;
  /** True when the text said "still there" (the date is then null). */
  readonly ongoing: boolean;
}

/** A parsed date range; `ongoing` is true when the end said "still there" (`end` is then null). */
export interface DateRange {
  readonly start: PartialDate | null;
  readonly end: PartialDate | null;
  readonly ongoing: boolean;
}

/** Why a text is not a date, in a few words (`month out of range: 13`). */
export interface DateError {
  readonly error: string;
}

/** Years below this are impossible on a career profile (1900 itself is a placeholder). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MEMO_LIMIT = 100_000;

const UNKNOWN: MessyDate = Object.freeze({ date: null, ongoing: false });
const ONGOING: MessyDate = Object.freeze({ date: null, ongoing: true });
const NO_RANGE: DateRange = Object.freeze({ start: null, end: null, ongoing: false });
const ONGOING_RANGE: DateRange = Object.freeze({ start: null, end: null, ongoing: true });

const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTH_YEAR_NUMERIC = /^(\d{1,2})[/.-](\d{4})$/;
const TOKEN_SPLIT = /[\s,]+/;
const YEAR_TOKEN = /^\d{4}$/;
const DAY_TOKEN = /^(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?$/;
const FILLER = new Set(['de', 'del', 'of', 'the', 'le', 'el', 'em', 'in', 'im']);

const DURATION_AFTER_DOT = /\s*[·•|]\s*.*$/s;
const DURATION_TAIL =
  /(?:\s+(?:\d+\s*(?:yrs?|years?|mos?|months?|jahre?|monate?|ans?|mois|años?|anos?|meses|anni|mesi)\.?|less than a year))+\s*$/i;
const SPACED_SEP = /\s+(?:[-–—~]|to|bis|au|à|a|até|al|hasta|tot)\s+|\s*[–—]\s*/i;
const YEAR_DASH_YEAR = /^(\d{4})\s*-\s*(\d{4})$/;
const ISO_PREFIX = /^\d{4}-\d/;

const dateMemo = new Map<string, MessyDate | DateError>();
const rangeMemo = new Map<string, DateRange | DateError>();

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string; validates the parts. */
function partialDate(year: number, month?: number, day?: number): MessyDate | DateError {
  if (year === 0 || year === MIN_YEAR) return UNKNOWN;
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `year out of range: ${year}` };
  if (month === undefined) return { date: String(year), ongoing: false };
  if (month < 1 || month > 12) return { error: `month out of range: ${month}` };
  const ym = `${year}-${month < 10 ? '0' : ''}${month}`;
  if (day === undefined) return { date: ym, ongoing: false };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return { error: `day out of range: ${day}` };
  return { date: `${ym}-${day < 10 ? '0' : ''}${day}`, ongoing: false };
}

/** `Sep 2021`, `févr. 2020`, `ene. de 2021`, `Nov 28, 2022`, `28. März 2022`, `2019`. */
function namedDate(text: string): MessyDate | DateError {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const raw of text.split(TOKEN_SPLIT)) {
    if (raw === '') continue;
    if (YEAR_TOKEN.test(raw)) {
      if (year !== undefined) return { error: 'two years' };
      year = Number(raw);
      continue;
    }
    const m = monthOfName(raw);
    if (m !== undefined) {
      if (month !== undefined) return { error: 'two months' };
      month = m;
      continue;
    }
    const d = DAY_TOKEN.exec(raw);
    if (d && day === undefined) {
      day = Number(d[1]);
      continue;
    }
    if (FILLER.has(raw.toLowerCase())) continue;
    return { error: `unrecognised date word: ${raw}` };
  }
  if (year === undefined) return { error: 'no year' };
  if (day !== undefined && month === undefined) return { error: 'day without month' };
  return partialDate(year, month, day);
}

function parseUncached(text: string): MessyDate | DateError {
  if (text === '') return UNKNOWN;
  if (isOngoingWord(text)) return ONGOING;
  const iso = ISO.exec(text);
  if (iso) {
    return partialDate(
      Number(iso[1]),
      iso[2] === undefined ? undefined : Number(iso[2]),
      iso[3] === undefined ? undefined : Number(iso[3]),
    );
  }
  const my = MONTH_YEAR_NUMERIC.exec(text);
  if (my) return partialDate(Number(my[2]), Number(my[1]));
  return namedDate(text);
}

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
  return value;
}

/**
 * One messy date: `2021`, `2021-03`, `2021-03-15`, an ISO timestamp (its date part),
 * `03/2021`, `Mar 2021`, `März 2021`, `févr. 2020`, `ene. de 2021`, `Nov 28, 2022`, `Present`.
 * @example parseMessyDate('Mär 2019') // { date: '2019-03', ongoing: false }
 * @example parseMessyDate('2023-13-45') // { error: 'month out of range: 13' }
 */
export function parseMessyDate(text: string): MessyDate | DateError {
  const key = text.trim();
  const hit = dateMemo.get(key);
  if (hit !== undefined) return hit;
  return remember(dateMemo, key, parseUncached(key));
}

function rangeUncached(text: string): DateRange | DateError {
  const body = text.replace(DURATION_AFTER_DOT, '').replace(DURATION_TAIL, '').trim();
  if (body === '') return NO_RANGE;
  let parts: [string, string] | undefined;
  const sep = SPACED_SEP.exec(body);
  if (sep) {
    parts = [body.slice(0, sep.index), body.slice(sep.index + sep[0].length)];
  } else {
    const yy = YEAR_DASH_YEAR.exec(body);
    if (yy) parts = [yy[1]!, yy[2]!];
  }
  if (!parts) {
    const single = parseMessyDate(body);
    if ('error' in single && !ISO_PREFIX.test(body) && body.split('-').length === 2) {
      const [a, b] = body.split('-') as [string, string];
      parts = [a, b];
    } else {
      if ('error' in single) return single;
      if (single.ongoing) return ONGOING_RANGE;
      // A single date is a point: LinkedIn prints one date when start and end coincide.
      return { start: single.date, end: single.date, ongoing: false };
    }
  }
  const start = parseMessyDate(parts[0]);
  if ('error' in start) return { error: `start: ${start.error}` };
  if (start.ongoing) return { error: 'start says ongoing' };
  const end = parseMessyDate(parts[1]);
  if ('error' in end) return { error: `end: ${end.error}` };
  return { start: start.date, end: end.date, ongoing: end.ongoing };
}

/**
 * A date range: `Sep 2021 - Present · 1 yr 3 mos`, `2010 - 2011`, `Mar 2019 – Jan 2020`,
 * `Apr 2023 - Present 1 year 9 months`. The duration after `·` (or trailing) is ignored; a single
 * date is a point (start = end); empty text is an unknown range.
 * @example parseDateRange('Jul 2023 - Present') // { start: '2023-07', end: null, ongoing: true }
 */
export function parseDateRange(text: string): DateRange | DateError {
  const key = text.trim();
  const hit = rangeMemo.get(key);
  if (hit !== undefined) return hit;
  return remember(rangeMemo, key, rangeUncached(key));
}

/**
 * Compares two partial dates at their common precision: `2021` and `2021-05` are equal,
 * `2021-04` is before `2021-05`. Negative when `a` is earlier.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when both dates are known and the end is strictly before the start at common precision. */
export function endsBeforeStart(start: PartialDate | null | undefined, end: PartialDate | null | undefined): boolean {
  return !!start && !!end && comparePartialDates(end, start) < 0;
}
