/**
 * CSV records streamed with the 1-based line each starts on and its raw text. Quoting problems do
 * not stop the read: a record csv-parse cannot parse comes out as an `error` item at its line.
 * Fields are returned as written (not trimmed); blank lines are skipped.
 */
import { parse, type CsvError } from 'csv-parse';
import { openText } from './open-text.js';

export type CsvItem =
  | { kind: 'row'; fields: string[]; line: number; raw: string }
  | { kind: 'error'; line: number; message: string; raw: string };

const LEADING_BREAKS = /^[\r\n]+/;
const TRAILING_BREAK = /[\r\n]+$/;

function innerBreaks(raw: string): number {
  const body = raw.replace(LEADING_BREAKS, '').replace(TRAILING_BREAK, '');
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The records of a CSV file (gzip allowed), header row included as the first item.
 * @example for await (const item of readCsv('export.csv')) if (item.kind === 'row') ...
 */
export async function* readCsv(path: string): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  const parser = openText(path).pipe(
    parse({
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      raw: true,
      info: true,
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        const text = raw ?? '';
        const end = err && typeof err.lines === 'number' ? err.lines : 0;
        skipped.push({ kind: 'error', line: Math.max(1, end - innerBreaks(text)), message: err?.message ?? 'invalid csv', raw: text });
        return undefined;
      },
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const line = item.info.lines - innerBreaks(item.raw);
    yield { kind: 'row', fields: item.record, line, raw: item.raw.replace(LEADING_BREAKS, '').replace(TRAILING_BREAK, '') };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

/** A header-keyed view of a row: `get('jobTitle2')` is '' for a missing column. */
export function columnIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}
