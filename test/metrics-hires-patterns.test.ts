import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupedPatternSql, windowedPatternSql } from '../src/metrics/hires-stats.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import type { HireDim, HiresQuery } from '../src/metrics/hires.js';
import { selectCohorts } from '../src/api.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

test('the per-person hire vectors read with a window equal those grouped by person and year', async () => {
  const { store } = await world([
    // hired at one company in consecutive years, in years two apart, twice in one year, and once
    person({ id: 'a', grad: '2015-06', jobs: [['Acme', 'Engineer', '2017-01', '2017-03'], ['Acme', 'Engineer', '2018-02', '2018-04'], ['Acme', 'Engineer', '2020-01', null]] }),
    person({ id: 'b', grad: '2015-06', jobs: [['Globex', 'Engineer', '2019-01', '2019-02'], ['Globex', 'Manager', '2019-08', '2019-09'], ['Initech', 'Engineer', '2020-01', null]] }),
    person({ id: 'c', grad: '2019-06', jobs: [['Globex', 'Engineer', '2019-07', '2021-06'], ['Initech', 'Engineer', '2021-07', null]] }),
    person({ id: 'd', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-03', '2018-04'], ['Acme', 'Engineer', '2019-02', '2020-02']] }),
  ]);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const dims: HireDim[][] = [['year'], ['company', 'year'], ['cohort', 'year'], ['year', 'band', 'new_grad'], ['seniority', 'year']];
  for (const by of dims) {
    for (const range of [{}, { from: 2019, to: 2020 }]) {
      const q: HiresQuery = { metric: 'hires', by, cohortSet, ...range };
      const windowed = windowedPatternSql(q, store.dialect);
      assert.match(windowed, /lag\(year\) OVER/);
      const a = rowsOf(await store.all(windowed));
      assert.ok(a.length > 0, by.join(','));
      assert.deepEqual(a, rowsOf(await store.all(groupedPatternSql(q, store.dialect))), `${by.join(',')} ${JSON.stringify(range)}`);
    }
  }
});
