/**
 * The canonical profile: what every source reader produces and what the store loads.
 * It is also the line format of `--format canonical` JSONL (docs/formats.md).
 */

/** A date as precise as the source gave it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

export interface CanonicalPosition {
  /** Employer as written on the profile. */
  company: string | null;
  /** Employer web domain or URL, when the source has one (`acme.com`). */
  company_domain?: string | null;
  /** Employer LinkedIn company URL or slug (`linkedin.com/company/acme`). */
  company_linkedin?: string | null;
  title?: string | null;
  start?: PartialDate | null;
  /** Null with `current` true (or unknown) means ongoing as of the profile's `updated_at`. */
  end?: PartialDate | null;
  current?: boolean | null;
  location?: string | null;
}

export interface CanonicalEducation {
  school?: string | null;
  /** Degree as written (`MSc`, `Bachelor's degree, Computer Science`, `bachelors`). */
  degree?: string | null;
  start?: PartialDate | null;
  end?: PartialDate | null;
}

export interface CanonicalProfile {
  /** Stable id of the person within the source (the dedupe key together with `linkedin_url`). */
  id: string;
  linkedin_url?: string | null;
  name?: string | null;
  location?: string | null;
  /** When the profile was last updated; open end dates are "ongoing as of" this date. */
  updated_at?: PartialDate | null;
  positions: CanonicalPosition[];
  education: CanonicalEducation[];
}

/** A record a reader could not turn into a profile: kept, counted and listed, never dropped. */
export interface Reject {
  file: string;
  /** 1-based line (or row) in `file` where the record starts. */
  line: number;
  /** Stable reason code, e.g. `invalid_json`, `invalid_date`, `end_before_start`. */
  reason: string;
  /** Human detail naming the field: `experience[2].start_date: 2023-13-45`. */
  detail: string;
  /** The raw record text, truncated to 4 KiB. */
  raw?: string;
}

/** One record out of a reader: a profile from a place in a file, or a reject. */
export type ReadResult =
  | { kind: 'profile'; file: string; line: number; profile: CanonicalProfile }
  | { kind: 'reject'; reject: Reject };
