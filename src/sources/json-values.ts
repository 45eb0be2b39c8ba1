/**
 * Splits a JSON text stream into its records without parsing it whole: the elements of a
 * top-level array (`[{...}, {...}]`), or each top-level value of a concatenated / line-delimited
 * stream (`{...}\n{...}`). Each piece keeps the 1-based line where it starts, so a broken record
 * is reported at its place and the others still read.
 *
 * The splitter tracks only strings and bracket depth, so it is fast and tolerant: a record with a
 * syntax error stays one piece (and fails `JSON.parse` on its own), but a record missing a closing
 * bracket swallows the rest of its array, which then surfaces as one `invalid_json` piece.
 */

/** One record's text and the line it starts on. */
export interface JsonPiece {
  text: string;
  line: number;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

function isSpace(c: number): boolean {
  return c === SPACE || c === NL || c === CR || c === TAB || c === 0xfeff;
}

/**
 * The record texts of a JSON stream (see the module comment for the rules).
 * @example for await (const { text, line } of splitJsonValues(openText('a.json'))) JSON.parse(text)
 */
export async function* splitJsonValues(chunks: AsyncIterable<string>): AsyncGenerator<JsonPiece> {
  let line = 1;
  let inArray = false; // inside a top-level array: values are its elements
  let collecting = false; // inside a value
  let depth = 0; // bracket depth inside the current value
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let startLine = 1;
  for await (const chunk of chunks) {
    let segStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (collecting) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
          else if (c === NL) line++;
          continue;
        }
        let endAt = -1; // index after the value's last char, when it ends here
        let closesArray = false;
        if (c === QUOTE) inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
          if (depth > 0) {
            depth--;
            if (depth === 0 && !inArray) endAt = i + 1;
          } else if (inArray && c === CLOSE_ARRAY) {
            endAt = i;
            closesArray = true;
          }
        } else if (depth === 0 && inArray && c === COMMA) endAt = i;
        else if (depth === 0 && !inArray && isSpace(c)) endAt = i;
        if (c === NL) line++;
        if (endAt >= 0) {
          parts.push(chunk.slice(segStart, endAt));
          const text = parts.join('').trim();
          parts = [];
          collecting = false;
          if (closesArray) inArray = false;
          if (text !== '') yield { text, line: startLine };
        }
        continue;
      }
      if (c === NL) {
        line++;
        continue;
      }
      if (isSpace(c)) continue;
      if (inArray && (c === COMMA || c === CLOSE_ARRAY)) {
        // An empty slot (`[a,,b]`, trailing comma) holds no record.
        if (c === CLOSE_ARRAY) inArray = false;
        continue;
      }
      if (!inArray && c === OPEN_ARRAY) {
        inArray = true;
        continue;
      }
      collecting = true;
      startLine = line;
      segStart = i;
      depth = 0;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth = 1;
    }
    if (collecting) parts.push(chunk.slice(segStart));
  }
  if (collecting) {
    const text = parts.join('').trim();
    if (text !== '') yield { text, line: startLine };
  }
}
