/**
 * A problem with one record, raised while mapping it and turned into a `Reject` by the reader's
 * loop. Internal to `sources/`: it never escapes a reader.
 */
import type { CanonicalProfile, ReadResult, Reject } from '../model/profile.js';

/** Stable reject reason codes the readers emit (docs/formats.md lists what each means). */
export type RejectReason =
  | 'invalid_json'
  | 'not_an_object'
  | 'wrong_type'
  | 'invalid_date'
  | 'end_before_start'
  | 'invalid_csv'
  | 'wrong_column_count'
  | 'invalid_list'
  | 'mismatched_dates'
  | 'source_error'
  | 'missing_id'
  | 'unknown_person'
  | 'unknown_reference'
  | 'missing_column';

export class RecordProblem extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RecordProblem';
  }
}

const RAW_LIMIT = 4096;

/** The reject result for a record; `raw` is cut to 4 KiB. */
export function rejectResult(file: string, line: number, reason: string, detail: string, raw?: string): ReadResult {
  const reject: Reject = { file, line, reason, detail };
  if (raw !== undefined) reject.raw = raw.length > RAW_LIMIT ? raw.slice(0, RAW_LIMIT) : raw;
  return { kind: 'reject', reject };
}

/**
 * Runs a record mapper and wraps its outcome: a profile, or a reject when it raised a
 * {@link RecordProblem}. Any other exception is a bug and propagates.
 */
export function mapRecord(
  file: string,
  line: number,
  raw: string | undefined,
  build: () => CanonicalProfile,
): ReadResult {
  try {
    return { kind: 'profile', file, line, profile: build() };
  } catch (e) {
    if (e instanceof RecordProblem) return rejectResult(file, line, e.reason, e.detail, raw);
    throw e;
  }
}
