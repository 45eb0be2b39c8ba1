/**
 * sources/ — the one public door for reading career-history formats into canonical profiles.
 * `pdl` and `canonical` JSONL are parsed in the engine (`pdl-sql.ts`, `canonical-sql.ts`); every
 * other format has a streaming TypeScript {@link Reader}. docs/formats.md describes each format.
 */
import { readBrightData } from './brightdata-reader.js';
import { readJsonResume } from './jsonresume-reader.js';
import { readPhantomBuster } from './phantombuster-reader.js';
import type { ReadableFormat, Reader } from './reader.js';
import { readScraped } from './scraped-reader.js';
import { readTechBios } from './techbios-reader.js';

export { FORMAT_NAMES, type FormatName, type ReadableFormat, type Reader } from './reader.js';
export { sniffFormat } from './sniff-format.js';
export { openText, readLines } from './open-text.js';
export type { RejectReason } from './record-problem.js';

const READERS: Record<ReadableFormat, Reader> = {
  jsonresume: readJsonResume,
  brightdata: readBrightData,
  phantombuster: readPhantomBuster,
  techbios: readTechBios,
  scraped: readScraped,
};

/**
 * The streaming reader of a format.
 * @example for await (const r of readerFor('phantombuster')('export.csv')) if (r.kind === 'reject') ...
 */
export function readerFor(format: ReadableFormat): Reader {
  return READERS[format];
}
