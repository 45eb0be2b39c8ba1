/**
 * `npx tsx eval/titles.ts [DATA_DIR]` — accuracy and speed of the title classifier on the
 * labelled real titles in ../shared/data/titles-labeled (default DATA_DIR: ../shared/data next
 * to the repo). Prints a report; nothing is written. See docs/titles.md for the mappings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { classifyTitles, compileReference, type TitleInfo } from '../src/resolve/titles/index.js';
import { loadTitleReference, type TitleReference } from '../src/reference/index.js';

type Level4 = 'EN' | 'MI' | 'SE' | 'EX';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/data'));
const labeled = path.join(data, 'titles-labeled');
if (!existsSync(labeled)) {
  console.error(`eval:titles: no labelled titles at ${labeled}; pass the shared data folder`);
  process.exit(1);
}
const csv = (file: string): Array<Record<string, string>> =>
  parse(readFileSync(file, 'utf8'), { bom: true, columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Array<Record<string, string>>;
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

/**
 * The 4-level mapping (fixed before measuring): EN ← intern, entry, junior (levels 1–2);
 * MI ← an explicit mid marker (II, intermediate, mid-level, pleno); SE ← an unmarked
 * professional title, senior IC, lead or manager (level 3 otherwise, and 4); EX ← director and
 * above (5–7). Titles with no seniority (null) count as disagreement.
 */
function level4(t: TitleInfo): Level4 | null {
  const l = t.seniority_level;
  if (l === null) return null;
  if (l <= 2) return 'EN';
  if (l === 3) return t.seniority === 'mid' ? 'MI' : 'SE';
  if (l === 4) return 'SE';
  return 'EX';
}

