/**
 * Title → O*NET occupation. First an exact match of the title (seniority words and decorations
 * removed) against the reference's 69k occupation, reported and alternate titles; then a
 * multinomial naive-Bayes vote of the title's words over each occupation's bag of title words,
 * which a compiled reference answers with sparse postings (a few microseconds per title).
 */
import type { TitleReference } from '../../reference/index.js';
import { normalizeTitle, type NormalizedTitle } from './normalize-title.js';

export interface OccupationMatch {
  index: number;
  /** 0.95 for an exact title match; the naive-Bayes posterior (capped at 0.9) otherwise. */
  confidence: number;
}

/** Words that say how senior, not what job. */
const STOP = new Set([
  'senior', 'junior', 'i', 'ii', 'iii', 'iv', 'v', 'level', 'entry', 'mid', 'intermediate', 'experienced', 'trainee',
  'of', 'and', 'the', 'for', 'in', 'to', 'a', 'an', 'with', 'on', 'at', '&', 'de', 'des', 'du', 'la', 'le', 'el', 'en', 'y', 'e', 'do', 'da', 'der', 'die', 'und',
  'global', 'regional', 'international', 'remote', 'hybrid', 'new', 'national', 'principal', 'staff', 'expert',
]);

/** Common role words in German, French, Spanish and Portuguese, in O*NET's English. */
const ENGLISH = new Map<string, string>(Object.entries({
  entwickler: 'developer', softwareentwickler: 'software developer', ingenieur: 'engineer', ingeniero: 'engineer', ingeniera: 'engineer',
  engenheiro: 'engineer', engenheira: 'engineer', berater: 'consultant', beraterin: 'consultant', consultor: 'consultant', consultora: 'consultant',
  vertrieb: 'sales', vertriebsleiter: 'sales manager', verkaufer: 'sales', leiter: 'manager', leiterin: 'manager', gerente: 'manager',
  gestor: 'manager', responsable: 'manager', jefe: 'manager', chefe: 'manager', directeur: 'director', directrice: 'director',
  directora: 'director', diretor: 'director', diretora: 'director', direktor: 'director', desarrollador: 'developer', desenvolvedor: 'developer',
  developpeur: 'developer', programador: 'programmer', analista: 'analyst', contador: 'accountant', comptable: 'accountant', buchhalter: 'accountant',
  abogado: 'lawyer', avocat: 'lawyer', advogado: 'lawyer', rechtsanwalt: 'lawyer', enfermera: 'nurse', enfermero: 'nurse', infirmier: 'nurse',
  infirmiere: 'nurse', krankenpfleger: 'nurse', medico: 'physician', arzt: 'physician', profesor: 'teacher', professeur: 'teacher',
  lehrer: 'teacher', lehrerin: 'teacher', vendedor: 'sales', vendedora: 'sales', vendeur: 'sales', ventas: 'sales', vendas: 'sales',
  comercial: 'sales', commercial: 'sales', marketing: 'marketing', datos: 'data', dados: 'data', donnees: 'data', informatik: 'computer',
  informatique: 'computer', informatica: 'computer', tecnico: 'technician', technicien: 'technician', asistente: 'assistant',
  assistente: 'assistant', auxiliar: 'assistant', secretaria: 'secretary', recursos: 'human', humanos: 'resources', finanzas: 'finance',
  financas: 'finance', finanzen: 'finance', einkauf: 'purchasing', logistik: 'logistics', produktion: 'production', qualitat: 'quality',
  projektleiter: 'project manager', projektmanager: 'project manager', chef: 'manager', especialista: 'specialist', spezialist: 'specialist',
  fundador: 'founder', fondateur: 'founder', grunder: 'founder', geschaftsfuhrer: 'chief executive', socio: 'partner', associe: 'partner',
  stagiaire: 'intern', praktikant: 'intern', werkstudent: 'intern', estagiario: 'intern', becario: 'intern', pasante: 'intern',
}));

export interface CompiledReference {
  ref: TitleReference;
  exact: Map<string, number>;
  vocab: Map<string, number>;
  /** Per vocabulary word: occupation indices and log((count+α)/α). */
  postings: Array<{ occ: Int32Array; gain: Float64Array }>;
  /** Per occupation: log(α / (N_occ + α·V)), the score of an unseen word. */
  base: Float64Array;
  /** Per occupation: log share of US employment (uniform-ish without OEWS). */
  prior: Float64Array;
  /** Per occupation: 1 for SOC major group 11 (management). */
  management: Uint8Array;
  /** Scratch: per-occupation word gains of the title being scored (all zero between calls). */
  acc: Float64Array;
  scratch: Float64Array;
  /** Results by word key, so titles that differ only in decorations are scored once. */
  memo: Map<string, OccupationMatch | null>;
  baselines: Map<string, { best: number; bestScore: number; lse: number }>;
}

