import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flows, flowsSql, type FlowsQuery } from '../src/metrics/flows.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import { selectCohorts } from '../src/api.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

/**
 * The query with every departure taking the join with every spell of the person (the next-spell
 * shortcut off): the moves as they were defined before it.
 */
function everyDepartureJoined(sql: string): string {
  const hard = /coalesce\(a\.a_m >= [^\n]*?, true\)/g;
  assert.equal(sql.match(hard)?.length, 2, 'the shortcut test was found in both branches');
  return sql.replace(hard, 'true');
}

// each departure whose next spell is not simply the move (hand-checked moves in the comments)
const people = [
  // o1: a job at Initech held beside Acme is the next spell when Acme ends: Acme → Globex
  person({ id: 'o1', grad: '2010-06', jobs: [['Acme', 'Engineer', '2015-01', '2019-06'], ['Initech', 'Engineer', '2017-01', '2020-12'], ['Globex', 'Engineer', '2019-07', null]] }),
  // r1: back at Acme after 5 months, at Globex a month later: Acme → Globex (Acme's second spell ends with no move)
  person({ id: 'r1', grad: '2010-06', jobs: [['Acme', 'Engineer', '2016-01', '2019-03'], ['Acme', 'Engineer', '2019-08', '2019-12'], ['Globex', 'Engineer', '2019-09', null]] }),
  // s1: a one-month job at Acme while at Globex since the month before: Acme → Globex
  person({ id: 's1', grad: '2010-06', jobs: [['Globex', 'Engineer', '2019-04', null], ['Acme', 'Engineer', '2019-05', '2019-05']] }),
  // l1: the next job 8 months after: no move
  person({ id: 'l1', grad: '2010-06', jobs: [['Acme', 'Engineer', '2015-01', '2018-01'], ['Globex', 'Engineer', '2018-09', null]] }),
  // e1, e2: plain moves Globex → Initech and Initech → Acme
  person({ id: 'e1', grad: '2010-06', jobs: [['Globex', 'Engineer', '2014-01', '2018-04'], ['Initech', 'Engineer', '2018-06', null]] }),
  person({ id: 'e2', grad: '2010-06', jobs: [['Initech', 'Engineer', '2014-01', '2020-02'], ['Google', 'Engineer', '2019-01', '2019-12'], ['Acme', 'Engineer', '2020-02', null]] }),
];

test('the next spell gives the moves of joining every spell, where it is the move and where it is not', async () => {
  const { store } = await world(people);
  const all = await store.all<Record<string, unknown>>(flowsSql(store.dialect, { metric: 'flows', level: 'company', filters: {} }));
  const moves = all.map((r) => `${r.f}→${r.t} ${r.c}×${r.n}`).sort();
  // e2: Initech ends 2020-02 with Acme starting that month (Google's spell, next in order, started a year before);
  // Google ends 2019-12: Acme starts two months later
  assert.deepEqual(moves, ['Acme→Globex 1×3', 'Alphabet→Acme 1×1', 'Globex→Initech 1×1', 'Initech→Acme 1×1']);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const cases: FlowsQuery[] = [
    { metric: 'flows', level: 'company', filters: {} },
    { metric: 'flows', level: 'company', filters: { from: 2019, to: 2019 } },
    { metric: 'flows', level: 'company', filters: { company: ['Globex'] } },
    { metric: 'flows', level: 'cohort', filters: {}, cohortSet },
    { metric: 'flows', level: 'company', between: ['Acme', 'Globex'], filters: {} },
    { metric: 'flows', level: 'company', top: 2, minCell: 1, filters: {} },
  ];
  for (const q of cases) {
    const sql = flowsSql(store.dialect, q);
    const rows = rowsOf(await store.all(sql));
    assert.ok(rows.length > 0, JSON.stringify(q));
    assert.deepEqual(rows, rowsOf(await store.all(everyDepartureJoined(sql))), JSON.stringify(q));
  }
  const top = await flows(store, { top: 1, minCell: 1, bootstrap: { replicates: 0 } }, []);
  assert.deepEqual(top.rows.map((r) => [r.from, r.to, r.moves.value, r.people]), [['Acme', 'Globex', 3, 3]]);
});
