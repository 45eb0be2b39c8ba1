/**
 * Company name keys: the spelling-insensitive form two raw employer names must share to count as
 * one company by name (DESIGN.md "Company"). Only exact key equality merges; a key is never
 * compared by prefix, so "Apple Leisure Group" (`apple leisure group`) stays apart from "Apple"
 * (`apple`) and "Intel471" (`intel471`) from "Intel" (`intel`).
 */

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** LinkedIn renders the employment type after the employer: "Acme · Full-time". */
const EMPLOYMENT_TYPE =
  /\s*[·•|]\s*(?:full[- ]?time|part[- ]?time|internship|intern|contract|contractor|self[- ]?employed|freelance|apprenticeship|seasonal|temporary|permanent|trainee)\s*$/;
/** ", acquired by Foo", " - now part of Foo", " – formerly Bar" (a separator is required). */
const HISTORY_CLAUSE =
  /\s*[-–—,;:|]\s*(?:acquired by|acq\.? by|now part of|now known as|formerly|previously|fka|f\/k\/a|merged (?:with|into)|a subsidiary of)\b.*$/;
const HAS_BULLET = /[·•|]/;
const HISTORY_WORD = /acq|now|formerly|previously|fka|f\/k\/a|merged|subsidiary/;
/** One trailing parenthesised or bracketed decoration: "(acquired by Foo)", "(BCG)", "[Stealth]". */
const TRAILING_GROUP = /\s*(?:\([^()]*\)|\[[^[\]]*\])\s*$/;
/** Dotted abbreviations lose their dots, so "L.L.C." = "LLC" and "S.p.A." = "SpA". */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}\.)+\p{L}\.?(?![\p{L}\p{N}])/gu;
/**
 * "Amazon.com, Inc." and "Salesforce.com" are names written like domains. Only `.com`: "Apollo.io"
 * and "Compose.ai" are not the same companies as "Apollo" and "Compose".
 */
const DOT_TLD = /(?<=\p{L})\.com(?![\p{L}\p{N}])/gu;
const APOSTROPHES = /['’`´]/g;
const AMPERSAND = /&/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const ASCII_APOSTROPHES = /['`]/g;
const HAS_ALNUM = /[\p{L}\p{N}]/u;

/** Trailing legal-form tokens, removed from the end of a name (as many as there are). */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'lllp', 'pllc', 'ltd', 'limited', 'corp', 'corporation',
  'co', 'company', 'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'sa', 'sas', 'sasu', 'sarl', 'srl', 'sl',
  'slu', 'spa', 'bv', 'nv', 'plc', 'pty', 'pte', 'pvt', 'kk', 'gk', 'kaisha', 'oy', 'oyj', 'ab', 'aps',
  'asa', 'se', 'bhd', 'ltda', 'cv', 'rl', 'ooo', 'oao', 'zao', 'pao', 'pjsc', 'jsc', 'ojsc', 'cjsc',
  'kft', 'zrt', 'doo', 'sro', 'oo', 'sab', 'sapi',
]);
/** Tokens that belong to a legal form only next to one ("Private Limited", "S.A. de C.V."). */
const LEGAL_CONNECTORS = new Set(['and', 'private', 'de', 'sdn', 'kabushiki', 'sp', 'z', 's']);

/**
 * The name key of a raw employer name: lowercase, accents and punctuation removed, `&` read as
 * `and`, legal suffixes (Inc., LLC, L.L.C., Ltd, Corp., GmbH, S.A., B.V., PLC, Pty Ltd, S.p.A.,
 * K.K., …) and a leading "The" dropped, trailing decorations ("(acquired by …)", "(BCG)",
 * ", formerly …", "· Full-time") cut. A name made only of such parts keeps its last word
 * ("The Limited" → `limited`); a name with no letter or digit gives `""` (no evidence).
 *
 * @example normalizeCompanyName('Apple Inc.') // 'apple'
 * @example normalizeCompanyName('ACME, Inc.') // 'acme'
 * @example normalizeCompanyName('McKinsey & Company · Full-time') // 'mckinsey'
 */
