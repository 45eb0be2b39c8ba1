/**
 * Month names and abbreviations as career sites print them, in English, German, French, Spanish,
 * Portuguese, Italian and Dutch. Keys are folded (lowercase, accents removed, trailing dot dropped)
 * with {@link foldWord}, so `Mär`, `févr.` and `Août` all find their month.
 */
const NAMES: Record<number, string[]> = {
  1: ['jan', 'january', 'januar', 'jän', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'gen', 'januari'],
  2: ['feb', 'february', 'febr', 'februar', 'février', 'févr', 'fev', 'fevr', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  3: ['mar', 'march', 'märz', 'mär', 'mars', 'marzo', 'março', 'maart', 'mrt'],
  4: ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  5: ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei'],
  6: ['jun', 'june', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu'],
  7: ['jul', 'july', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug'],
  8: ['aug', 'august', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  9: ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'set', 'setembro', 'settembre'],
  10: ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'out', 'outubro', 'ottobre', 'ott'],
  11: ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  12: ['dec', 'december', 'dez', 'dezember', 'décembre', 'dic', 'diciembre', 'dezembro', 'dicembre'],
};

/**
 * Words meaning "still there", folded like month names. Multi-word forms (`poste actuel`,
 * `bis heute`) are matched on the whole folded phrase.
 */
const ONGOING = [
  'present', 'presente', 'current', 'currently', 'now', 'today', 'ongoing', 'to date', 'till date',
  'heute', 'bis heute', 'aktuell', 'derzeit',
  'actualidad', 'actual', 'actualmente', 'hoy', 'la actualidad',
  "aujourd'hui", 'actuel', 'actuellement', 'poste actuel', 'en cours', 'a ce jour',
  'atual', 'atualmente', 'o momento', 'momento',
  'oggi', 'attuale', 'in corso',
  'heden', 'nu',
];

const FOLD_MARKS = /[\u0300-\u036f]/g;
const FOLD_QUOTES = /[\u2018\u2019\u02bc`´]/g;
const FOLD_SPACE = /\s+/g;
const FOLD_TRIM_DOTS = /^[.,]+|[.,]+$/g;

/** Lowercase, strip accents, unify apostrophes and spaces, drop leading/trailing dots and commas. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(FOLD_MARKS, '')
    .replace(FOLD_QUOTES, "'")
    .toLowerCase()
    .replace(FOLD_SPACE, ' ')
    .trim()
    .replace(FOLD_TRIM_DOTS, '');
}

const MONTHS = new Map<string, number>();
for (const [month, names] of Object.entries(NAMES)) {
  for (const name of names) MONTHS.set(foldWord(name), Number(month));
}
const ONGOING_SET = new Set(ONGOING.map(foldWord));

/** The month number (1–12) of a name or abbreviation in any supported language, or undefined. */
export function monthOfName(word: string): number | undefined {
  return MONTHS.get(foldWord(word));
}

/** True when the text says the position is ongoing (`Present`, `Heute`, `Aujourd’hui`, `atual`…). */
export function isOngoingWord(text: string): boolean {
  return ONGOING_SET.has(foldWord(text));
}
