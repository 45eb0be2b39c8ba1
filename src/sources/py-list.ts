/**
 * Parses a Python list-of-strings literal as pandas writes it into CSV cells:
 * `['Chief Technology Officer', "Master's Degree"]`. Escapes `\\ \' \" \n \t \xNN \uNNNN` are
 * decoded. Anything else (numbers, nesting, unterminated strings) is not a list of strings.
 */

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * The strings of a `['a', "b"]` literal, or null when the text is not one.
 * @example parsePyStringList("['CTO', 'Founder']") // ['CTO', 'Founder']
 */
export function parsePyStringList(text: string): string[] | null {
  const s = text.trim();
  if (s[0] !== '[' || s[s.length - 1] !== ']') return null;
  const out: string[] = [];
  let i = 1;
  const end = s.length - 1;
  let expectValue = true;
  while (i < end) {
    const ch = s[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === ',' && !expectValue) {
      expectValue = true;
      i++;
      continue;
    }
    if ((ch !== "'" && ch !== '"') || !expectValue) return null;
    const quote = ch;
    let value = '';
    i++;
    for (;;) {
      if (i >= end) return null;
      const c = s[i]!;
      if (c === quote) break;
      if (c === '\\') {
        const e = s[i + 1] ?? '';
        if (e === 'x' && HEX2.test(s.slice(i + 2, i + 4))) {
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
          i += 4;
        } else if (e === 'u' && HEX4.test(s.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          value += ESCAPES[e] ?? `\\${e}`;
          i += 2;
        }
        continue;
      }
      value += c;
      i++;
    }
    out.push(value);
    expectValue = false;
    i++;
  }
  return out;
}
