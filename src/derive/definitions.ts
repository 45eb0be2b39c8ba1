/**
 * The v1 definitions (DESIGN.md) as parameters. Every output names `DEFINITIONS.version`; a change
 * to any number here is a new version.
 */
export const DEFINITIONS = {
  version: 'talentflow-v1',
  /** A start at company c is a hire when no full-time position at c ended within this many months before. */
  hireGapMonths: 3,
  /** Degrees with a start but no end end this many months later, by level (unknown = bachelor). */
  degreeMonths: { bachelor: 48, master: 24, doctorate: 60, associate: 24, secondary: 48, unknown: 48 },
  /** New grad: E below this, and the latest graduation in [hire − before, hire + after]. */
  newGrad: { maxExperienceMonths: 12, gradBeforeMonths: 12, gradAfterMonths: 3 },
  /** Experience bands by whole years of E: [label, lower bound in months]. */
  bands: [
    ['<1', 0],
    ['1', 12],
    ['2-5', 24],
    ['6-10', 72],
    ['11+', 132],
  ] as const,
  /** Where a year-only date is placed (month of year). */
  yearOnlyMonth: { position: 7, educationStart: 9, educationEnd: 6 },
} as const;

export type Band = (typeof DEFINITIONS.bands)[number][0];
export const BANDS: readonly Band[] = DEFINITIONS.bands.map(([b]) => b);
