/**
 * Weights from official totals (`--weights FILE`): each person is classified by the SOC major
 * group of their current title (the latest-started full-time position's title, `title_map.soc`,
 * present after `talentflow data import reference`), and post-stratified to the file's totals by
 * major group (src/analyze/post-stratify.ts; docs/metrics.md, "Weights").
 *
 * The file is BLS OEWS national employment (columns `OCC_CODE`, `O_GROUP`, `TOT_EMP`: the rows
 * whose `O_GROUP` is `major`) or any CSV with columns `group,total` (`15` or `15-0000`). It is
 * read at run time from the path the user gives; nothing of it ships.
 */
import type { Dialect, Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { readCsv } from '../reference/read-table.js';
import { DEFAULT_TRIM, postStratify, type PostStratification } from '../analyze/post-stratify.js';

/** The weighting a metric query carries: a plain object (weight by SOC major group). */
export interface WeightSpec {
  by: 'soc_major';
  /** Weight by major group (`15`); a person in no group weighs 1. */
  cells: Record<string, number>;
}

const MAJOR = /^(\d{2})(-0000)?$/;

/** Official totals by SOC major group (`15` → employment). */
export function readOfficialTotals(file: string): Map<string, number> {
  const rows = readCsv(file);
  const out = new Map<string, number>();
  const first = rows[0] ?? {};
  const oews = 'OCC_CODE' in first && 'TOT_EMP' in first;
  if (!oews && !('group' in first && 'total' in first)) {
    throw new UserError(`invalid --weights: ${file}`, 'usage', 'a BLS OEWS file (OCC_CODE, O_GROUP, TOT_EMP) or a CSV with columns group,total');
  }
  for (const r of rows) {
    if (oews && 'I_GROUP' in r && r.I_GROUP !== 'cross-industry') continue;
    if (oews && r.O_GROUP !== 'major') continue;
    const code = (oews ? r.OCC_CODE : r.group)?.trim() ?? '';
    const m = MAJOR.exec(code);
    const total = Number(String(oews ? r.TOT_EMP : r.total).replaceAll(',', ''));
    if (!m || !Number.isFinite(total) || total <= 0) continue;
    if (!out.has(m[1]!)) out.set(m[1]!, total);
  }
  if (out.size === 0) throw new UserError(`invalid --weights: ${file}`, 'usage', 'no SOC major group with a positive total found');
  return out;
}

/** SQL: every person's cell, `(pid, cell)`; cell NULL when the current title has no SOC. */
export function currentCellSql(d: Dialect): string {
  const key = '-(CAST(start_m AS BIGINT) * 1000 + idx)';
  return `SELECT pe.pid, substr(t.soc, 1, 2) AS cell
FROM people pe
LEFT JOIN (SELECT pid, ${d.argMinIf('title_key', key, 'true')} AS title_key
           FROM positions WHERE fulltime AND start_m IS NOT NULL GROUP BY pid) cur ON cur.pid = pe.pid
LEFT JOIN title_map t ON t.title_key = cur.title_key`;
}

/** SQL: `(pid, w)` for every person with a weight other than 1. */
export function personWeightsSql(d: Dialect, spec: WeightSpec): string {
  const cases = Object.entries(spec.cells)
    .map(([g, w]) => `WHEN ${d.literal(g)} THEN ${w}`)
    .join(' ');
  return `SELECT pid, CASE cell ${cases} ELSE 1 END AS w FROM (${currentCellSql(d)}) c`;
}

/** Classify the sample and post-stratify it to the official totals. */
export async function buildWeights(store: Store, totals: ReadonlyMap<string, number>, trim = DEFAULT_TRIM): Promise<{ spec: WeightSpec; stratification: PostStratification }> {
  const rows = await store.all<{ cell: string | null; n: number }>(`SELECT cell, count(*) AS n FROM (${currentCellSql(store.dialect)}) c GROUP BY cell`);
  const sample = new Map(rows.map((r) => [r.cell ?? '', Number(r.n)]));
  const stratification = postStratify(sample, totals, trim);
  return { spec: { by: 'soc_major', cells: stratification.weights }, stratification };
}

/** The note printed under a weighted table. */
export function weightingNote(s: PostStratification): string {
  const people = s.strata.reduce((a, c) => a + c.sample, 0) + s.unclassified;
  const trimmed = s.strata.filter((c) => c.trimmed).length;
  if (s.strata.length === 0) return 'weighted: no person has a title with a SOC major group in the official totals, every weight is 1 (run talentflow data import reference)';
  return `weighted (post-stratified by SOC major group of the current title): ${s.strata.length} cells, weights ${Math.min(...s.strata.map((c) => c.weight)).toFixed(2)}–${Math.max(...s.strata.map((c) => c.weight)).toFixed(2)}` +
    `${trimmed ? `, ${trimmed} trimmed at ${s.trim}×` : ''}; ${s.unclassified} of ${people} people have no SOC group and weigh 1` +
    `${s.uncovered.length ? `; official groups with no sample person: ${s.uncovered.join(', ')}` : ''}`;
}
