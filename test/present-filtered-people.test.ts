/**
 * The people a filtered cell rests on are counted once each. A hand-checked world, k = 3, all
 * hired in 2021:
 *
 * - `d1`, `d2`: graduated 2015-06, hired by Google as Software Engineers in January and by Meta
 *   as Data Scientists in July: bigtech15 has 4 hires in 2021 resting on 2 people, one hire in
 *   engineering and one in data each.
 * - `n1`…`n3`: new grads hired by Initech in March (3 hires, 3 people: `other`).
 *
 * Filtered by `function=engineering,data`, a cell of cohort and year holds two finer cells per
 * person (one per function): the people are the distinct people of the cell (2), not the sum of
 * the finer cells' (4).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { selectCohorts, type Store } from '../src/api.js';
import { hiresWithPeople } from '../src/metrics/hire-people.js';
import { createApp } from '../src/present/server/index.js';
import { person, world } from './helpers/people.js';

const cohorts = selectCohorts('bigtech15');
let store: Store;
let app: Hono;

before(async () => {
  store = (
    await world([
      ...['d1', 'd2'].map((id) => person({ id, grad: '2015-06', jobs: [['Google', 'Software Engineer', '2021-01', '2021-03'], ['Meta', 'Data Scientist', '2021-07', null]] })),
      ...['n1', 'n2', 'n3'].map((id) => person({ id, grad: '2020-06', jobs: [['Initech', 'Software Engineer', '2021-03', null]] })),
    ])
  ).store;
  app = await createApp(store, { cohorts, minCell: 1, log: () => {} });
});

const api = async (path: string) => (await (await app.request(path)).json()) as { rows: Record<string, unknown>[]; notes: string[] };
const FILTER = 'function=engineering,data&min_cell=3';

test('filtered by two functions, 4 bigtech15 hires of 2 people are hidden as unfiltered', async () => {
  const unfiltered = await api('/api/v1/hires?by=cohort,year&min_cell=3');
  const filtered = await api(`/api/v1/hires?by=cohort,year&${FILTER}`);
  const big = (b: typeof filtered) => b.rows.find((r) => r.cohort === 'bigtech15' && r.year === 2021);
  assert.deepEqual(big(unfiltered), { cohort: 'bigtech15', year: 2021, hires: null, yoy: null, prev_hires: null, suppressed: true });
  assert.deepEqual(big(filtered), big(unfiltered), 'both functions kept: the same hires, the same 2 people');
  assert.deepEqual(filtered.notes.filter((n) => n.includes('hidden')), ['1 group with fewer than 3 people hidden']);
});

test('filtered by two functions, the new-grad share of 4 hires by 2 people is hidden, n with it', async () => {
  const body = await api(`/api/v1/new_grad_share?${FILTER}`);
  const big = body.rows.find((r) => r.cohort === 'bigtech15' && r.year === 2021);
  // n rests on 2 people, the others (not new grads) on the same 2: nothing of the row is printed
  assert.deepEqual(big, { cohort: 'bigtech15', year: 2021, hires: null, new_grad_hires: null, share: null, ci_lo: null, ci_hi: null, suppressed: true });
  const other = body.rows.find((r) => r.cohort === 'other' && r.year === 2021)!;
  assert.deepEqual([other.hires, other.new_grad_hires, other.share, other.suppressed], [3, 3, 1, false]);
});

test('hires with people counts a person once per cell among the hires the filter keeps', async () => {
  const { rows } = await hiresWithPeople(store, { by: ['cohort', 'year'], only: { function: ['engineering', 'data'] } }, cohorts);
  assert.deepEqual(rows.map((r) => [r.cohort, r.year, r.hires, r.people]).sort(), [['bigtech15', 2021, 4, 2], ['other', 2021, 3, 3]]);
  const { rows: data } = await hiresWithPeople(store, { by: ['cohort', 'year'], only: { function: ['data'], new_grad: [false] } }, cohorts);
  assert.deepEqual(data.map((r) => [r.cohort, r.year, r.hires, r.people]), [['bigtech15', 2021, 2, 2]]);
});