/**
 * Bare titles whose O*NET listing misleads on professional profiles: "Consultant" is an alternate
 * title of dozens of occupations and the employment prior hands it to Retail Salespersons; on a
 * career profile it is a management consultant. A bare "Associate" (retail, bank, law, consulting)
 * names no occupation: null. Keys are matchWords output (seniority words already dropped).
 */
const GENERIC_TITLES = new Map<string, string | null>([
  ['consultant', '13-1111.00'],
  ['business consultant', '13-1111.00'],
  ['management consultant', '13-1111.00'],
  ['associate', null],
  ['associate consultant', '13-1111.00'],
]);

const ALPHA = 0.1;
const MEMO_LIMIT = 200_000;
/** Log-odds added to management occupations (SOC 11-) for a manager-or-above title. */
const MANAGER_BONUS = Math.log(20);
const cache = new WeakMap<TitleReference, CompiledReference>();

/** Words of a title for matching: stop words dropped, foreign role words in English. */
export function matchWords(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    for (const w of part.split(' ')) {
      if (w === '' || STOP.has(w) || /^\d+$/.test(w)) continue;
      const en = ENGLISH.get(w);
      if (en) out.push(...en.split(' '));
      else out.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
    }
  }
  return out;
}

/** Compile a reference once (cached per reference object). */
export function compileReference(ref: TitleReference): CompiledReference {
  const hit = cache.get(ref);
  if (hit) return hit;
  const votes = new Map<string, Map<number, number>>();
  const counts: Array<Map<string, number>> = ref.occupations.map(() => new Map());
  const vocab = new Map<string, number>();
  for (const [title, occ, source] of ref.titles) {
    // A bare "MD" or "DO" is a physician's degree, not the managing director our rules read.
    if (/^(?:m\.?d|d\.?o)\.?$/i.test(title)) continue;
    const words = matchWords(normalizeTitle(title).parts);
    if (words.length === 0) continue;
    const key = words.join(' ');
    const v = votes.get(key) ?? new Map<number, number>();
    v.set(occ, (v.get(occ) ?? 0) + (source === 0 ? 3 : source === 1 ? 2 : 1));
    votes.set(key, v);
    const c = counts[occ];
    if (!c) continue;
    for (const w of words) {
      c.set(w, (c.get(w) ?? 0) + 1);
      if (!vocab.has(w)) vocab.set(w, vocab.size);
    }
  }
  // An ambiguous title ("Data Analyst" is listed under eight occupations) goes to the candidate
  // with the most votes × employment: P(occupation | title) ∝ P(title | occupation) P(occupation).
  const emp = ref.occupations.map((o) => o.employment ?? 1000);
  const exact = new Map<string, number>();
  for (const [key, v] of votes) {
    let best = -1;
    let bestScore = -1;
    for (const [occ, n] of v) {
      const score = n * (emp[occ] ?? 1000);
      if (score > bestScore) [best, bestScore] = [occ, score];
    }
    exact.set(key, best);
  }
  for (const [key, code] of GENERIC_TITLES) {
    const index = code === null ? -1 : ref.occupations.findIndex((o) => o.code === code);
    if (code === null || index >= 0) exact.set(key, index);
  }
  let totalEmp = 0;
  for (const e of emp) totalEmp += e;
  const V = vocab.size;
  const base = new Float64Array(ref.occupations.length);
  const prior = new Float64Array(ref.occupations.length);
  const lists: Array<Array<[number, number]>> = Array.from({ length: V }, () => []);
  counts.forEach((c, occ) => {
    let n = 0;
    for (const k of c.values()) n += k;
    base[occ] = Math.log(ALPHA / (n + ALPHA * V));
    prior[occ] = Math.log((emp[occ] ?? 1000) / totalEmp);
    for (const [w, k] of c) lists[vocab.get(w) ?? 0]?.push([occ, Math.log((k + ALPHA) / ALPHA)]);
  });
  const postings = lists.map((l) => ({ occ: Int32Array.from(l.map((x) => x[0])), gain: Float64Array.from(l.map((x) => x[1])) }));
  const management = Uint8Array.from(ref.occupations, (o) => (o.code.startsWith('11-') ? 1 : 0));
  const compiled = { ref, exact, vocab, postings, base, prior, management, acc: new Float64Array(ref.occupations.length), scratch: new Float64Array(ref.occupations.length), memo: new Map(), baselines: new Map() };
  cache.set(ref, compiled);
  return compiled;
}

