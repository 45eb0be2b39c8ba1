/**
 * Rows out, for people or programs: an aligned table (numbers right-aligned, percentages next to
 * their counts), JSON (an array of row objects) or CSV (RFC 4180).
 */
export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

export interface Column<R> {
  header: string;
  /** The cell as shown in a table. */
  cell: (row: R) => string;
  align?: 'left' | 'right';
}

export function toJson(rows: readonly object[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

export function toCsv(rows: readonly Record<string, unknown>[], keys: readonly string[]): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => esc(r[k])).join(','))].join('\n') + '\n';
}

export function toTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** `12,345` */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : n.toLocaleString('en-US');
}

/** `+27.0%` / `−25.3%` for a fraction. */
export function percent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const s = (Math.abs(x) * 100).toFixed(digits);
  return `${x < 0 ? '−' : '+'}${s}%`;
}
