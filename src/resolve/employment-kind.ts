/**
 * What kind of engagement a title names. Only `fulltime` positions can be hires (DESIGN.md,
 * "Hire"): internships, co-ops, working students, volunteer, board and advisor roles are not.
 * `freelance` is reported separately so a metric can decide; it is not an employee hire either.
 *
 * Precision over recall: a title is `fulltime` unless a marker says otherwise, and the markers
 * avoid the jobs that merely contain the words — "Board Certified Nurse", "Financial Advisor",
 * "Advisory Consultant", "Internal Auditor", "Volunteer Coordinator", "Internship Coordinator".
 */

export type EmploymentKind = 'fulltime' | 'intern' | 'volunteer' | 'board' | 'advisor' | 'freelance';

/** Lowercase, accents folded (`estágio` → `estagio`, `ß` → `ss`), whitespace collapsed. */
function fold(s: string): string {
  let t = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(t)) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
  return t.replace(/\s+/g, ' ').trim();
}

/** Student work in English, German, French, Spanish, Portuguese, Italian, Dutch. */
const INTERN = new RegExp(
  [
    String.raw`\bintern(?:s|ship|ships)?\b(?!\s*(?:coordinator|program|programme|recruit|manager of|mentor|relations|intake))`,
    String.raw`\bco-?op\b(?!\s*(?:coordinator|program|advisor|bank))`,
    String.raw`\bco-?operative (?:education )?student\b`,
    String.raw`\bwerkstudent(?:in)?\b`,
    String.raw`\bworking student\b`,
    String.raw`\bpraktikant(?:in)?\b|\bpraktikum\b|\bpflichtpraktikum\b`,
    String.raw`\bstudentische (?:hilfskraft|aushilfe)\b|\bhiwi\b`,
    String.raw`\bstagiaire\b|\bstagiair\b|\bstagista\b|\btirocinante\b|\btirocinio\b`,
    String.raw`(?:^|\bde |\ben |\bd')stage\b(?! (?:manager|technician|hand|crew|director|designer))`,
    String.raw`\balternan(?:t|te|ce)\b`,
    String.raw`\bestagi(?:o|ario|aria)\b`,
    String.raw`\bpasant(?:ia|e)\b|\bpracticante\b|\bbecari[oa]\b|\ben practicas\b`,
    String.raw`\bsummer (?:analyst|associate|student|intern|internship|associate intern)\b`,
    String.raw`\bstudent (?:assistant|worker|employee|trainee)\b`,
  ].join('|'),
);
/** Medical interns are employed residents, not students. */
const MEDICAL_INTERN = /\b(?:medical|surgical|surgery|pharmacy|dental|psychology|rotating) intern\b|\bintern (?:physician|doctor|pharmacist)\b|\bpgy-?\d/;

const VOLUNTEER = new RegExp(
  [
    String.raw`\bvolunteer(?:ing)?\b(?!\s*(?:coordinator|manager|management|services|engagement|program|programme|recruit|relations|lead|director|officer|specialist))`,
    String.raw`\bbenevole\b|\bvoluntari[oa]\b|\bvoluntariado\b|\bvoluntario\b|\behrenamt(?:lich|licher|liche)?\b|\bpro bono\b`,
  ].join('|'),
);

const BOARD = new RegExp(
  [
    String.raw`\bboard (?:member|director|observer|of directors|of trustees|of governors|of advisors|chair|secretary|treasurer)\b`,
    String.raw`\bmember,? (?:of )?(?:the )?(?:supervisory |advisory )?board\b`,
    String.raw`\b(?:director|chair(?:man|woman|person)?|president|member) of the board\b`,
    String.raw`\bnon[- ]?executive (?:director|chair(?:man|woman|person)?)\b|\bned\b`,
    String.raw`\bindependent (?:non[- ]executive )?director\b`,
    String.raw`\btrustee\b|\bgovernor\b(?= ?(?:,|$|at|of (?:the )?(?:school|college|university|trust)))`,
    String.raw`\baufsichtsrat|\bverwaltungsrat|\bbeiratsmitglied|\bmitglied des (?:aufsichtsrat|beirat|verwaltungsrat)`,
    String.raw`\bconseil d'administration\b|\badministrat(?:eur|rice) (?:independant|independante|non executif)`,
    String.raw`\bconsejer[oa] (?:independiente|dominical|externo)\b|\bmiembro del consejo\b|\bconsejo de administracion\b`,
    String.raw`\bconselheir[oa] (?:de administracao|independente|fiscal)\b|\bmembro do conselho\b`,
    String.raw`^chair(?:man|woman|person)?$`,
  ].join('|'),
);