/**
 * Best occupation for a normalized title, or null when no word of it is known. `managerial`
 * (a manager, director or executive by the seniority rules) favours management occupations
 * in the naive-Bayes step, so "Head of Data" is a manager of data, not a data-entry keyer.
 */
export function matchOccupation(title: NormalizedTitle, c: CompiledReference, managerial = false): OccupationMatch | null {
  const perPart = title.parts.map((p) => matchWords([p]));
  for (const words of perPart) {
    const hit = c.exact.get(words.join(' '));
    if (hit !== undefined) return hit < 0 ? null : { index: hit, confidence: 0.95 };
  }
  const whole = perPart.flat().join(' ');
  const hit = c.exact.get(whole);
  if (hit !== undefined) return hit < 0 ? null : { index: hit, confidence: 0.95 };
  // Many distinct titles share their words ("Sr. Data Engineer (Remote)"): answer those once.
  const key = (managerial ? 'm|' : '|') + perPart.map((w) => w.join(' ')).join('|');
  const cached = c.memo.get(key);
  if (cached !== undefined) return cached;
  const result = naiveBayes(perPart, c, managerial);
  if (c.memo.size >= MEMO_LIMIT) c.memo.clear();
  c.memo.set(key, result);
  return result;
}

/** Naive Bayes over the first part's words, plus later parts' words at half weight. */
function naiveBayes(perPart: string[][], c: CompiledReference, managerial: boolean): OccupationMatch | null {
  const acc = c.acc;
  let weightSum = 0;
  const scored: Array<[number, number]> = [];
  perPart.forEach((words, i) => {
    const weight = i === 0 ? 1 : 0.5;
    for (const w of words) {
      const id = c.vocab.get(w);
      if (id === undefined) continue;
      weightSum += weight;
      scored.push([id, weight]);
    }
  });
  if (scored.length === 0) return null;
  // score(o) = u(o) + gain(o), u(o) = weightSum·base(o) + prior(o) [+ bonus]. Only occupations
  // that share a word gain anything, so work is proportional to postings, not occupations:
  // the untouched ones are summarised by a cached argmax and log-sum-exp of u per weightSum.
  const u = (o: number): number => weightSum * (c.base[o] ?? 0) + (c.prior[o] ?? 0) + (managerial && c.management[o] ? MANAGER_BONUS : 0);
  const gain = c.acc;
  const touched: number[] = [];
  for (const [id, weight] of scored) {
    const p = c.postings[id];
    if (!p) continue;
    for (let k = 0; k < p.occ.length; k++) {
      const o = p.occ[k] ?? 0;
      if (gain[o] === 0) touched.push(o);
      gain[o] = (gain[o] ?? 0) + weight * (p.gain[k] ?? 0);
    }
  }
  const line = baseline(c, weightSum, managerial, u);
  let best = line.best;
  let top = line.bestScore;
  const uo = c.scratch;
  for (const o of touched) {
    uo[o] = u(o);
    const v = (uo[o] ?? 0) + (gain[o] ?? 0);
    if (v > top) {
      best = o;
      top = v;
    }
  }
  // z = Σ exp(score − top): all occupations at baseline, corrected for the touched ones
  // (terms under e^-12 are skipped; they cannot move a posterior capped at 0.9).
  let z = Math.exp(line.lse - top);
  for (const o of touched) {
    const base = (uo[o] ?? 0) - top;
    const withWords = base + (gain[o] ?? 0);
    if (withWords > -12) z += Math.exp(withWords);
    if (base > -12) z -= Math.exp(base);
    gain[o] = 0;
  }
  return { index: best, confidence: Math.min(0.9, 1 / Math.max(z, 1)) };
}

/** Argmax and log-sum-exp of the word-less scores u(o), cached per (weightSum, managerial). */
function baseline(c: CompiledReference, weightSum: number, managerial: boolean, u: (o: number) => number): { best: number; bestScore: number; lse: number } {
  const key = `${weightSum}|${managerial ? 1 : 0}`;
  const hit = c.baselines.get(key);
  if (hit) return hit;
  let best = 0;
  let bestScore = -Infinity;
  const n = c.ref.occupations.length;
  for (let o = 0; o < n; o++) {
    const v = u(o);
    if (v > bestScore) [best, bestScore] = [o, v];
  }
  let z = 0;
  for (let o = 0; o < n; o++) z += Math.exp(u(o) - bestScore);
  const line = { best, bestScore, lse: bestScore + Math.log(z) };
  c.baselines.set(key, line);
  return line;
}
