import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilson, zOf } from '../src/analyze/intervals.js';
import { kaplanMeier, survivalAt } from '../src/analyze/kaplan-meier.js';
import { planSuppression, suppressionNote } from '../src/analyze/suppress-cells.js';
import { CellBootstrap } from '../src/analyze/bootstrap.js';
import { SeededRandom } from '../src/analyze/seeded-random.js';

const close = (a: number | null, b: number, eps = 1e-3) => assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('Wilson interval for 8 of 10, worked by hand', () => {
  // p = .8, z² = 3.8415: centre (.8 + .19207) / 1.38415 = .71674, half 1.41600 × √(.016 + .0096037) = .22658
  const w = wilson(8, 10);
  close(w.value, 0.8);
  close(w.lo, 0.49016);
  close(w.hi, 0.94332);
  assert.deepEqual(wilson(0, 0), { value: null, lo: null, hi: null });
  close(zOf(0.95), 1.959964, 1e-6);
  close(zOf(0.9), 1.644854, 1e-6);
});

test('Kaplan–Meier with a censoring, worked by hand: events at 3, 6, 12; one censored at 3', () => {
  const counts = [
    { t: 3, events: 1, censored: 1 },
    { t: 6, events: 1, censored: 0 },
    { t: 12, events: 1, censored: 0 },
    { t: 65, events: 0, censored: 1 },
  ];
  const curve = kaplanMeier(counts);
  // S(3) = 4/5; the censored one leaves the risk set after 3; S(6) = .8 × 2/3; S(12) = S(6) × 1/2
  assert.deepEqual(curve.map((p) => [p.t, p.at_risk, Number(p.value!.toFixed(4))]), [[3, 5, 0.8], [6, 3, 0.5333], [12, 2, 0.2667]]);
  // Greenwood Σ d/(n(n−d)) at 6 = 1/20 + 1/6; log−log: se = √.21667 / |ln .5333| = .74048
  const r6 = survivalAt(curve, counts, 6)!;
  close(r6.lo, 0.5333 ** Math.exp(1.959964 * 0.74048), 2e-3);
  close(r6.hi, 0.5333 ** Math.exp(-1.959964 * 0.74048), 2e-3);
  assert.equal(survivalAt(curve, counts, 2)!.value, 1);
  assert.equal(survivalAt(curve, counts, 70), null, 'no estimate past the longest follow-up');
});

test('a curve that reaches 0 stays 0 after the last event', () => {
  const counts = [{ t: 2, events: 3, censored: 0 }];
  const curve = kaplanMeier(counts);
  assert.equal(survivalAt(curve, counts, 24)?.value, 0);
});

test('a cell under k people is hidden, and with totals one more cell in its margin is hidden too', () => {
  const plan = planSuppression(
    [
      { key: 'a', margin: '2024', people: 3 },
      { key: 'b', margin: '2024', people: 50 },
      { key: 'c', margin: '2024', people: 20 },
      { key: 'x', margin: '2025', people: 2 },
      { key: 'y', margin: '2025', people: 100 },
      { key: 'z', margin: '2026', people: 5 },
      { key: 'zero', margin: '2026', people: 0 },
      { key: 'free', margin: null, people: 4 },
    ],
    10,
  );
  assert.deepEqual([...plan.hidden].sort(), ['a', 'c', 'free', 'x', 'y', 'z']);
  assert.equal(plan.primary, 4);
  assert.equal(plan.complementary, 2);
  assert.deepEqual([...plan.hiddenTotals], ['2026'], 'a lone small cell hides its total');
  assert.match(suppressionNote(plan), /^4 cells with fewer than 10 people hidden, 2 more hidden so that totals do not reveal them, 1 total hidden$/);
});

test('the Poisson bootstrap on patterns matches the per-person variance of a count', () => {
  // 400 people with 1 hire and 100 with 2: Var = Σ c² = 400 + 400 = 800, sd 28.3
  const b = new CellBootstrap([{ v: [1], n: 400 }, { v: [2], n: 100 }], 1, 'k', { replicates: 2000, seed: 7, level: 0.95 });
  const e = b.interval((s) => s[0]!);
  assert.equal(e.value, 600);
  close((e.hi! - e.lo!) / (2 * 1.96), Math.sqrt(800), 3);
  const again = new CellBootstrap([{ v: [1], n: 400 }, { v: [2], n: 100 }], 1, 'k', { replicates: 2000, seed: 7, level: 0.95 });
  assert.deepEqual(again.interval((s) => s[0]!), e, 'seeded: the same interval twice');
});

test('Poisson draws have the right mean and variance for small and large lambda', () => {
  const rng = new SeededRandom(3);
  for (const lambda of [0.5, 4, 37, 5000]) {
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = rng.poisson(lambda);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    close(mean, lambda, 5 * Math.sqrt(lambda / n));
    close(s2 / n - mean * mean, lambda, lambda * 0.06);
  }
});

test('the fast interval of a sum, ratio or change equals the closure form, draw for draw', () => {
  const patterns = [{ v: [1, 0, 1], n: 40 }, { v: [0, 1, 1], n: 25 }, { v: [2, 1, 0], n: 3 }, { v: [0, 0, 1], n: 900 }];
  const opts = { replicates: 300, seed: 11, level: 0.9 };
  const a = new CellBootstrap(patterns, 3, 'cell', opts);
  const b = new CellBootstrap(patterns, 3, 'cell', opts);
  assert.deepEqual(a.intervalOf('sum', 0), b.interval((s) => s[0]!));
  assert.deepEqual(a.intervalOf('ratio', 0, 2), b.interval((s) => (s[2] === 0 ? null : s[0]! / s[2]!)));
  assert.deepEqual(a.intervalOf('change', 0, 1), b.interval((s) => (s[1] === 0 ? null : s[0]! / s[1]! - 1)));
  // asking in another order draws the same replicates
  const c = new CellBootstrap(patterns, 3, 'cell', opts);
  c.intervalOf('change', 0, 1);
  assert.deepEqual(c.intervalOf('sum', 0), a.intervalOf('sum', 0));
});
