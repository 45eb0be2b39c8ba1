import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hires, selectCohorts, type HireDim, type Store } from '../src/api.js';
import { hiresPatternSql, hiresWithStats, type HiresStatResult } from '../src/metrics/hires-stats.js';
import { duckdbDialect } from '../src/engines/duckdb/index.js';
import { person, world } from './helpers/people.js';
import { metricsWorld } from './helpers/metric-cases.js';

const hireAt = (id: string, company: string, start: string) => person({ id, grad: '2010-06', jobs: [[company, 'Engineer', start, null]] });

test('hires with statistics keeps the plain keys and adds intervals; YoY and its CI rest on people', async () => {
  const { store } = await world([
    ...Array.from({ length: 12 }, (_, i) => hireAt(`a${i}`, 'Acme', '2023-03')),
    ...Array.from({ length: 14 }, (_, i) => hireAt(`b${i}`, 'Acme', '2024-03')),
    // one person hired twice by Acme in 2024 (a boomerang after 3+ months away): 2 hires, 1 person
    person({ id: 'c', grad: '2010-06', jobs: [['Acme', 'Engineer', '2024-01', '2024-02'], ['Globex', 'Engineer', '2024-03', '2024-06'], ['Acme', 'Engineer', '2024-11', null]] }),
    ...Array.from({ length: 3 }, (_, i) => hireAt(`t${i}`, 'Tiny', '2024-03')),
  ]);
  const plain = await hires(store, { by: ['company', 'year'], from: 2024 }, []);
  const r = await hiresWithStats(store, { by: ['company', 'year'], from: 2024 }, [], { bootstrap: { replicates: 400 } });
  const acme = r.rows.find((x) => x.company === 'Acme' && x.year === 2024)!;
  const before = plain.rows.find((x) => x.company === 'Acme' && x.year === 2024)!;
  assert.deepEqual([acme.hires, acme.yoy, acme.prev_hires], [before.hires, before.yoy, before.prev_hires], 'the same figures as plain hires');
  assert.deepEqual([acme.hires, acme.people], [16, 15]);
  assert.equal(acme.yoy, 16 / 12 - 1);
  assert.ok(acme.hires_lo! < 16 && acme.hires_hi! > 16);
  assert.ok(acme.yoy_lo! < acme.yoy! && acme.yoy! < acme.yoy_hi!);
  for (const k of Object.keys(before)) assert.ok(k in acme, `key ${k} kept`);
  assert.equal(r.rows.find((x) => x.company === 'Tiny'), undefined, '3 people: never printed');
  assert.match(r.notes.join(' '), /2 groups with fewer than 10 people hidden/, 'Tiny and Globex');
  const globex = r.rows.find((x) => x.company === 'Globex');
  assert.equal(globex, undefined);
});

test('a YoY change against a previous year under K people is hidden', async () => {
  const { store } = await world([
    ...Array.from({ length: 4 }, (_, i) => hireAt(`a${i}`, 'Acme', '2023-03')),
    ...Array.from({ length: 11 }, (_, i) => hireAt(`b${i}`, 'Acme', '2024-03')),
  ]);
  const r = await hiresWithStats(store, { by: ['year'], from: 2024 }, [], { bootstrap: { replicates: 50 } });
  assert.deepEqual([r.rows[0]?.hires, r.rows[0]?.yoy, r.rows[0]?.yoy_lo], [11, null, null]);
  assert.match(r.notes.join(' '), /1 YoY change hidden/);
});

test('the hires pattern query groups per person and shifts each year into the next', () => {
  const sql = hiresPatternSql({ metric: 'hires', by: ['cohort', 'year'], from: 2020, cohortSet: 'abc' }, duckdbDialect);
  assert.match(sql, /h\.pid AS pid/);
  assert.match(sql, /FULL JOIN c AS b ON a\."cohort" = b\."cohort" AND a\.pid = b\.pid AND a\.year = b\.year \+ 1/);
  assert.match(sql, /GROUP BY "cohort", yr, h0, h1/);
  assert.match(hiresPatternSql({ metric: 'hires', by: ['band', 'year'] }, duckdbDialect), /year \+ j AS year/, 'band may be NULL: the window');
  assert.doesNotMatch(hiresPatternSql({ metric: 'hires', by: ['band'] }, duckdbDialect), /year \+ j/);
});

