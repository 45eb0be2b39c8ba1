/**
 * Typed access to fields of a parsed JSON record. A field of the wrong type raises a
 * `wrong_type` problem whose detail names the field path (`work[2].startDate`), so a vendor's
 * schema drift shows up as counted rejects instead of garbage profiles.
 */
import { RecordProblem } from './record-problem.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function wrongType(path: string, expected: string, v: unknown): RecordProblem {
  return new RecordProblem('wrong_type', `${path}: expected ${expected}, got ${kindOf(v)}`);
}

/** A string field, trimmed; absent, null or blank gives null. */
export function optString(o: JsonObject, key: string, path: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw wrongType(path, 'string', v);
  const t = v.trim();
  return t === '' ? null : t;
}

/** A date-ish field that vendors write as a string or a bare number (`"2003"` or `2003`). */
export function optDateText(o: JsonObject, key: string, path: string): string | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return optString(o, key, path);
}

/** An array field; absent or null gives an empty array. */
export function optArray(o: JsonObject, key: string, path: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw wrongType(path, 'array', v);
  return v;
}

/** An object field; absent or null gives null. */
export function optObject(o: JsonObject, key: string, path: string): JsonObject | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (!isJsonObject(v)) throw wrongType(path, 'object', v);
  return v;
}

/** An element of an array that must be an object (`work[3]`). */
export function elementObject(v: unknown, path: string): JsonObject {
  if (!isJsonObject(v)) throw wrongType(path, 'object', v);
  return v;
}
