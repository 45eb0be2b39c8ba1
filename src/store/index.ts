export { ingestFiles, type IngestOptions, type IngestSummary, type FileSummary } from './ingest-files.js';
export { dbTotals, type DbTotals } from './totals.js';
export { initSchema } from './init-schema.js';
export type { LoadCounts } from './load-json-lines.js';
