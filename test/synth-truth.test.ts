import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, hiresOf, type Truth } from '../src/synth/index.js';
import type { Person } from '../src/synth/career.js';

// Inline careers: months as 'YYYY-MM'; kind 0 full-time, 1 internship, 2 side role.
const M = (s: string): number => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
type Job = [company: number, start: string, end: string | null, kind?: number];
function person(jobs: Job[], grads: string[] = ['2019-05']): Person {
  return {
    index: 0, first: 0, last: 0, metro: 0,
    positions: jobs.map(([company, start, end, kind]) => ({
      company, brandDraw: 0, fn: 0, level: 0, title: 'x', start: M(start), end: end === null ? null : M(end), kind: kind ?? 0, metro: 0,
    })),
    education: grads.map((g) => ({ school: 0, degree: 'bachelors' as const, major: 0, start: M(g) - 45, end: M(g) })),
  };
}
const SNAP = M('2025-06');
const hires = (p: Person) => hiresOf(p, SNAP).map((h) => ({ c: h.company, start: h.start, E: h.experience, ng: h.newGrad, b: h.boomerang }));

test('a promotion (new title, same company) is not a hire', () => {
  const h = hires(person([[1, '2019-07', '2021-01'], [1, '2021-01', null]]));
  assert.deepEqual(h.map((x) => x.start), [M('2019-07')]);
});

test('a return after 3+ months is a boomerang hire; a return sooner is not a hire', () => {
  const back = hires(person([[1, '2019-07', '2020-06'], [2, '2020-07', '2021-01'], [1, '2021-02', null]]));
  assert.deepEqual(back.map((x) => [x.c, x.b]), [[1, false], [2, false], [1, true]]);
  const soon = hires(person([[1, '2019-07', '2020-06'], [1, '2020-08', null]]));
  assert.equal(soon.length, 1);
});

test('an internship is never a hire and never experience, and does not block a hire there', () => {
  const h = hires(person([[1, '2018-06', '2018-08', 1], [1, '2019-07', null]]));
  assert.deepEqual(h, [{ c: 1, start: M('2019-07'), E: 0, ng: true, b: false }]);
});

test('experience counts full-time months after graduation, overlaps once, side roles never', () => {
  const h = hires(person([[1, '2019-06', '2021-06'], [9, '2020-01', '2021-01'], [7, '2020-01', '2023-01', 2], [2, '2021-06', null]]));
  assert.deepEqual(h.map((x) => [x.c, x.E]), [[1, 0], [9, 7], [2, 24]]);
});

test('new grad: E < 12 and graduation within [hire − 12, hire + 3]', () => {
  assert.equal(hires(person([[1, '2020-06', null]]))[0]!.ng, false, '13 months after graduation');
  assert.equal(hires(person([[1, '2020-05', null]]))[0]!.ng, true, '12 months after graduation');
  assert.equal(hires(person([[1, '2019-02', null]]))[0]!.ng, true, 'hired 3 months before graduating');
  assert.equal(hires(person([[1, '2019-01', null]], ['2019-05']))[0]!.ng, false, 'hired 4 months before graduating');
});

test("a master's degree resets experience: the next hire is a new-grad hire again", () => {
  const h = hires(person([[1, '2015-07', '2019-06'], [2, '2021-06', null]], ['2015-05', '2021-05']));
  assert.deepEqual(h.map((x) => [x.E, x.ng]), [[0, true], [0, true]]);
});

test('no education: graduation is the month before the first full-time position', () => {
  const h = hires(person([[1, '2018-03', '2018-09'], [2, '2019-01', null]], []));
  assert.deepEqual(h.map((x) => [x.E, x.ng]), [[0, true], [6, true]]);
});