/** A store that records every statement it is asked to run. */
function recording(store: Store): { store: Store; sql: string[] } {
  const sql: string[] = [];
  const spy: Store = {
    dialect: store.dialect,
    run: (s, p) => (sql.push(s), store.run(s, p)),
    all: (s, p) => (sql.push(s), store.all(s, p)),
    tableExists: (name) => store.tableExists(name),
    append: (table, columns, rows) => store.append(table, columns, rows),
    close: () => store.close(),
  };
  return { store: spy, sql };
}

/** A result as the pattern path gives it with no intervals: every bound null. */
const withoutBounds = (r: HiresStatResult) => ({
  rows: r.rows.map((row) => ({ ...row, hires_lo: null, hires_hi: null, ...('yoy_lo' in row ? { yoy_lo: null, yoy_hi: null } : {}) })),
  notes: r.notes,
  patternSql: r.patternSql,
});

test('with no replicates, hires --ci runs one query for hires and people, no pattern query, and prints what the pattern path prints without bounds', async () => {
  // the metric suite's careers, a boomerang hired twice by Acme in 2024 (2 hires, 1 person), and
  // a small Acme year before a large one (a YoY change against under K people)
  const { store } = await world([
    ...metricsWorld(),
    person({ id: 'c', grad: '2010-06', jobs: [['Acme', 'Engineer', '2024-01', '2024-02'], ['Globex', 'Engineer', '2024-03', '2024-06'], ['Acme', 'Engineer', '2024-11', null]] }),
  ]);
  const cohorts = selectCohorts('bigtech15,mag7');
  const queries: { by: HireDim[]; from?: number }[] = [
    { by: ['cohort', 'year'] },
    { by: ['company', 'year'], from: 2019 },
    { by: ['band', 'new_grad', 'year'] },
    { by: ['seniority', 'function'] },
    { by: ['company'] },
    { by: [] },
  ];
  let hiddenGroups = 0;
  let hiddenChanges = 0;
  let twiceHired = 0;
  for (const q of queries) {
    const patterns = await hiresWithStats(store, q, cohorts, { minCell: 2, bootstrap: { replicates: 20 } });
    const spy = recording(store);
    const plain = await hiresWithStats(spy.store, q, cohorts, { minCell: 2, bootstrap: { replicates: 0 } });
    assert.deepEqual(withoutBounds(plain), withoutBounds(patterns), `by ${q.by.join(',')}`);
    assert.deepEqual(plain.rows, withoutBounds(plain).rows, 'no bounds without replicates');
    assert.deepEqual(plain.parameters, { ...patterns.parameters, replicates: 0 });
    assert.ok(spy.sql.includes(plain.sql), 'the hires-and-people query runs');
    assert.ok(!spy.sql.includes(patterns.sql), 'the hires query is not run beside it');
    assert.ok(!spy.sql.includes(plain.patternSql), `by ${q.by.join(',')}: the pattern query is not run`);
    assert.ok(!spy.sql.some((s) => s.includes(' AS h0')), 'nor any other per-person pattern');
    hiddenGroups += plain.notes.filter((n) => n.includes('groups with fewer') || n.includes('group with fewer')).length;
    hiddenChanges += plain.notes.filter((n) => n.includes('YoY change')).length;
    twiceHired += plain.rows.filter((r) => r.people < r.hires).length;
  }
  // the comparison covers what B = 0 must keep: hidden groups, hidden changes, hires ≠ people
  assert.ok(hiddenGroups >= 3 && hiddenChanges >= 1 && twiceHired >= 1, `${hiddenGroups} ${hiddenChanges} ${twiceHired}`);
  await store.close();
});

test('the pattern query still runs when intervals are asked for', async () => {
  const { store } = await world(Array.from({ length: 12 }, (_, i) => hireAt(`a${i}`, 'Acme', '2023-03')));
  const spy = recording(store);
  const r = await hiresWithStats(spy.store, { by: ['year'] }, [], { bootstrap: { replicates: 20 } });
  assert.ok(spy.sql.includes(r.patternSql));
  assert.ok(r.rows[0]!.hires_lo !== null);
  await store.close();
});
