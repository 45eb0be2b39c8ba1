import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandedTrendSql, trendSql, type TrendQuery } from '../src/metrics/trend.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import { selectCohorts } from '../src/api.js';
import { person, world } from './helpers/people.js';
import { merged, spellMix } from './helpers/trend-rows.js';

test('the per-person wide trend query returns the rows of the expanded one, with and without a base year', async () => {
  const { store } = await world([
    ...spellMix(),
    person({ id: 'e', grad: '2020-06', jobs: [['Acme', 'Engineer', '2020-07', '2020-09'], ['Globex', 'Engineer', '2020-10', '2020-11'], ['Acme', 'Engineer', '2021-03', null]] }),
    person({ id: 'f', grad: '2012-06', jobs: [['Globex', 'Director', '2012-09', '2018-12'], ['Acme', 'Director', '2019-01', '2019-01']] }),
  ]);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const d = store.dialect;
  const cases: TrendQuery[] = [];
  for (const by of [[], ['company'], ['cohort'], ['seniority', 'new_grad']] as const) {
    for (const base of [undefined, 2018, 2020]) {
      cases.push({ metric: 'trend', by: [...by], grain: 'year', from: 2019, to: 2021, base, filters: {}, cohortSet });
    }
  }
  cases.push({ metric: 'trend', by: ['company'], grain: 'quarter', from: 2020, to: 2020, filters: {} });
  let compared = 0;
  for (const q of cases) {
    const wide = trendSql(d, q);
    assert.match(wide, /u AS \(/, 'few periods take the wide form');
    const a = merged(await store.all(wide));
    const b = merged(await store.all(expandedTrendSql(d, q)));
    assert.deepEqual(a, b, `by ${q.by.join(',') || 'nothing'}, grain ${q.grain}, base ${q.base}`);
    if (a.length > 0) compared++;
  }
  assert.equal(compared, cases.length, 'every case has rows');
});
