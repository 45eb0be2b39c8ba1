/**
 * The expanded trend query (quarters, months) counts a spell by its shape unless another spell
 * of its person in its group reaches the same periods; these fixtures put spells on both sides
 * of that line — returns far apart and close together, and a name two companies share — and
 * check the rows against the general form (every spell expanded and grouped by person). Each
 * fixture is needed: without it, dropping one of the query's three tests (a return, a shared
 * name, spells whose periods meet) goes unnoticed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialect, Store } from '../src/engines/engine.js';
import { expandedTrendSql, trend, type TrendQuery } from '../src/metrics/trend.js';
import { person, world } from './helpers/people.js';
import { merged, spellMix } from './helpers/trend-rows.js';

/** One person at Acme and, from 2020-03, also at Acme Two (renamed Acme by `twinNames`). */
const twin = () => person({ id: 't', grad: '2015-06', jobs: [['Acme', 'Engineer', '2019-01', '2021-01'], ['Acme Two', 'Engineer', '2020-03', null]] });

/** Two companies sharing the name Acme: ingest never makes them, but a company table may. */
async function twinNames(store: Store): Promise<void> {
  await store.run("UPDATE spells SET company_name = 'Acme', name_key = hash('Acme') WHERE company_name = 'Acme Two'");
  const [names] = await store.all<{ n: number }>("SELECT count(DISTINCT cid)::INTEGER AS n FROM spells WHERE company_name = 'Acme'");
  assert.equal(names!.n, 2, 'two companies share the name Acme');
}

const people = () => [
  ...spellMix(),
  // a return four months after leaving: both spells reach 2019-Q3 (one ends before it, one starts in it)
  person({ id: 'near', grad: '2015-06', jobs: [['Acme', 'Engineer', '2019-01', '2019-05'], ['Acme', 'Engineer', '2019-09', '2020-06']] }),
  // a return years later: the two spells never meet in one period
  person({ id: 'far', grad: '2012-06', jobs: [['Acme', 'Engineer', '2016-01', '2017-02'], ['Acme', 'Manager', '2020-01', null]] }),
  twin(),
  // at Globex, a return at the next quarter: the first spell reaches 2020-Q1 as the previous period
  person({ id: 'g', grad: '2018-06', jobs: [['Globex', 'Engineer', '2018-09', '2019-11'], ['Globex', 'Engineer', '2020-02', '2020-05']] }),
];

test('spells alone in their periods and spells that meet give the rows of the general form, by company and by nothing', async () => {
  const { store } = await world(people());
  await twinNames(store);
  const d = store.dialect;
  // without window functions every spell goes through the general form
  const plain: Dialect = Object.assign(Object.create(d) as Dialect, { capabilities: { ...d.capabilities, windowFunctions: false } });
  // weighted, each person's weight is one more grouping column: engineers weigh 0.5, the others 1
  await store.run("UPDATE title_map SET soc = '15-1252' WHERE title = 'Engineer'");
  const weights = { by: 'soc_major' as const, cells: { '15': 0.5 } };
  for (const grain of ['quarter', 'month'] as const) {
    for (const by of [['company'], [], ['new_grad'], ['company', 'new_grad']] as const) {
      for (const w of [undefined, weights]) {
        const q: TrendQuery = { metric: 'trend', by: [...by], grain, from: 2018, to: 2021, filters: {}, ...(w ? { weights: w } : {}) };
        const fast = merged(await store.all(expandedTrendSql(d, q)));
        assert.ok(fast.length > 20, `rows for ${grain} by ${by.join(',')}`);
        assert.deepEqual(fast, merged(await store.all(expandedTrendSql(plain, q))), `${grain} by ${by.join(',') || 'nothing'}${w ? ', weighted' : ''}`);
        if (w) assert.ok(fast.some((r) => r.includes('"w","0.5"')), 'some weights are not 1');
      }
    }
  }
});

test('a return counts once in the quarters both spells reach, and a name two companies share is one row', async () => {
  const { store } = await world(people());
  await twinNames(store);
  const { rows } = await trend(store, { by: ['company'], grain: 'quarter', from: 2019, to: 2020, minCell: 1, bootstrap: { replicates: 0 } }, []);
  const at = (company: string, period: string) => rows.find((r) => r.group.company === company && r.period === period)!;
  // Acme's people: a (2017-01 … 2020-03), b (… 2019-05, back 2020-01 … 2021-02), near (2019-01 …
  // 2019-05, back 2019-09 … 2020-06), far (2016-01 … 2017-02, back 2020-01 …), t (2019-01 … 2021-01,
  // and at the other Acme from 2020-03)
  assert.equal(at('Acme', '2019-Q2').figures.departures.value, 2, 'b and near left in May');
  assert.equal(at('Acme', '2019-Q3').figures.hires.value, 1, 'near came back in September');
  assert.equal(at('Acme', '2019-Q3').figures.headcount.value, 3, 'a, near and t at the end of September');
  assert.equal(at('Acme', '2020-Q1').figures.hires.value, 3, 'b and far came back, t joined the other Acme');
  assert.equal(at('Acme', '2020-Q1').figures.headcount.value, 5, 'a, b, near, far and t (at both Acmes: once)');
  assert.equal(at('Acme', '2020-Q1').figures.departures.value, 1, 'a left in March');
  assert.deepEqual([...new Set(rows.map((r) => r.group.company))].sort(), ['Acme', 'Globex', 'Initech'], 'one row per name');
});
