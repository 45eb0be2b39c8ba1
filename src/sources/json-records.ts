/**
 * The record loop shared by the JSON readers: split a `.json` / `.jsonl` file (gzip allowed) into
 * records, parse each on its own, and map objects to profiles. Broken JSON becomes an
 * `invalid_json` reject and a non-object a `not_an_object` reject, each at its line.
 */
import { UserError } from '../model/errors.js';
import type { CanonicalProfile, ReadResult } from '../model/profile.js';
import { isJsonObject, type JsonObject } from './json-fields.js';
import { splitJsonValues, type JsonPiece } from './json-values.js';
import { openText, readHead, readLines, withoutGz } from './open-text.js';
import { mapRecord, rejectResult } from './record-problem.js';

/** Where a record sits: its file, 1-based line and 1-based position among the file's records. */
export interface RecordPlace {
  file: string;
  line: number;
  index: number;
}

const LINE_DELIMITED = /\.(jsonl|ndjson)$/i;
const FIRST_CHAR = /\S/;

async function* linePieces(file: string): AsyncGenerator<JsonPiece> {
  for await (const { text, line } of readLines(file)) {
    const t = text.trim();
    if (t !== '') yield { text: t, line };
  }
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/**
 * Reads one JSON or JSONL file and maps each object record with `map`.
 * @throws UserError when the file does not start like JSON at all.
 */
export async function* readJsonRecords(
  file: string,
  format: string,
  map: (record: JsonObject, place: RecordPlace) => CanonicalProfile,
): AsyncGenerator<ReadResult> {
  const first = FIRST_CHAR.exec(await readHead(file, 4096))?.[0];
  if (first !== undefined && first !== '{' && first !== '[') {
    throw new UserError(`invalid ${format} file: ${file}`, 'wrong_format', 'the file is not JSON; pass the right --format', { file });
  }
  const pieces = LINE_DELIMITED.test(withoutGz(file)) ? linePieces(file) : splitJsonValues(openText(file));
  let index = 0;
  for await (const { text, line } of pieces) {
    index++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield rejectResult(file, line, 'invalid_json', `record ${index}: ${(e as Error).message}`, text);
      continue;
    }
    if (!isJsonObject(value)) {
      yield rejectResult(file, line, 'not_an_object', `record ${index}: expected object, got ${kindOf(value)}`, text);
      continue;
    }
    const place: RecordPlace = { file, line, index };
    yield mapRecord(file, line, text, () => map(value, place));
  }
}
