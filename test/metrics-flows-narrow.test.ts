import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsSql, type FlowsQuery } from '../src/metrics/flows.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import { selectCohorts } from '../src/api.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

/** The query as it was: departures grouped by their company's columns and end month. */
function textGrouped(sql: string): string {
  const out = sql
    .replace(/any_value\(a\.(a_cid|a_key|e)\) AS \1/g, 'a.$1')
    .replace('GROUP BY a.pid, a.ai', 'GROUP BY a.pid, a.a_cid, a.a_key, a.e');
  assert.notEqual(out, sql, 'the departure grouping was found');
  assert.doesNotMatch(out, /any_value\(a\./, 'every departure column is grouped');
  return out;
}

test('flows group a departure by its spell and give the rows of the grouping by company and end month', async () => {
  const { store } = await world([
    person({ id: 'a', grad: '2015-06', jobs: [['Acme', 'Engineer', '2017-01', '2020-03'], ['Globex', 'Engineer', '2020-04', null]] }),
    // back to the first company, a move to two at once (the earliest wins), and a move too late to count
    person({ id: 'b', grad: '2015-06', jobs: [['Acme', 'Engineer', '2016-01', '2019-05'], ['Globex', 'Engineer', '2019-06', '2020-12'], ['Acme', 'Manager', '2021-01', null]] }),
    person({ id: 'c', grad: '2019-06', jobs: [['Globex', 'Engineer', '2019-07', '2021-06'], ['Initech', 'Engineer', '2021-06', null], ['Acme', 'Advisor', '2021-08', null]] }),
    person({ id: 'd', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-03', '2018-04'], ['Acme', 'Engineer', '2019-02', '2020-02']] }),
    person({ id: 'e', grad: '2015-06', jobs: [['Initech', 'Engineer', '2017-03', '2019-04'], ['Acme', 'Engineer', '2019-04', '2020-02'], ['Initech', 'Manager', '2020-03', null]] }),
  ]);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const cases: FlowsQuery[] = [
    { metric: 'flows', level: 'company', filters: {} },
    { metric: 'flows', level: 'company', filters: { from: 2020, to: 2021 } },
    { metric: 'flows', level: 'cohort', filters: {}, cohortSet },
    { metric: 'flows', level: 'company', between: ['Acme', 'Globex'], filters: {} },
  ];
  for (const q of cases) {
    const sql = flowsSql(store.dialect, q);
    const a = rowsOf(await store.all(sql));
    assert.ok(a.length > 0, `rows for ${JSON.stringify(q)}`);
    assert.deepEqual(a, rowsOf(await store.all(textGrouped(sql))), JSON.stringify(q));
  }
});