const dir = mkdtempSync(join(tmpdir(), 'tf-synth-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const world = generateWorld({ people: 20_000, seed: 2025, out: dir });
const sum = (t: Truth, cohort: string, year: number, pick: (r: Truth['hires'][number]) => boolean): number =>
  t.hires.filter((r) => r.cohort === cohort && r.year === year && pick(r)).reduce((a, r) => a + r.hires, 0);
const ng = (r: Truth['hires'][number]): boolean => r.new_grad;
const b25 = (r: Truth['hires'][number]): boolean => r.band === '2-5';
const all = (): boolean => true;

test('truth counts exactly the slots the market filled (simulator and truth agree on groups)', async () => {
  const s = await world;
  const t = JSON.parse(readFileSync(s.truth_file, 'utf8')) as Truth;
  for (const cell of s.market) {
    const pick = cell.group === 'new_grad' ? ng : cell.group === '2-5' ? b25 : (r: Truth['hires'][number]) => !r.new_grad && r.band !== '2-5';
    assert.equal(sum(t, cell.cohort, cell.year, pick), cell.filled, `${cell.cohort} ${cell.year} ${cell.group}`);
    // Supply is ample: the planted slots are filled, up to two slots or 2% per cell (the early, thinner years).
    assert.ok(Math.abs(cell.filled - cell.planted) <= Math.max(2, 0.02 * cell.planted), `${cell.cohort} ${cell.year} ${cell.group}: ${cell.filled} of ${cell.planted}`);
  }
});

// Truth equals planted slots up to one slot per cell (above), so the headline is off only by
// rounding: at 20k people Big Tech has ~80 new-grad hires in 2024 (±1 → ±1.3 pp on a ratio) and
// startups ~58 (±1.7 pp). Tolerances: 2.5 pp on YoY, 0.5 pp on the share, 0.03 on the 2019 ratio.
test('the default world reproduces the SignalFire 2025 headline in truth.json', async () => {
  const s = await world;
  const t = JSON.parse(readFileSync(s.truth_file, 'utf8')) as Truth;
  assert.equal(t.definition_version, 1);
  assert.equal(t.scenario, 'default');
  assert.equal(t.people, 20_000);
  const yoy = (c: string, pick: typeof ng, y = 2024): number => sum(t, c, y, pick) / sum(t, c, y - 1, pick) - 1;
  const close = (got: number, want: number, tol: number, what: string): void =>
    assert.ok(Math.abs(got - want) <= tol, `${what}: ${(got * 100).toFixed(1)}% vs ${(want * 100).toFixed(1)}%`);
  close(yoy('bigtech15', ng), -0.25, 0.025, 'Big Tech new-grad YoY 2024');
  close(sum(t, 'bigtech15', 2024, ng) / sum(t, 'bigtech15', 2024, all), 0.07, 0.005, 'Big Tech new-grad share 2024');
  close(sum(t, 'bigtech15', 2024, ng) / sum(t, 'bigtech15', 2019, ng), 0.5, 0.03, 'Big Tech new grads 2024 vs 2019');
  close(yoy('startups', ng), -0.11, 0.025, 'startups new-grad YoY 2024');
  close(yoy('bigtech15', b25), 0.27, 0.025, 'Big Tech 2–5-year YoY 2024');
  close(yoy('startups', b25), 0.14, 0.025, 'startups 2–5-year YoY 2024');
});

test('truth.json rows are sorted, non-zero, and name only known cohorts and bands', async () => {
  const s = await world;
  const t = JSON.parse(readFileSync(s.truth_file, 'utf8')) as Truth;
  const cohorts = ['bigtech15', 'startups', 'banks', 'other'];
  const bands = ['<1', '1', '2-5', '6-10', '11+'];
  const key = (r: Truth['hires'][number]): number[] => [cohorts.indexOf(r.cohort), r.year, bands.indexOf(r.band), r.new_grad ? 1 : 0];
  // the first differing key part decides; equal keys (a repeated cell) are out of order too
  const before = (a: number[], b: number[]): boolean => {
    const i = a.findIndex((x, j) => x !== b[j]);
    return i >= 0 && a[i]! < b[i]!;
  };
  t.hires.forEach((r, i) => {
    assert.ok(r.hires > 0 && key(r).every((k) => k >= 0), JSON.stringify(r));
    assert.ok(!r.new_grad || r.band === '<1', 'a new-grad hire has E < 12');
    if (i > 0) assert.ok(before(key(t.hires[i - 1]!), key(r)), `row ${i} out of order: ${JSON.stringify(r)}`);
  });
  assert.deepEqual(t.years, { from: 2015, to: 2025 });
});
