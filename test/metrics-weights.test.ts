import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { trend } from '../src/api.js';
import { postStratify } from '../src/analyze/post-stratify.js';
import { buildWeights, readOfficialTotals } from '../src/metrics/weights.js';
import { jsonl, person, world } from './helpers/people.js';

const close = (a: number | null | undefined, b: number, eps = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('post-stratified weights are official share over sample share, worked by hand', () => {
  const sample = new Map([['15', 60], ['41', 20], ['43', 20], ['', 7], ['55', 3]]);
  const official = new Map([['15', 10], ['41', 30], ['43', 60], ['29', 50]]);
  // cells 15, 41, 43: official shares .1 .3 .6 (29 has no sample person), sample shares .6 .2 .2
  const p = postStratify(sample, official, 10);
  close(p.weights['15'], 0.1 / 0.6);
  close(p.weights['41'], 0.3 / 0.2);
  close(p.weights['43'], 0.6 / 0.2);
  assert.equal(p.unclassified, 10, 'no SOC (7) and a group without an official total (3) weigh 1');
  assert.deepEqual(p.uncovered, ['29']);
  assert.ok(p.strata.every((s) => !s.trimmed));
});

test('trimming caps weights at trim and 1/trim and rescales the rest to keep the total, worked by hand', () => {
  const p = postStratify(new Map([['15', 60], ['41', 20], ['43', 20]]), new Map([['15', 10], ['41', 30], ['43', 60]]), 2);
  // 3 → 2 and 1/6 → 1/2; the free cell keeps 60·.5 + 20·x + 20·2 = 100, so x = 1.5
  close(p.weights['43'], 2);
  close(p.weights['15'], 0.5);
  close(p.weights['41'], 1.5);
  assert.deepEqual(p.strata.filter((s) => s.trimmed).map((s) => s.group), ['15', '43']);
});

test('official totals read from an OEWS-shaped file (major groups only) or a group,total file', () => {
  const oews = jsonl([], 'oews.csv');
  writeFileSync(oews, 'OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP\n00-0000,All,total,1000\n15-0000,Computer,major,"1,200"\n15-1250,Software,broad,900\n41-0000,Sales,major,300\n');
  assert.deepEqual([...readOfficialTotals(oews)], [['15', 1200], ['41', 300]]);
  const simple = jsonl([], 'totals.csv');
  writeFileSync(simple, 'group,total\n15,10\n41-0000,30\n');
  assert.deepEqual([...readOfficialTotals(simple)], [['15', 10], ['41', 30]]);
  const bad = jsonl([], 'bad.csv');
  writeFileSync(bad, 'a,b\n1,2\n');
  assert.throws(() => readOfficialTotals(bad), /invalid --weights/);
});

test('weighted headcount sums each person’s weight by the SOC group of their current title; unweighted stays beside it', async () => {
  const { store } = await world([
    person({ id: 'e1', grad: '2015-06', jobs: [['Acme', 'Software Engineer', '2020-01', null]] }),
    person({ id: 'e2', grad: '2015-06', jobs: [['Acme', 'Software Engineer', '2020-01', null]] }),
    // a salesperson now: their current title decides, not the one at Acme
    person({ id: 's1', grad: '2015-06', jobs: [['Acme', 'Software Engineer', '2018-01', '2019-12'], ['Globex', 'Sales Representative', '2020-01', null]] }),
    person({ id: 's2', grad: '2015-06', jobs: [['Globex', 'Sales Representative', '2020-01', null]] }),
    person({ id: 'c1', grad: '2015-06', jobs: [['Acme', 'Chef', '2020-01', null]] }),
  ]);
  await store.run("UPDATE title_map SET soc = '15-1252' WHERE title = 'Software Engineer'");
  await store.run("UPDATE title_map SET soc = '41-2031' WHERE title = 'Sales Representative'");
  await store.run('UPDATE title_map SET soc = NULL WHERE title = \'Chef\'');
  // sample: 15 → 2, 41 → 2, no SOC → 1; official shares .25 / .75: w15 = .25/.5 = .5, w41 = .75/.5 = 1.5
  const { spec, stratification } = await buildWeights(store, new Map([['15', 100], ['41', 300]]));
  close(spec.cells['15'], 0.5);
  close(spec.cells['41'], 1.5);
  assert.equal(stratification.unclassified, 1);
  const r = await trend(store, { by: ['company'], from: 2021, to: 2021, minCell: 1, bootstrap: { replicates: 50 }, weights: spec }, []);
  const get = (c: string) => r.rows.find((x) => x.group.company === c)!;
  // Acme: e1, e2 (.5 each) and the chef (1) = 2; Globex: s1, s2 (1.5 each) = 3
  assert.deepEqual([get('Acme').figures.headcount.value, get('Globex').figures.headcount.value], [3, 2]);
  close(get('Acme').weighted?.headcount?.value ?? null, 2);
  close(get('Globex').weighted?.headcount?.value ?? null, 3);
  const none = await trend(store, { by: ['company'], from: 2021, to: 2021, minCell: 1 }, []);
  assert.equal(none.rows[0]?.weighted, undefined, 'no weights, no weighted figures');
});
