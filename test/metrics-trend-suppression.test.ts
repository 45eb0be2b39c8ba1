import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trend } from '../src/metrics/trend.js';
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
