/**
 * A simulated person's complete, noise-free career: what truth is computed from, before the
 * profile is written (with its mess) as a PDL record. Months are month indexes (year × 12 + month − 1).
 */

/** Employment kinds: only FULL_TIME positions can be hires or count as experience. */
export const FULL_TIME = 0;
export const INTERNSHIP = 1;
export const SIDE_ROLE = 2;

export interface Position {
  /** Company index in the universe; -1 for a side role listed without a company. */
  company: number;
  /** Uniform draw fixed per stint: picks the brand valid at `start` (so Facebook becomes Meta). */
  brandDraw: number;
  fn: number;
  level: number;
  title: string;
  start: number;
  /** Last month in the role; null when ongoing at the snapshot. */
  end: number | null;
  kind: number;
  metro: number;
}

export type Degree = 'bachelors' | 'masters' | 'doctorates';

export interface Education {
  school: number;
  degree: Degree;
  major: number;
  start: number;
  /** May lie after the snapshot (degree in progress). */
  end: number;
}

export interface Person {
  /** 0-based index of the person in the world (unique across shards). */
  index: number;
  first: number;
  last: number;
  metro: number;
  positions: Position[];
  education: Education[];
}

export function newPerson(): Person {
  return { index: 0, first: 0, last: 0, metro: 0, positions: [], education: [] };
}
