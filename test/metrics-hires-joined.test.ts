import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hiresPatternSql, joinedPatternSql, windowedPatternSql } from '../src/metrics/hires-stats.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import type { HireDim, HiresQuery } from '../src/metrics/hires.js';
import { selectCohorts } from '../src/api.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

test('the per-person hire vectors joined to the year before equal those read with the window', async () => {
  const { store } = await world([
    // consecutive years in one cohort, a two-year gap, two hires in one year, a move between
    // cohorts (Google is in bigtech15, Acme is not), and one person hired once
    person({ id: 'a', grad: '2015-06', jobs: [['Google', 'Engineer', '2017-01', '2017-03'], ['Google', 'Engineer', '2018-02', '2018-04'], ['Google', 'Engineer', '2020-01', null]] }),
    person({ id: 'b', grad: '2015-06', jobs: [['Acme', 'Engineer', '2019-01', '2019-02'], ['Acme', 'Manager', '2019-08', '2019-09'], ['Google', 'Engineer', '2020-01', null]] }),
    person({ id: 'c', grad: '2019-06', jobs: [['Google', 'Engineer', '2019-07', '2021-06'], ['Acme', 'Engineer', '2021-07', '2021-12'], ['Globex', 'Engineer', '2022-03', null]] }),
    person({ id: 'd', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-03', '2018-04'], ['Acme', 'Engineer', '2019-02', '2020-02']] }),
    person({ id: 'e', grad: '2016-06', jobs: [['Acme', 'Engineer', '2018-01', '2018-02'], ['Google', 'Engineer', '2018-06', '2018-09'], ['Acme', 'Engineer', '2019-03', null]] }),
  ]);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const dims: HireDim[][] = [['year'], ['cohort', 'year'], ['year', 'cohort'], ['company', 'year'], ['company', 'cohort', 'year']];
  for (const by of dims) {
    for (const range of [{}, { from: 2019, to: 2020 }, { from: 2018 }]) {
      const q: HiresQuery = { metric: 'hires', by, cohortSet, ...range };
      assert.equal(hiresPatternSql(q, store.dialect), joinedPatternSql(q, store.dialect), 'cohort, company and year are never NULL: the join');
      const joined = rowsOf(await store.all(joinedPatternSql(q, store.dialect)));
      assert.ok(joined.length > 3, by.join(','));
      assert.deepEqual(joined, rowsOf(await store.all(windowedPatternSql(q, store.dialect))), `${by.join(',')} ${JSON.stringify(range)}`);
    }
  }
  // hand-checked: person a in bigtech15, 2018 (one hire, one the year before)
  const rows = await store.all<Record<string, unknown>>(joinedPatternSql({ metric: 'hires', by: ['cohort', 'year'], cohortSet }, store.dialect));
  const at = (cohort: string, year: number) => rows.filter((r) => r.cohort === cohort && Number(r.year) === year).map((r) => [Number(r.h0), Number(r.h1), Number(r.n)]).sort();
  // 2018 in bigtech15: a (hired, and in 2017) and e (hired, not in 2017)
  assert.deepEqual(at('bigtech15', 2018), [[1, 0, 1], [1, 1, 1]]);
  // 2019 in other: b twice (none in 2018); d and e once each, both hired in other in 2018 too
  assert.deepEqual(at('other', 2019), [[1, 1, 2], [2, 0, 1]]);
});
