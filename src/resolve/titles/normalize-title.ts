/**
 * Turns a raw title into what the rules read: folded text with abbreviations spelled out,
 * decorations dropped ("| CISA", "(m/w/d)", "at Acme"), and the title split into its parts
 * ("Founder & CEO" → two roles; "Consultant | Technology Advisory" → a role and a qualifier).
 */

export interface NormalizedTitle {
  /** The whole title, folded and expanded, separators kept as ` | `. */
  text: string;
  /** Parts in order: separators (`|`, ` - `, `,`, `(`, `&`, `/`, `and`) split them. */
  parts: string[];
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /[\u0300-\u036f]/g;

/** Lowercase and strip accents (`Geschäftsführer` → `geschaftsfuhrer`, `Estágio` → `estagio`). */
export function foldText(s: string): string {
  const t = s.toLowerCase();
  return ASCII.test(t) ? t : t.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss');
}

/**
 * Abbreviations spelled out, one token at a time. Keys are folded tokens without dots.
 * `md` is managing director (a physician's "MD" is a degree decoration, dropped when the title
 * names a clinician, see `CLINICIAN`).
 */
const ABBREVIATIONS = new Map<string, string>(Object.entries({
  sr: 'senior', snr: 'senior', sen: 'senior', jr: 'junior', jnr: 'junior', jun: 'junior',
  mgr: 'manager', mngr: 'manager', dir: 'director', assoc: 'associate', asst: 'assistant', asso: 'associate',
  engr: 'engineer', eng: 'engineer', dev: 'developer', devs: 'developers', exec: 'executive', admin: 'administrator',
  coord: 'coordinator', spec: 'specialist', rep: 'representative', mktg: 'marketing', acct: 'account',
  swe: 'software engineer', sde: 'software development engineer', sdet: 'software development engineer in test',
  mts: 'member of technical staff', smts: 'senior member of technical staff', lmts: 'lead member of technical staff',
  pmts: 'principal member of technical staff', sre: 'site reliability engineer', qa: 'quality assurance',
  vp: 'vice president', svp: 'senior vice president', evp: 'executive vice president', avp: 'assistant vice president',
  gvp: 'group vice president', rvp: 'regional vice president', md: 'managing director', gm: 'general manager',
  dg: 'directeur general', pdg: 'president directeur general',
  ceo: 'chief executive officer', cto: 'chief technology officer', cfo: 'chief financial officer',
  coo: 'chief operating officer', cio: 'chief information officer', cmo: 'chief marketing officer',
  cpo: 'chief product officer', cso: 'chief strategy officer', cdo: 'chief data officer', cro: 'chief revenue officer',
  chro: 'chief human resources officer', ciso: 'chief information security officer', cco: 'chief commercial officer',
  caio: 'chief ai officer', cxo: 'chief executive officer', clo: 'chief legal officer', cao: 'chief administrative officer',
  pm: 'product manager', tpm: 'technical program manager', apm: 'associate product manager', em: 'engineering manager',
  ae: 'account executive', sdr: 'sales development representative', bdr: 'business development representative',
  bdm: 'business development manager', kam: 'key account manager', csm: 'customer success manager',
  hrbp: 'human resources business partner', hr: 'human resources', rrhh: 'recursos humanos', drh: 'directeur ressources humaines',
  ml: 'machine learning', ai: 'artificial intelligence', bi: 'business intelligence', nlp: 'natural language processing',
  ux: 'user experience', ui: 'user interface', it: 'information technology', ops: 'operations', mkt: 'marketing',
  rn: 'registered nurse', np: 'nurse practitioner', cna: 'certified nursing assistant', lpn: 'licensed practical nurse',
  dba: 'database administrator', fpa: 'financial planning and analysis',
  'fp&a': 'financial planning and analysis', 'r&d': 'research and development', 'm&a': 'mergers and acquisitions',
  'l&d': 'learning and development', ic: 'individual contributor', pgm: 'program manager',
}));

/** Certifications, degrees and workplace tags that decorate a title and say nothing about the job. */
const DECORATION = /^(?:cisa|cism|cissp|cpa|ca|cfa|frm|pmp|prince2|mba|phd|msc|bsc|ma|ba|acca|cima|cia|cfe|ceh|oscp|csm|psm|itil|togaf|gaicd|faicd|cpa australia|m ?w ?d|f ?m ?d|m ?f ?d|w ?m ?d|h ?f|f ?h|all genders|remote|hybrid|on ?site|full ?time|part ?time|contract|temporary|permanent|urgent|hiring|immediate start|\d+ ?(?:months?|years?|yrs?)|\d+)$/;

/** Phrases about whom a role serves, not the role's own rank ("Assistant to the CEO"). */
const SERVES = /\b(?:office of|to|reporting to|for|supporting)(?: the)?\s+(?:chief executive officer|chief \w+ officer|president|chairman|chairwoman|founder|ceo|board|managing director|vice president|directors?|executive team|leadership team|c-suite)\b/g;

/** Titles where "MD" is the physician's degree, not a managing director. */
const CLINICIAN = /\b(?:physician|doctor|surgeon|medicine|medical|clinical|clinic|hospital|psychiatr\w*|pediatric\w*|paediatric\w*|cardiolog\w*|oncolog\w*|radiolog\w*|anesthesi\w*|neurolog\w*|dermatolog\w*|resident|attending|internist|hospitalist|health)\b/;
const SERVES_TRIGGER = /\b(?:to|of|for|supporting) /;
const AT_TRIGGER = /@| (?:at|chez|bei|na|presso) /;
const AT_COMPANY = /\s+(?:at|@|chez|bei|na|presso)\s+.*$|\s*@.*$/;
const SPLIT = /\s*(?:\||[()[\]{}]|\s[-–—]+\s|[–—]|,|;|:|·|•|\s&\s|&|\+|\sand\s|\sund\s|\set\s|\sy\s|\se\s|\/)\s*/;

/**
 * Normalize a title. The result is what `seniorityOf`, `functionOf` and the occupation matcher
 * read; it is computed once per distinct title.
 */
export function normalizeTitle(raw: string): NormalizedTitle {
  let s = foldText(raw).replace(/\s+/g, ' ').trim();
  // Each rewrite runs only when its trigger character is present: this is per-title hot code.
  if (s.includes('/')) s = s.replace(/\bui ?\/ ?ux\b|\bux ?\/ ?ui\b/g, 'ux ui');
  if (s.includes('&')) s = s.replace(/\b(r|m|l|fp) ?& ?(d|a)\b/g, '$1&$2').replace(/\bp ?& ?l\b/g, 'pl');
  if (s.includes('-')) s = s.replace(/\bc-(?=suite|level)/g, 'c ').replace(/\bco-(?=founder|fondat|fundador)/g, 'co').replace(/\bvice-/g, 'vice ');
  if (s.includes('.')) s = s.replace(/(\w)\.(?=\w\.)/g, '$1').replace(/\b([a-z])\.([a-z])\b\.?/g, '$1$2');
  if (s.includes('business dev')) s = s.replace(/\bbusiness dev\b/g, 'business development');
  if (SERVES_TRIGGER.test(s)) s = s.replace(SERVES, ' ');
  if (AT_TRIGGER.test(s)) s = s.replace(AT_COMPANY, '');
  if (s.includes('m') && CLINICIAN.test(s)) s = s.replace(/\bm\.?d\b\.?/g, ' ');
  const parts: string[] = [];
  for (const piece of s.split(SPLIT)) {
    const words = piece.replace(/[^a-z0-9&' ]+/g, ' ').trim();
    if (words === '' || DECORATION.test(words)) continue;
    parts.push(expand(words));
  }
  return { text: parts.join(' | '), parts };
}

function expand(words: string): string {
  let out = '';
  for (const w of words.split(' ')) {
    if (w === '') continue;
    const bare = w.includes("'") ? w.replace(/'s$/, '').replace(/'/g, '') : w;
    const word = ABBREVIATIONS.get(bare) ?? bare;
    out = out === '' ? word : out + ' ' + word;
  }
  return out;
}