function seniorityReport(name: string, rows: Array<{ title: string; gold: Level4 | readonly Level4[] }>): void {
  const distinct = [...new Set(rows.map((r) => r.title))];
  const byTitle = new Map(distinct.map((t, i) => [t, classifyTitles([t])[0]] as const));
  let agree = 0;
  const confusion = new Map<string, number>();
  const majority = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const pred = level4(byTitle.get(r.title)!);
    const golds = (Array.isArray(r.gold) ? r.gold : [r.gold]) as Level4[];
    if (pred && golds.includes(pred)) agree++;
    const key = `${golds.join('/')}→${pred ?? 'null'}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    const m = majority.get(r.title) ?? new Map<string, number>();
    m.set(golds.join('/'), (m.get(golds.join('/')) ?? 0) + 1);
    majority.set(r.title, m);
  }
  let ceiling = 0;
  for (const m of majority.values()) ceiling += Math.max(...m.values());
  console.log(`\n${name}: ${rows.length} rows, ${distinct.length} distinct titles`);
  console.log(`  seniority agreement (4-level): ${agree}/${rows.length} = ${pct(agree, rows.length)}`);
  console.log(`  ceiling for any title-only classifier (per-title majority label): ${pct(ceiling, rows.length)}`);
  console.log(`  gold→predicted: ${[...confusion].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

// ds_salaries: EN/MI/SE/EX directly.
const ds = csv(path.join(labeled, 'ds_salaries.csv')).map((r) => ({ title: r['job_title'] ?? '', gold: (r['experience_level'] ?? '') as Level4 }));
seniorityReport('ds_salaries (experience_level)', ds);

// LinkedIn postings: Internship, Entry level → EN; Associate → MI; Mid-Senior level → MI or SE
// (LinkedIn merges the two); Director, Executive → EX.
const LINKEDIN: Record<string, readonly Level4[]> = {
  Internship: ['EN'], 'Entry level': ['EN'], Associate: ['MI'], 'Mid-Senior level': ['MI', 'SE'], Director: ['EX'], Executive: ['EX'],
};
const postings: Array<{ title: string; gold: readonly Level4[] }> = [];
for (const f of ['parishinde_postings_utf8.csv', 'pracheta_postings_sample.csv']) {
  const file = path.join(labeled, f);
  if (!existsSync(file)) continue;
  for (const r of csv(file)) {
    const gold = LINKEDIN[r['formatted_experience_level'] ?? ''];
    if (gold && r['title']) postings.push({ title: r['title'], gold });
  }
}
seniorityReport('LinkedIn postings (formatted_experience_level)', postings);
const all = [...ds.map((r) => ({ title: r.title, gold: [r.gold] as const })), ...postings];
let agreeAll = 0;
for (const r of all) {
  const p = level4(classifyTitles([r.title])[0]!);
  if (p && (r.gold as readonly Level4[]).includes(p)) agreeAll++;
}
console.log(`\nseniority, both sets pooled: ${agreeAll}/${all.length} = ${pct(agreeAll, all.length)}`);

// Occupation.
const t0 = performance.now();
const reference: TitleReference = loadTitleReference(data, 'eloundou');
console.log(`\nreference ${reference.version}: ${reference.occupations.length} occupations, ${reference.titles.length} titles, built in ${Math.round(performance.now() - t0)} ms`);
const esco = path.join(labeled, 'jobbert');
const hasCrosswalk = existsSync(esco) && (existsSync(path.join(labeled, 'esco_onet_crosswalk.csv')) || existsSync(path.join(data, 'soc', 'esco_onet_crosswalk.csv')));
console.log(`ESCO↔O*NET crosswalk: ${hasCrosswalk ? 'present' : 'absent (JobBERT titles carry ESCO concept URIs only; no ESCO→ISCO/SOC table in the shared data), so JobBERT agreement cannot be measured'}`);

// Held-out labelled titles: BLS SOC 2018 direct-match titles (a different agency's list).
const direct = csv(path.join(data, 'soc/soc_2018_direct_match_title_file.csv'));
const onetTitles = new Set(reference.titles.map(([t]) => t.toLowerCase()));
let major = 0, detailed = 0, n = 0, novelN = 0, novelMajor = 0, novelDetailed = 0;
const dTitles = direct.map((r) => r['2018 SOC Direct Match Title'] ?? '');
const dInfo = classifyTitles(dTitles, { reference });
direct.forEach((r, i) => {
  const gold = r['2018 SOC Code'] ?? '';
  const soc = dInfo[i]?.soc;
  if (!gold || !dTitles[i]) return;
  n++;
  const okMajor = !!soc && soc.slice(0, 2) === gold.slice(0, 2);
  const okDetailed = !!soc && soc.slice(0, 7) === gold;
  major += +okMajor;
  detailed += +okDetailed;
  if (!onetTitles.has(dTitles[i]!.toLowerCase())) {
    novelN++;
    novelMajor += +okMajor;
    novelDetailed += +okDetailed;
  }
});
console.log(`BLS SOC 2018 direct-match titles: ${n}; SOC major group ${pct(major, n)}, detailed SOC ${pct(detailed, n)}`);
console.log(`  of which not verbatim in O*NET's title lists: ${novelN}; major group ${pct(novelMajor, novelN)}, detailed ${pct(novelDetailed, novelN)}`);

// JobBERT: consistency of predicted major groups within each ESCO concept (a proxy, not accuracy).
const jb = existsSync(path.join(esco, 'titles.test.csv')) ? csv(path.join(esco, 'titles.test.csv')) : [];
if (jb.length) {
  const jInfo = classifyTitles(jb.map((r) => r['vacancyTitle'] ?? ''), { reference });
  const groups = new Map<string, Map<string, number>>();
  jb.forEach((r, i) => {
    const g = groups.get(r['conceptUri'] ?? '') ?? new Map<string, number>();
    const key = jInfo[i]?.soc?.slice(0, 2) ?? 'none';
    g.set(key, (g.get(key) ?? 0) + 1);
    groups.set(r['conceptUri'] ?? '', g);
  });
  let consistent = 0;
  for (const g of groups.values()) consistent += Math.max(...g.values());
  const matched = jInfo.filter((t) => t.soc).length;
  console.log(`JobBERT test titles: ${jb.length} in ${groups.size} ESCO concepts; matched to an occupation ${pct(matched, jb.length)}; same major group as their concept's majority ${pct(consistent, jb.length)} (consistency proxy, not accuracy)`);
}

// Speed: distinct titles per second, rules only and with the reference.
const distinct = [...new Set([...ds.map((r) => r.title), ...postings.map((r) => r.title), ...dTitles, ...jb.map((r) => r['vacancyTitle'] ?? '')])];
for (const label of ['rules only', 'with reference'] as const) {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    // A fresh copy compiles afresh, so no run profits from an earlier run's memo.
    const ref = label === 'with reference' ? { ...reference } : null;
    if (ref) compileReference(ref);
    const s = performance.now();
    classifyTitles(distinct, { reference: ref });
    best = Math.min(best, performance.now() - s);
  }
  console.log(`speed (${label}): ${distinct.length} distinct titles in ${best.toFixed(0)} ms = ${Math.round((distinct.length / best) * 1000).toLocaleString('en-US')} titles/s`);
}
