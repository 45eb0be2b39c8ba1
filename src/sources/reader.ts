/**
 * The source-reader contract: every career-history format becomes a stream of canonical profiles
 * and rejects. A bad record never stops a read; only an input that is unreadable as a whole
 * (missing path, not the format) throws a `UserError`.
 */
import type { ReadResult } from '../model/profile.js';

/** Every format talentflow knows. `pdl` and `canonical` are read in SQL, the rest by a {@link Reader}. */
export type FormatName = 'pdl' | 'canonical' | 'jsonresume' | 'brightdata' | 'phantombuster' | 'techbios' | 'scraped';

/** The formats, in the order `--format` help lists them. */
export const FORMAT_NAMES: readonly FormatName[] = [
  'pdl',
  'canonical',
  'jsonresume',
  'brightdata',
  'phantombuster',
  'techbios',
  'scraped',
];

/** Formats with a TypeScript reader (the other two are parsed in the engine). */
export type ReadableFormat = Exclude<FormatName, 'pdl' | 'canonical'>;

/**
 * Streams records from a file or folder; never throws on bad records (they become rejects),
 * throws UserError only when the input as a whole is unreadable (missing file, not the format).
 */
export type Reader = (path: string) => AsyncIterable<ReadResult>;
