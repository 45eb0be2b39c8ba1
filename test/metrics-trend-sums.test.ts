/**
 * Without intervals, trend reads one row of sums per cell (`TrendQuery.sums`) instead of every
 * per-person vector: the figures, people, suppression and notes must be those of the vector path
 * with its bounds taken away, on the metric suite's careers (boomerangs, moves, small cells).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectCohorts, trend, type TrendOptions, type TrendResult } from '../src/api.js';
import { trendSql } from '../src/metrics/trend-sql.js';
import { duckdbDialect } from '../src/engines/duckdb/index.js';
import { person, world } from './helpers/people.js';
import { metricsWorld } from './helpers/metric-cases.js';

/** The rows with the bootstrap's bounds taken away (the new-grad share's are Wilson's: kept). */
const withoutBounds = (r: TrendResult) =>
  r.rows.map((row) => ({
    ...row,
    figures: Object.fromEntries(Object.entries(row.figures).map(([f, e]) => [f, f === 'new_grad_share' ? e : { value: e.value, lo: null, hi: null }])),
  }));

test('trend without replicates sums each cell in the engine and prints what the vector path prints without bounds', async () => {
  const { store } = await world([
    ...metricsWorld(),
    person({ id: 'b', grad: '2010-06', jobs: [['Acme', 'Engineer', '2021-01', '2021-02'], ['Globex', 'Engineer', '2021-03', '2021-06'], ['Acme', 'Engineer', '2021-11', null]] }),
  ]);
  const cohorts = selectCohorts('bigtech15,mag7');
  const queries: TrendOptions[] = [
    { by: ['company'], grain: 'quarter', from: 2020, to: 2023 },
    { by: ['company'], grain: 'quarter', from: 2020, to: 2023, figures: ['departures', 'departures_yoy', 'attrition_rate'] },
    { by: ['cohort'], from: 2021, to: 2024, base: 2019, totals: true },
    { by: ['company'], from: 2018, to: 2025 },
    { grain: 'month', from: 2021, to: 2021 },
  ];
  let hidden = 0;
  for (const q of queries) {
    for (const minCell of [1, 3]) {
      const vectors = await trend(store, { ...q, minCell, bootstrap: { replicates: 20 } }, cohorts);
      const sums = await trend(store, { ...q, minCell, bootstrap: { replicates: 0 } }, cohorts);
      const what = `${JSON.stringify(q)}, k = ${minCell}`;
      assert.equal(sums.query.sums, true, what);
      assert.equal(vectors.query.sums, undefined, what);
      assert.ok(sums.rows.length > 0, what);
      assert.deepEqual(sums.rows, withoutBounds(vectors), what);
      assert.deepEqual(sums.notes, vectors.notes, what);
      hidden += sums.notes.filter((n) => n.includes('hidden')).length;
    }
  }
  assert.ok(hidden >= 3, `the comparison covers hidden cells (${hidden} notes)`);
  await store.close();
});

test('the sums form groups the vector rows by cell, and refuses weights', () => {
  const q = { metric: 'trend' as const, by: ['company' as const], grain: 'year' as const, from: 2020, to: 2022, filters: {} };
  const sql = trendSql(duckdbDialect, { ...q, sums: true });
  assert.match(sql, /sum\(n \* c9\)/);
  assert.match(sql, /GROUP BY g_company, p/);
  assert.doesNotMatch(trendSql(duckdbDialect, q), /sum\(n \* c0\)/);
  assert.throws(() => trendSql(duckdbDialect, { ...q, sums: true, weights: { by: 'soc_major', cells: { '15': 1.5 } } }), /no weights/);
});
