import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateWorld, parseScenario, scenariosDir } from '../src/synth/index.js';
import { BIGTECH, LOOKALIKES } from '../src/synth/bigtech.js';
import { buildUniverse, COHORT_NAMES } from '../src/synth/companies.js';
import { loadScenario } from '../src/synth/scenario.js';
import { INTERN_TITLES, SIDE_TITLES, TITLES } from '../src/synth/titles.js';
import { employmentKindOf } from '../src/resolve/employment-kind.js';
import { CohortIndex, CompanyResolver, loadCohortFiles, registryFromCohorts } from '../src/resolve/index.js';

const PEOPLE = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'tf-synth-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const world = generateWorld({ people: PEOPLE, seed: 11, out: dir });

interface Rec {
  id: string;
  linkedin_url: string | null;
  job_last_updated: string;
  experience: { company: { name: string; website: string | null; linkedin_url: string | null } | null; title: { name: string } | null; start_date: string | null; end_date: string | null }[];
  education: { end_date: string | null; start_date: string | null }[];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Month index with the reader's placement of year-only dates (July), or 'bad'. */
function month(s: string | null): number | null | 'bad' {
  if (s === null) return null;
  const m = DATE.exec(s);
  if (!m) return 'bad';
  const mo = m[2] ? Number(m[2]) : 7;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return 'bad';
  return Number(m[1]) * 12 + mo - 1;
}

async function read(): Promise<{ records: Rec[]; bad: { invalid_json: number; invalid_date: number; end_before_start: number } }> {
  const s = await world;
  const bad = { invalid_json: 0, invalid_date: 0, end_before_start: 0 };
  const records: Rec[] = [];
  for (const line of readFileSync(s.files[0]!, 'utf8').split('\n')) {
    if (!line) continue;
    let r: Rec;
    try {
      r = JSON.parse(line) as Rec;
    } catch {
      bad.invalid_json++;
      continue;
    }
    const dates = r.experience.map((e) => [month(e.start_date), month(e.end_date)] as const);
    if (dates.some(([a, b]) => a === 'bad' || b === 'bad')) bad.invalid_date++;
    else if (dates.some(([a, b]) => a !== null && b !== null && b < a)) bad.end_before_start++;
    else records.push(r);
  }
  return { records, bad };
}
const parsed = read();

test('malformed lines are exactly the ones the summary reports, a few per thousand', async () => {
  const s = await world;
  const { bad } = await parsed;
  assert.deepEqual({ ...bad, total: bad.invalid_json + bad.invalid_date + bad.end_before_start }, s.malformed);
  assert.ok(s.malformed.total > PEOPLE * 0.0015 && s.malformed.total < PEOPLE * 0.0045, String(s.malformed.total));
  for (const k of ['invalid_json', 'invalid_date', 'end_before_start'] as const) assert.ok(s.malformed[k] > 0, k);
});

test('duplicates are older records of the same person under the same id or the same LinkedIn URL', async () => {
  const s = await world;
  const { records } = await parsed;
  assert.equal(s.records, PEOPLE + s.duplicates_same_id + s.duplicates_same_linkedin + s.malformed.total);
  const byId = new Map<string, Rec[]>();
  const byLi = new Map<string, Rec[]>();
  for (const r of records) {
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    if (r.linkedin_url) byLi.set(r.linkedin_url, [...(byLi.get(r.linkedin_url) ?? []), r]);
  }
  const sameId = [...byId.values()].filter((g) => g.length > 1);
  const sameLi = [...byLi.values()].filter((g) => g.length > 1 && g[0]!.id !== g[1]!.id);
  assert.equal(sameId.length, s.duplicates_same_id);
  assert.equal(sameLi.length, s.duplicates_same_linkedin);
  for (const g of [...sameId, ...sameLi]) {
    assert.equal(g.length, 2);
    assert.notEqual(g[0]!.job_last_updated, g[1]!.job_last_updated, 'one record is older');
  }
  const dupes = s.duplicates_same_id + s.duplicates_same_linkedin;
  assert.ok(Math.abs(dupes - 0.01 * PEOPLE) < 4 * Math.sqrt(0.01 * PEOPLE), String(dupes));
  const distinct = new Set(records.map((r) => r.linkedin_url ?? r.id));
  assert.ok(distinct.size <= PEOPLE);
});

test('year-only dates, missing education, missing LinkedIn URLs and lag appear at their rates', async () => {
  const s = await world;
  const { records } = await parsed;
  const near = (got: number, rate: number, what: string): void =>
    assert.ok(Math.abs(got - rate * PEOPLE) < 4 * Math.sqrt(rate * PEOPLE) + 2, `${what}: ${got} for rate ${rate}`);
  assert.ok(s.year_only_profiles > 0.002 * PEOPLE && s.year_only_profiles < 0.01 * PEOPLE, `year-only profiles: ${s.year_only_profiles}`);
  near(s.missing_linkedin_url, 0.05, 'missing LinkedIn URLs');
  assert.ok(s.missing_education > 0.01 * PEOPLE && s.missing_education < 0.04 * PEOPLE, `missing education: ${s.missing_education}`);
  const yearOnly = records.filter((r) => r.experience.some((e) => e.start_date !== null && e.start_date.length === 4));
  assert.ok(yearOnly.length > 0.01 * PEOPLE && yearOnly.length < 0.1 * PEOPLE, `profiles with a year-only start: ${yearOnly.length}`);
  assert.ok(s.year_only_dates > 0);
  const noEducation = records.filter((r) => r.education.length === 0 && r.experience.length > 0);
  assert.ok(noEducation.length >= s.missing_education * 0.9);
  assert.ok(s.lagged_positions > 0);
  for (const r of records) {
    const updated = month(r.job_last_updated.slice(0, 7)) as number;
    for (const e of r.experience) {
      const start = month(e.start_date);
      if (typeof start === 'number' && e.start_date!.length > 4) assert.ok(start <= updated, `${r.id} starts after its update`);
    }
  }
});

test('employer names are messy the real way: Facebook before 2022, Meta after, AWS, suffixes, case, look-alikes', async () => {
  const { records } = await parsed;
  const names = new Map<string, string[]>();
  for (const r of records) for (const e of r.experience) if (e.company && e.start_date) names.set(e.company.name, [...(names.get(e.company.name) ?? []).slice(0, 50), e.start_date]);
  for (const n of ['Facebook', 'Facebook, Inc.', 'facebook']) for (const d of names.get(n) ?? []) assert.ok(d.slice(0, 4) < '2022', `${n} in ${d}`);
  for (const n of ['Meta', 'Meta Platforms', 'Meta Platforms, Inc.']) for (const d of names.get(n) ?? []) assert.ok(d.slice(0, 4) >= '2022', `${n} in ${d}`);
  for (const n of ['Facebook', 'Meta', 'AWS', 'Google LLC', 'Apple Leisure Group', 'Intel471', 'Meta Financial Group']) assert.ok(names.has(n), `${n} appears`);
  assert.ok([...names.keys()].some((n) => /\b(Inc\.|LLC|Corp\.|Ltd\.)$/.test(n) && !BIGTECH.some((b) => b.brands.some((x) => x.names.includes(n)))), 'legal-suffix variants');
  assert.ok([...names.keys()].some((n) => n === n.toLowerCase() && /[a-z]/.test(n)), 'lower-case variants');
  const noLinkedin = records.flatMap((r) => r.experience).filter((e) => e.company && e.company.linkedin_url === null).length;
  assert.ok(noLinkedin > 0);
});

test('titles classify as intended: jobs are full-time, internships and side roles are not', () => {
  for (const list of Object.values(TITLES)) for (const t of list) assert.equal(employmentKindOf(t), 'fulltime', t);
  for (const list of Object.values(INTERN_TITLES)) for (const t of list) assert.equal(employmentKindOf(t), 'intern', t);
  for (const t of SIDE_TITLES) assert.notEqual(employmentKindOf(t), 'fulltime', t);
});

const shipped = resolve(import.meta.dirname, '../cohorts/bigtech15.yaml');
test('every Big Tech name resolves to bigtech15 and no other company of the world does', { skip: !existsSync(shipped) && 'cohorts/bigtech15.yaml absent' }, async () => {
  const s = await world;
  const cohorts = loadCohortFiles([shipped, s.cohorts_file]);
  const resolver = new CompanyResolver(registryFromCohorts(cohorts));
  const index = new CohortIndex(cohorts, resolver);
  const cohortOf = (name: string, domain: string | null, slug: string | null): string =>
    index.cohortsOf(resolver.resolve({ name, domain, linkedin: slug ? `linkedin.com/company/${slug}` : null }).company_id)[0] ?? 'other';
  const universe = buildUniverse(11, loadScenario(join(scenariosDir(), 'default.yaml')));
  for (const c of universe.companies) {
    for (const b of c.brands) {
      for (const n of b.names) {
        const want = COHORT_NAMES[c.cohort];
        for (const [d, l] of [[b.domain, b.slug], [null, null]] as const) assert.equal(cohortOf(n, d, l), want, `${n} (${d ?? '-'}, ${l ?? '-'})`);
        if (c.cohort !== 0) assert.equal(cohortOf(n.toLowerCase() + ' Inc.', null, null), want, `${n} Inc.`);
      }
    }
  }
  for (const l of LOOKALIKES) assert.equal(cohortOf(l.name, l.domain, l.slug), 'other', l.name);
});

test('scenario files are checked: unknown keys and missing years are user errors', () => {
  const ok = readFileSync(join(scenariosDir(), 'default.yaml'), 'utf8');
  assert.equal(parseScenario(ok).name, 'default');
  assert.throws(() => parseScenario(ok + '\nbogus: 1\n'), /invalid scenario: unknown key bogus/);
  assert.throws(() => parseScenario(ok.replace('2024: 0.5, ', ''), 'x.yaml'), /invalid scenario: demand.bigtech15.new_grad.index misses 2024/);
  assert.throws(() => parseScenario(ok + '\nnoise: {duplicates: -1}\n'), /invalid scenario: noise.duplicates: -1/);
  for (const f of ['ai-squeeze.yaml', 'rebound.yaml']) assert.ok(loadScenario(join(scenariosDir(), f)).name.length > 0);
});
