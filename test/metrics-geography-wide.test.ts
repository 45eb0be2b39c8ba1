import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandedGeographySql, geographySql, type GeographyQuery } from '../src/metrics/geography.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

test('the per-person wide geography query returns the rows of the expanded one', async () => {
  const located = (p: ReturnType<typeof person>, places: string[]) => {
    (p.experience as { location_names: string[] }[]).forEach((x, i) => (x.location_names = places[i] ? [places[i]!] : []));
    return p;
  };
  const { store } = await world([
    located(person({ id: 'm', grad: '2015-06', jobs: [['Acme', 'Engineer', '2018-01', '2020-06'], ['Globex', 'Engineer', '2020-07', null]] }), ['Greater London', 'San Francisco Bay Area']),
    person({ id: 's', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-01', null]] }),
    // back and forth, a gap year (no place at a period end), and two spells held at once
    located(person({ id: 'b', grad: '2012-06', jobs: [['Acme', 'Engineer', '2016-03', '2018-11'], ['Globex', 'Engineer', '2019-02', '2019-12'], ['Initech', 'Manager', '2021-01', null]] }), ['San Francisco Bay Area', 'Greater London', 'San Francisco Bay Area']),
    located(person({ id: 'o', grad: '2014-06', jobs: [['Acme', 'Engineer', '2017-01', '2021-06'], ['Globex', 'Advisor', '2019-05', '2020-02']] }), ['Greater London', 'San Francisco Bay Area']),
    located(person({ id: 'u', grad: '2016-06', jobs: [['Acme', 'Engineer', '2017-01', '2019-03'], ['Globex', 'Engineer', '2019-04', null]] }), ['', 'Greater London']),
  ]);
  const d = store.dialect;
  let compared = 0;
  for (const level of ['metro', 'country'] as const) {
    for (const filters of [{}, { metro: ['Greater London'] }]) {
      const q: GeographyQuery = { metric: 'geography', level, grain: 'year', from: 2018, to: 2022, filters };
      const wide = geographySql(d, q);
      assert.match(wide, /u AS \(/, 'years take the wide form');
      const a = rowsOf(await store.all(wide));
      assert.deepEqual(a, rowsOf(await store.all(expandedGeographySql(d, q))), `${level} ${JSON.stringify(filters)}`);
      if (a.length > 0) compared++;
    }
  }
  assert.equal(compared, 4, 'every case has rows');
});
