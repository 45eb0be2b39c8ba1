import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trend } from '../src/metrics/trend.js';
import { measuresRead } from '../src/metrics/trend-measures.js';
import { person, world } from './helpers/people.js';

/** `n` new-grad hires (graduated 2020-06, hired 2021-01) and `m` other hires (graduated 2010,
 *  hired 2021-03) at `company`. */
function hiredIn2021(company: string, n: number, m: number): Record<string, unknown>[] {
  return [
    ...Array.from({ length: n }, (_, i) => person({ id: `${company}-g${i}`, grad: '2020-06', jobs: [[company, 'Engineer', '2021-01', null]] })),
    ...Array.from({ length: m }, (_, i) => person({ id: `${company}-x${i}`, grad: '2010-06', jobs: [[company, 'Engineer', '2021-03', null]] })),
  ];
}

const FIGURES = ['hires', 'new_grad_hires', 'new_grad_share'] as const;
const shown = (r: { figures: Record<string, { value: number | null }> }) => FIGURES.map((f) => r.figures[f]!.value);

test('a new-grad share whose other hires are under k people is hidden, with the new-grad count', async () => {
  // 10 new grads and 3 others: hires − new-grad hires would print the 3
  const { store } = await world([...hiredIn2021('Acme', 10, 3)]);
  const r = await trend(store, { from: 2021, to: 2021, minCell: 10, figures: FIGURES }, []);
  assert.deepEqual(r.rows.map(shown), [[13, null, null]]);
  assert.deepEqual(r.rows[0]!.people.new_grad_hires, null);
  assert.deepEqual(r.notes, ['1 cell with fewer than 10 people hidden, 1 more hidden so that totals do not reveal them']);
  await store.close();
});

test('with 10 others the share is shown; with 3 new grads it is hidden as before', async () => {
  const even = await world([...hiredIn2021('Acme', 10, 10)]);
  assert.deepEqual((await trend(even.store, { from: 2021, to: 2021, minCell: 10, figures: FIGURES }, [])).rows.map(shown), [[20, 10, 0.5]]);
  await even.store.close();
  const few = await world([...hiredIn2021('Acme', 3, 10)]);
  assert.deepEqual((await trend(few.store, { from: 2021, to: 2021, minCell: 10, figures: FIGURES }, [])).rows.map(shown), [[13, null, null]]);
  await few.store.close();
});

test('by company with totals: the hidden new-grad count of one company hides the other\'s too, and the total keeps its share', async () => {
  // Acme 10 new grads + 3 others, Globex 12 + 12; total 22 + 15 = 37. Acme's others (3) hide
  // Acme's new grads; the column total of new grads (22) would give them back, so Globex's hide too
  const { store } = await world([...hiredIn2021('Acme', 10, 3), ...hiredIn2021('Globex', 12, 12)]);
  const r = await trend(store, { by: ['company'], totals: true, from: 2021, to: 2021, minCell: 10, figures: FIGURES }, []);
  const rows = r.rows.map((x) => [x.total ? 'total' : x.group.company, ...shown(x)]);
  assert.deepEqual(rows, [['Acme', 13, null, null], ['Globex', 24, null, null], ['total', 37, 22, 22 / 37]]);
  const share = r.rows[2]!.figures.new_grad_share;
  // Wilson 95%: centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.96
  assert.ok(Math.abs(share.lo! - 0.43486) < 1e-4 && Math.abs(share.hi! - 0.73653) < 1e-4, `${share.lo} ${share.hi}`);
  await store.close();
});

const DEPARTURES = ['departures', 'departures_yoy', 'attrition_rate'] as const;

test('a departures run plans and reports only the counts it prints: 3 hires hidden elsewhere are not its cells', async () => {
  // Acme in 2021: 12 of 24 people leave in June, 3 are hired in March (3 hires, none a new grad's)
  const { store } = await world([
    ...Array.from({ length: 12 }, (_, i) => person({ id: `l${i}`, grad: '2010-06', jobs: [['Acme', 'Engineer', '2015-01', '2021-06']] })),
    ...Array.from({ length: 12 }, (_, i) => person({ id: `s${i}`, grad: '2010-06', jobs: [['Acme', 'Engineer', '2015-01', null]] })),
    ...hiredIn2021('Acme', 0, 3),
  ]);
  const departures = await trend(store, { from: 2021, to: 2021, minCell: 10, bootstrap: { replicates: 0 }, figures: DEPARTURES }, []);
  const [row] = departures.rows;
  assert.deepEqual(DEPARTURES.map((f) => row!.figures[f].value), [12, null, 12 / 24]);
  assert.deepEqual(departures.notes, [], 'no departures figure rests on a small count');
  assert.deepEqual(row!.people, { hires: null, new_grad_hires: null, departures: 12, headcount: null, headcount_start: 24 }, 'counts not planned are not given');
  // the headcount run prints the hires: the 3 are hidden there, with the others of the share
  const all = await trend(store, { from: 2021, to: 2021, minCell: 10, bootstrap: { replicates: 0 } }, []);
  assert.equal(all.rows[0]!.figures.hires.value, null);
  assert.deepEqual(all.notes, ['2 cells with fewer than 10 people hidden, 1 total hidden']);
  await store.close();
});

test('the measures a set of figures reads', () => {
  const depends = { departures: ['departures'], departures_yoy: ['departures', 'departures_prev'], attrition_rate: ['departures', 'headcount_start'], new_grad_share: ['hires', 'new_grad_hires'] };
  assert.deepEqual(measuresRead(['attrition_rate', 'departures_yoy'], depends), ['departures', 'headcount_start']);
  assert.deepEqual(measuresRead(['new_grad_share'], depends), ['hires', 'new_grad_hires']);
  assert.deepEqual(measuresRead([], depends), []);
});
