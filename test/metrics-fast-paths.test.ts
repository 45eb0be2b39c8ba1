import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CellBootstrap, selectQuantile } from '../src/analyze/bootstrap.js';
import { logFactorial, SeededRandom } from '../src/analyze/seeded-random.js';
import { Sfc32 } from '../src/model/sfc32.js';
import { expandedTrendSql, trend, type TrendQuery } from '../src/metrics/trend.js';
import { flows } from '../src/metrics/flows.js';
import { hires } from '../src/metrics/hires.js';
import type { Dialect } from '../src/engines/engine.js';
import { person, world, type Job } from './helpers/people.js';
import { merged } from './helpers/trend-rows.js';

/** The Poisson draw as it was before its constants were tabled (inversion below 10, PTRS above). */
function poissonAsItWas(rng: Sfc32, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng.next();
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

test('tabled Poisson draws are the draws of the plain algorithm, one for one', () => {
  for (const lambda of [0.3, 1, 2.5, 7, 9.999, 10, 11, 37, 400, 5e5]) {
    const fast = new SeededRandom(17);
    const plain = new SeededRandom(17);
    for (let i = 0; i < 5000; i++) assert.equal(fast.poisson(lambda), poissonAsItWas(plain, lambda), `λ = ${lambda}, draw ${i}`);
  }
});

test('a quantile by selection equals the type-7 quantile of the sorted values', () => {
  const rng = new Sfc32(5);
  for (let t = 0; t < 300; t++) {
    const m = 1 + Math.floor(rng.next() * 250);
    // few distinct values (ties, as counts have) or many
    const spread = t % 2 ? 5 : 1e6;
    const values = Array.from({ length: m }, () => Math.floor(rng.next() * spread) / 7);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0, 0.025, 0.05, 0.5, 0.95, 0.975, 1]) {
      const h = (m - 1) * q;
      const lo = Math.floor(h);
      const [a, b] = [sorted[lo]!, sorted[Math.min(lo + 1, m - 1)]!];
      const want = a === b ? a : a + (h - lo) * (b - a);
      assert.equal(selectQuantile(Float64Array.from(values), m, q), want, `m = ${m}, q = ${q}`);
    }
  }
  assert.ok(Number.isNaN(selectQuantile(new Float64Array(4), 0, 0.5)));
});

test('a released bootstrap hands its buffer on and answers no more', () => {
  const patterns = [{ v: [1, 0], n: 40 }, { v: [1, 1], n: 12 }];
  const opts = { replicates: 200, seed: 3, level: 0.95 };
  const a = new CellBootstrap(patterns, 2, 'x', opts);
  const first = a.intervalOf('change', 0, 1);
  a.release();
  assert.throws(() => a.intervalOf('sum', 0), /after release/);
  // the next cell reuses the buffer, zeroed: the same cell gives the same interval
  assert.deepEqual(new CellBootstrap(patterns, 2, 'x', opts).intervalOf('change', 0, 1), first);
});