/** Advisor roles that are not jobs: advisory boards, startup/board/strategic advisors, mentors. */
const ADVISOR = new RegExp(
  [
    String.raw`\badvisory (?:board|council|committee|panel)\b|\bbeirat\b`,
    String.raw`\b(?:board|startup|start-up|strategic|strategy|independent|external|angel|honorary|volunteer|investor (?:and|&)) advis[eo]r\b`,
    String.raw`^(?:senior |sr |special )?advis[eo]r(?: (?:to|at|for) .*)?$`,
    String.raw`\bmentor\b(?!\s*(?:program|programme|coordinator|graphics|manager))|\bmentoring\b(?!\s*(?:program|programme|coordinator|manager))`,
  ].join('|'),
);

/** A seat on an advisory body is an advisor role, not a governing-board one. */
const ADVISORY_BODY = /\badvisory (?:board|council|committee|panel)\b|\bbeirat/;

const FREELANCE = new RegExp(
  [
    String.raw`\bfree-?lanc(?:e|er|ing)\b|\bself[- ]employed\b|\bindependent (?:consultant|contractor|professional)\b`,
    String.raw`\bfreiberufl|\bselbstandig|\bselbststandig|\bauto-?entrepreneur\b|\bindependant\b|\bindependante\b`,
    String.raw`\bautonom[oa]\b|\btrabajador independiente\b|\bprofissional autonom`,
  ].join('|'),
);

/**
 * A segment is a real job when it names an executive or ownership role; such a role wins over
 * a board or advisor mention in another segment ("Founder & Board Member", "Chairman & CEO").
 */
const OWNER_OR_EXEC = /\b(?:founder|co-?founder|ceo|cto|cfo|coo|cio|owner|president|managing (?:director|partner)|general manager|executive chair(?:man|woman|person)?|partner|gesch[a]?ftsf[u]?hrer|geschaftsfuhrer|inhaber|fundador[a]?|fondat(?:eur|rice)|socio|consejero delegado|director general|directeur general|gerente general)\b/;

/** Splits a title into its roles: "Founder & CEO", "Manager | Mentor", "Advisor / Investor". */
const SEGMENTS = /\s*(?:[|/·•;]|\s[-–—]\s|\s&\s|\sand\s|\set\s|\sund\s|\sy\s|\se\s)\s*/;

/** Role segments plus comma-separated parts ("Co-founder, CTO, Board member"). */
const ROLE_PARTS = new RegExp(SEGMENTS.source + '|\\s*,\\s*');

/**
 * Classify a title's engagement kind. `null`/empty → `fulltime` (no evidence of anything else).
 *
 * Precedence: an intern marker anywhere wins (a student job is a student job whatever else the
 * title says); then an executive or owner role in a segment of its own makes the position
 * `fulltime` ("Founder & Board Member"); then volunteer, board, advisor, freelance. Board and
 * advisor markers count only in the first role segment, so a side role after a separator
 * ("Engineering Lead | Mentor") does not turn a job into an advisory seat.
 *
 * @example employmentKindOf('Werkstudent Data Engineering') // 'intern'
 * @example employmentKindOf('Board Certified Nurse Practitioner') // 'fulltime'
 * @example employmentKindOf('Member of the Board of Directors') // 'board'
 */
export function employmentKindOf(title: string | null): EmploymentKind {
  if (!title) return 'fulltime';
  const t = fold(title);
  if (t === '') return 'fulltime';
  if (INTERN.test(t) && !MEDICAL_INTERN.test(t)) return 'intern';
  const first = t.split(SEGMENTS)[0] ?? t;
  const volunteer = VOLUNTEER.test(t);
  const advisor = ADVISOR.test(first) || advisorBySegment(first);
  const board = !ADVISORY_BODY.test(first) && BOARD.test(first);
  const freelance = FREELANCE.test(t);
  if (!volunteer && !board && !advisor && !freelance) return 'fulltime';
  if (OWNER_OR_EXEC.test(t) && execOutsideBoard(t)) return 'fulltime';
  if (volunteer) return 'volunteer';
  if (board) return 'board';
  if (advisor) return 'advisor';
  return 'freelance';
}

/** "Mentor | KPMG" or "Advisor, Acme" — a bare advisor in the first role segment. */
function advisorBySegment(first: string): boolean {
  if (!first.includes('advis')) return false;
  const head = first.split(',')[0]?.trim() ?? '';
  return /^(?:senior |sr |special |strategic |independent )?advis[eo]r$/.test(head);
}

/**
 * True when an executive role sits in a segment of its own, not inside the board phrase
 * ("President of the Board" is a board role; "Founder & Board Member" is not).
 */
function execOutsideBoard(t: string): boolean {
  for (const seg of t.split(ROLE_PARTS)) {
    if (OWNER_OR_EXEC.test(seg) && !BOARD.test(seg) && !ADVISOR.test(seg)) return true;
  }
  return false;
}
