/**
 * One small-cell rule on every surface (DESIGN.md "Uncertainty", src/analyze/suppress-cells.ts):
 * the API, the report and the CLI hide the same cells of the same query. A hand-checked world,
 * k = 3, all in 2021 unless said:
 *
 * - `g1`, `g2`: new grads hired by Google in January, then by Meta in July: bigtech15 has 4
 *   hires in 2021 resting on 2 people (hidden at k = 3, though 4 ≥ 3), 2 new-grad hires (2
 *   people: hidden) and no 2–5-year hire (zero: shown).
 * - `n1`: a new grad hired by Acme Robotics in March; `e1`…`e4`: graduated 2015-06, Harbor
 *   Health from 2017-01 to 2020-12 (4 hires in 2017, none a new grad: the degree is 19 months
 *   old), then Acme Robotics in March 2021 with 47 months of experience (band 2-5). `other` has
 *   5 hires from 5 people in 2021, 1 of them a new grad.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { hiresWithStats, selectCohorts, type Store } from '../src/api.js';
import { headline } from '../src/metrics/headline.js';
import { headlineTable } from '../src/present/headline-table.js';
import { buildReport } from '../src/present/report/index.js';
import { createApp } from '../src/present/server/index.js';
import { person, world } from './helpers/people.js';

const cohorts = selectCohorts('bigtech15');
const k = 3;
let store: Store;
let app: Hono;

before(async () => {
  const people = [
    ...['g1', 'g2'].map((id) => person({ id, grad: '2020-06', jobs: [['Google', 'Software Engineer', '2021-01', '2021-03'], ['Meta', 'Software Engineer', '2021-07', null]] })),
    person({ id: 'n1', grad: '2020-12', jobs: [['Acme Robotics', 'Software Engineer', '2021-03', null]] }),
    ...['e1', 'e2', 'e3', 'e4'].map((id) => person({ id, grad: '2015-06', jobs: [['Harbor Health', 'Data Scientist', '2017-01', '2020-12'], ['Acme Robotics', 'Data Scientist', '2021-03', null]] })),
  ];
  store = (await world(people, '2025-06-30')).store;
  app = await createApp(store, { cohorts, minCell: 1, log: () => {} });
});

const api = async (path: string) => (await (await app.request(path)).json()) as { rows: Record<string, unknown>[]; notes: string[] };

test('the API hides the cohort-year `talentflow hires --min-cell 3` hides: 4 hires of 2 people', async () => {
  const body = await api(`/api/v1/hires?by=cohort,year&min_cell=${k}`);
  const cli = await hiresWithStats(store, { by: ['cohort', 'year'] }, cohorts, { minCell: k, bootstrap: { replicates: 0 } });
  const row = (cohort: string, year: number) => body.rows.find((r) => r.cohort === cohort && r.year === year);
  assert.deepEqual(row('bigtech15', 2021), { cohort: 'bigtech15', year: 2021, hires: null, yoy: null, prev_hires: null, suppressed: true });
  assert.deepEqual(row('other', 2021), { cohort: 'other', year: 2021, hires: 5, yoy: null, prev_hires: null, suppressed: false });
  assert.deepEqual(row('other', 2017), { cohort: 'other', year: 2017, hires: 4, yoy: null, prev_hires: null, suppressed: false });
  // row for row: what the CLI prints, the API prints; what the CLI leaves out, the API hides
  const shown = body.rows.filter((r) => !r.suppressed).map((r) => [r.cohort, r.year, r.hires]);
  assert.deepEqual(shown, cli.rows.map((r) => [r.cohort, r.year, r.hires]));
  assert.deepEqual(body.notes.filter((n) => n.includes('hidden')), cli.notes);
  assert.deepEqual(cli.notes, [`1 group with fewer than ${k} people hidden`]);
});

test('a share whose new grads are fewer than k is hidden with its complement; its n and a zero stay', async () => {
  const body = await api(`/api/v1/new_grad_share?min_cell=${k}`);
  const other = body.rows.find((r) => r.cohort === 'other' && r.year === 2021);
  // 1 new grad of 5 hires: printing n = 5 and the 4 others (or the share) would give the 1 back
  assert.deepEqual(other, { cohort: 'other', year: 2021, hires: 5, new_grad_hires: null, share: null, ci_lo: null, ci_hi: null, suppressed: true });
  // no new grad among 4 hires in 2017: zero reveals no one
  const zero = body.rows.find((r) => r.cohort === 'other' && r.year === 2017)!;
  assert.deepEqual([zero.hires, zero.new_grad_hires, zero.share, zero.suppressed], [4, 0, 0, false]);
  // 2 people (4 hires), 2 new grads: the whole row
  const big = body.rows.find((r) => r.cohort === 'bigtech15' && r.year === 2021)!;
  assert.deepEqual([big.hires, big.new_grad_hires, big.share, big.suppressed], [null, null, null, true]);
  // bigtech15 2021: n, new grads and the others (2 people each); other 2021: the new grad, then the others
  assert.equal(body.notes[0], `4 cells with fewer than ${k} people hidden, 1 more hidden so that totals do not reveal them`);
});

test('the headline metric hides small cells and shows zeros; the demo table and the report print its figures', async () => {
  const result = await headline(store, cohorts, { from: 2021, to: 2021, base: 2017, minCell: k });
  const at2021 = result.cells.filter((c) => c.year === 2021).map((c) => [c.cohort, c.group, c.hires]);
  assert.deepEqual(at2021, [
    ['bigtech15', 'new grad', null],
    ['bigtech15', '2-5 years', 0],
    ['other', 'new grad', null],
    ['other', '2-5 years', 4],
  ]);
  assert.equal(
    headlineTable(result),
    [
      'cohort     hires          2017       2021',
      '─────────  ─────────  ────────  ─────────',
      'bigtech15  new grad   0         <3',
      'bigtech15  2-5 years  0          0',
      'other      new grad   0         <3',
      'other      2-5 years  0          4',
      `note: 2 cells with fewer than ${k} people hidden`,
      '',
    ].join('\n'),
  );
  const report = await buildReport(store, { cohorts, now: '2025-07-01', to: 2021, base: 2017, minCell: k, sections: ['headline'] });
  const section = report.html.slice(report.html.indexOf('<section id="headline">'), report.html.indexOf('</section>'));
  const rows = [...section.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td class="num">(.*?)<\/td>/g)].map((m) => [m[1], m[2], m[3]!.includes('&lt;3') ? null : Number(m[3])]);
  assert.deepEqual(rows, [
    ['bigtech15', 'new-grad hires', null],
    ['bigtech15', '2–5-year hires', 0],
    ['other', 'new-grad hires', null],
    ['other', '2–5-year hires', 4],
  ]);
});