export function normalizeCompanyName(name: string | null | undefined): string {
  if (!name) return '';
  let s = name;
  let marks = scan(s);
  if (marks & NON_ASCII_MARK) {
    s = s.normalize('NFKD').replace(MARKS, '');
    marks = scan(s) | NON_ASCII_MARK;
  }
  s = s.toLowerCase();
  if (marks & DECORATION_MARKS) s = cutDecorations(s);
  if (marks & DOT_MARK) s = s.replace(DOTTED_ABBREVIATION, stripDots).replace(DOT_TLD, '');
  if (marks & NON_ASCII_MARK) s = s.replace(APOSTROPHES, '');
  else if (marks & APOSTROPHE_MARK) s = s.replace(ASCII_APOSTROPHES, '');
  if (marks & AMPERSAND_MARK) s = s.replace(AMPERSAND, ' and ');
  const tokens = marks & NON_ASCII_MARK ? unicodeTokens(s) : asciiTokens(s);
  return tokens.length === 0 ? '' : dropLegalForm(tokens).join(' ');
}

const NON_ASCII_MARK = 1;
const DOT_MARK = 2;
const AMPERSAND_MARK = 4;
const APOSTROPHE_MARK = 8;
/** `(`, `)`, `[`, `]`, `|` or a clause separator: a decoration may follow. */
const DECORATION_MARK = 16;
const DECORATION_MARKS = DECORATION_MARK | NON_ASCII_MARK;

/** One pass over the raw name noting which (rare) rewrites it needs, so common names skip them. */
function scan(s: string): number {
  let marks = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) marks |= NON_ASCII_MARK;
    else if (c === 46) marks |= DOT_MARK;
    else if (c === 38) marks |= AMPERSAND_MARK;
    else if (c === 39 || c === 96) marks |= APOSTROPHE_MARK;
    else if (c === 40 || c === 41 || c === 91 || c === 93 || c === 124 || c === 44 || c === 45 || c === 59 || c === 58) {
      marks |= DECORATION_MARK;
    }
  }
  return marks;
}

/** Runs of `[a-z0-9]`, for lowercased ASCII text. */
function asciiTokens(s: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(s.slice(start, i));
      start = -1;
    }
  }
  return tokens;
}

function unicodeTokens(s: string): string[] {
  const t = s.replace(SEPARATORS, ' ').trim();
  return t === '' ? [] : t.split(' ');
}

function stripDots(abbreviation: string): string {
  return abbreviation.replace(/\./g, '');
}

/** Cuts trailing decorations while something named remains; cheap tests first (hot path). */
function cutDecorations(s: string): string {
  for (let round = 0; round < 4; round++) {
    let next = s.trimEnd();
    const last = next.charCodeAt(next.length - 1);
    if (last === 41 /* ) */ || last === 93 /* ] */) next = next.replace(TRAILING_GROUP, '');
    else if (HAS_BULLET.test(next)) next = next.replace(EMPLOYMENT_TYPE, '');
    if (HISTORY_WORD.test(next)) next = next.replace(HISTORY_CLAUSE, '');
    if (next.length === s.trimEnd().length || !HAS_ALNUM.test(next)) return s;
    s = next;
  }
  return s;
}

function dropLegalForm(tokens: string[]): string[] {
  let start = 0;
  let end = tokens.length;
  if (end - start > 1 && tokens[0] === 'the') start = 1;
  let dropped = false;
  while (end - start > 1) {
    const last = tokens[end - 1] as string;
    if (LEGAL_SUFFIXES.has(last) || (dropped && LEGAL_CONNECTORS.has(last))) {
      end--;
      dropped = true;
    } else break;
  }
  return start === 0 && end === tokens.length ? tokens : tokens.slice(start, end);
}
