/**
 * Read the delimited files reference sources ship as: O*NET's tab-separated text (no quoting),
 * and quoted CSV. Rows come back as records keyed by the header. Reading happens at import time
 * only; the product never needs these files while classifying.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../model/errors.js';

export type Row = Record<string, string>;

/** Read a file, turning a missing file into a user error that names it. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError(`unknown reference file: ${file}`, 'reference_missing', (e as Error).message);
  }
}

/** Tab-separated rows; `skip` lines of preamble before the header. */
export function readTsv(file: string, skip = 0): Row[] {
  const lines = readText(file).split(/\r?\n/).slice(skip);
  const header = (lines[0] ?? '').split('\t');
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = line.split('\t');
    const row: Row = {};
    header.forEach((h, j) => (row[h] = cells[j] ?? ''));
    rows.push(row);
  }
  return rows;
}

/** Quoted CSV rows keyed by header. */
export function readCsv(file: string): Row[] {
  return parse(readText(file), { columns: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as Row[];
}

/** The value of the first of `names` that the row has, for files whose headers vary by vintage. */
export function pick(row: Row, ...names: string[]): string {
  for (const n of names) {
    const v = row[n];
    if (v !== undefined) return v;
  }
  throw new UserError(`invalid reference file: no column ${names.join(' or ')}`, 'reference_format');
}