/** Fifty invented careers over a few companies, with gaps, returns and overlaps (seeded). */
function careers(): Record<string, unknown>[] {
  const rng = new Sfc32(11);
  const firms = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
  const month = (m: number) => `${2014 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const people: Record<string, unknown>[] = [];
  for (let i = 0; i < 50; i++) {
    const jobs: Job[] = [];
    let m = Math.floor(rng.next() * 60);
    for (let j = 0; j < 1 + Math.floor(rng.next() * 4); j++) {
      const len = Math.floor(rng.next() * 30);
      const open = rng.next() < 0.2;
      jobs.push([firms[Math.floor(rng.next() * firms.length)]!, rng.next() < 0.7 ? 'Engineer' : 'Manager', month(m), open ? null : month(m + len)]);
      if (open) break;
      m += len + Math.floor(rng.next() * 8) - 1;
    }
    people.push(person({ id: `p${i}`, grad: '2013-06', jobs }));
  }
  return people;
}

test('spells counted by shape before expanding give the rows of expanding every spell', async () => {
  const { store } = await world(careers());
  const d = store.dialect;
  // without window functions the closed form is off: every spell goes through the general form
  const plain: Dialect = Object.assign(Object.create(d) as Dialect, { capabilities: { ...d.capabilities, windowFunctions: false } });
  for (const grain of ['quarter', 'month', 'year'] as const) {
    for (const by of [[], ['company'], ['company', 'new_grad']] as const) {
      const q: TrendQuery = { metric: 'trend', by: [...by], grain, from: 2015, to: 2018, filters: {} };
      const fast = await store.all<Record<string, unknown>>(expandedTrendSql(d, q));
      assert.match(expandedTrendSql(d, q), /shapes AS/);
      assert.ok(fast.length > 20, `rows for ${grain} by ${by.join(',')}`);
      assert.deepEqual(merged(fast), merged(await store.all(expandedTrendSql(plain, q))), `${grain} by ${by.join(',') || 'nothing'}`);
    }
  }
});

test('companies travel as integer keys and come out by name, in name order', async () => {
  const { store } = await world(careers());
  const { rows } = await trend(store, { by: ['company'], grain: 'year', from: 2016, to: 2017, minCell: 1, bootstrap: { replicates: 0 } }, []);
  const names = rows.map((r) => r.group.company);
  assert.deepEqual([...new Set(names)], ['Acme', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
  // each company's headcount is its people holding a spell there at the year's end
  const [acme] = await store.all<{ n: number }>(
    `SELECT count(DISTINCT pid)::INTEGER AS n FROM spells WHERE company_name = 'Acme' AND start_m <= 2016 * 12 + 11 AND stop_m >= 2016 * 12 + 11`,
  );
  assert.equal(rows.find((r) => r.group.company === 'Acme' && r.period === '2016')!.figures.headcount.value, acme!.n);
  const moves = await flows(store, { top: 0, minCell: 1, bootstrap: { replicates: 0 } }, []);
  assert.ok(moves.rows.length > 3);
  for (const r of moves.rows) assert.ok(names.includes(r.from!) && names.includes(r.to!), `${r.from} → ${r.to} by name`);
  const byCompany = await hires(store, { by: ['company', 'year'] }, []);
  const [direct] = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM hires WHERE company_name = 'Globex' AND year = 2016`);
  assert.equal(byCompany.rows.find((r) => r.company === 'Globex' && r.year === 2016)?.hires ?? 0, direct!.n);
  assert.deepEqual(byCompany.rows.map((r) => r.company), [...byCompany.rows.map((r) => r.company)].sort(), 'ordered by name');
});

test('hires and spells derived before the integer keys (and spells before their next spell) get them on first use', async () => {
  const { store } = await world(careers());
  const before = await hires(store, { by: ['company', 'year'] }, []);
  await store.run('CREATE OR REPLACE TABLE hires AS SELECT * EXCLUDE (cid, name_key) FROM hires');
  await store.run('CREATE OR REPLACE TABLE spells AS SELECT * EXCLUDE (cid, name_key, next_cid, next_name_key, next_start_m) FROM spells');
  assert.deepEqual((await hires(store, { by: ['company', 'year'] }, [])).rows, before.rows);
  const t = await trend(store, { by: ['company'], from: 2016, to: 2017, bootstrap: { replicates: 0 } }, []);
  assert.ok(t.rows.length > 0);
  // rebuilt with each spell's next: every spell but each person's last has one
  const [next] = await store.all<{ with_next: number; spells: number; people: number }>(
    'SELECT count(next_start_m)::INTEGER AS with_next, count(*)::INTEGER AS spells, count(DISTINCT pid)::INTEGER AS people FROM spells',
  );
  assert.equal(next!.with_next, next!.spells - next!.people);
});
