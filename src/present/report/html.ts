/**
 * HTML building blocks for the report: escaping, number formats, tables (n beside every
 * percentage, CIs in brackets, suppressed cells marked) and the page shell with inline CSS.
 * Nothing here reads the clock or the environment: the same input gives the same bytes.
 */
import type { ColumnSpec, MetricRow } from '../registry/index.js';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `12,345`; empty for null. */
export function fmtCount(n: unknown): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : '';
}

/** `+27.0%` / `−25.3%` (signed) or `27.0%`. */
export function fmtPercent(x: unknown, signed: boolean, digits = 1): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  const s = `${(Math.abs(x) * 100).toFixed(digits)}%`;
  if (!signed) return `${x < 0 ? '−' : ''}${s}`;
  return `${x < 0 ? '−' : '+'}${s}`;
}

/** A result's notes, one paragraph each. */
export function noteParagraphs(notes: readonly string[]): string {
  return notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n');
}

/** The cell a suppressed count shows. */
export function suppressedCell(k: number): string {
  return `<span class="supp" title="suppressed: fewer than ${k}">&lt;${k}</span>`;
}

const SIGNED = /yoy|change|vs_/;

export interface TableOptions {
  /** Small-cell threshold, for the suppressed marker. */
  k: number;
  caption?: string;
  /** Column headers to show instead of the names. */
  headers?: Record<string, string>;
}

/** A metric result as an HTML table: counts right-aligned, fractions as %, CI pairs merged. */
export function metricTable(columns: readonly ColumnSpec[], rows: readonly MetricRow[], o: TableOptions): string {
  const shown = columns.filter((c) => c.role !== 'flag' && c.role !== 'ci');
  const ci = columns.filter((c) => c.role === 'ci');
  const head = shown.map((c) => `<th${c.role === 'dimension' || c.role === 'text' ? '' : ' class="num"'} title="${esc(c.description)}">${esc(o.headers?.[c.name] ?? c.name)}</th>`);
  if (ci.length === 2) head.push('<th class="num" title="95% confidence interval">95% CI</th>');
  const body = rows.map((r) => {
    const cells = shown.map((c) => {
      const v = r[c.name];
      if (c.role === 'count') return `<td class="num">${v === null && r.suppressed ? suppressedCell(o.k) : fmtCount(v)}</td>`;
      if (c.role === 'fraction') return `<td class="num">${v === null && r.suppressed ? '–' : fmtPercent(v, SIGNED.test(c.name))}</td>`;
      if (c.type === 'boolean') return `<td>${v === null ? '' : v ? 'yes' : 'no'}</td>`;
      return `<td${c.type === 'integer' || c.type === 'number' ? ' class="num"' : ''}>${v === null ? '<span class="na">(none)</span>' : esc(v)}</td>`;
    });
    if (ci.length === 2) cells.push(`<td class="num">${ciText(r[ci[0]!.name], r[ci[1]!.name])}</td>`);
    return `<tr${r.suppressed ? ' class="suppressed"' : ''}>${cells.join('')}</tr>`;
  });
  return table(head, body, o.caption);
}

export function ciText(lo: unknown, hi: unknown): string {
  return typeof lo === 'number' && typeof hi === 'number' ? `[${fmtPercent(lo, false)}, ${fmtPercent(hi, false)}]` : '';
}

/** A plain table from header cells (already HTML) and row strings. */
export function table(head: readonly string[], body: readonly string[], caption?: string): string {
  return [
    '<div class="table-wrap"><table>',
    caption ? `<caption>${esc(caption)}</caption>` : '',
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #4c78a8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #fafbfc; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 64px; background: white; }
h1 { font-size: 28px; margin: 8px 0 4px; } h2 { font-size: 21px; margin: 40px 0 8px; border-top: 2px solid var(--ink); padding-top: 12px; }
h3 { font-size: 16px; margin: 24px 0 6px; }
.byline, .note, figcaption, caption { color: var(--muted); font-size: 13px; }
caption { text-align: left; padding: 4px 0; }
.lede { font-size: 17px; }
figure { margin: 16px 0; } figure svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid var(--ink); font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.supp { color: #8a5a00; background: #fff4dc; padding: 0 3px; border-radius: 3px; }
.na { color: var(--muted); }
.sub { color: var(--muted); font-size: 11px; display: block; }
.export { font-size: 12px; color: var(--muted); }
.export code { background: #f1f3f6; padding: 1px 4px; border-radius: 3px; }
nav ol { columns: 2; font-size: 14px; }
dl.defs { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 14px; }
dl.defs dt { font-weight: 600; }
@media print { body { background: white; } main { padding: 0; } h2 { break-before: auto; } figure, table { break-inside: avoid; } }
`;

/** The whole page: one file, CSS inline, no external resource. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
