import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flows, flowsSql, type FlowsQuery } from '../src/metrics/flows.js';
import { ensureCohortMembers } from '../src/metrics/cohort-members.js';
import { selectCohorts } from '../src/api.js';
import type { Job } from './helpers/people.js';
import { person, world } from './helpers/people.js';
import { rowsOf } from './helpers/sql-rows.js';

/**
 * The moves as they were computed before: every departure joined with every spell of the
 * person (no next-spell shortcut), every column of the earliest hire by arg_min, the
 * departure's by any_value.
 */
function formerMoves(sql: string): string {
  const mv = /mv AS \(\n[\s\S]*?\n\)(?=, (mc|pairs) AS \()/;
  assert.match(sql, mv, 'the moves were found');
  const key = 'CAST(b.start_m AS BIGINT) * 100000 + b.hire_idx';
  return sql.replace(
    mv,
    `mv AS (
  SELECT a.pid, any_value(a.a_cid) AS a_cid, any_value(a.a_key) AS a_key, any_value(a.e) AS e,
         arg_min(b.cid, ${key}) FILTER (WHERE true) AS b_cid, arg_min(b.name_key, ${key}) FILTER (WHERE true) AS b_key, arg_min(b.start_m, ${key}) FILTER (WHERE true) AS b_m
  FROM a JOIN spells b ON b.pid = a.pid
  WHERE b.cid <> a.a_cid AND b.start_m BETWEEN a.e - 1 AND a.e + 6
  GROUP BY a.pid, a.ai
)`,
  );
}

/** The cohort lookup as it was: every company at the moves' ends looked up, a miss impossible. */
function formerLookup(sql: string): string {
  const lookup = /, mc AS \(\n[^\n]*\n[^\n]*\n\), cm AS \(\n([^\n]*)\n    SELECT x\.cid, x\.m, i\.company_id FROM \(\n[^\n]*\n[^\n]*\n    \) x\n    JOIN mc i ON i\.cid = x\.cid/;
  if (!lookup.test(sql)) return sql;
  return sql
    .replace(
      lookup,
      (_, select: string) => `, cm AS (
${select}
    SELECT x.cid, x.m, i.company_id FROM (SELECT a_cid AS cid, e AS m FROM mv UNION DISTINCT SELECT b_cid, b_m FROM mv) x
    JOIN (SELECT cid, any_value(company_id) AS company_id FROM spells GROUP BY cid) i ON i.cid = x.cid`,
    )
    .replaceAll(/nullif\((m[ab]\.cohort), ''\)/g, '$1');
}

const move = (from: string, to: string, year: number): Job[] => [
  [from, 'Engineer', `${year - 3}-01`, `${year}-03`],
  [to, 'Engineer', `${year}-05`, null],
];

// Acme→Globex 3 people (one of them twice, and back once), Globex→Initech 2, Google (named Alphabet,
// in bigtech15) → Acme 2, Acme→Initech 1, a move to two companies at once (the earliest wins) and
// one too late to count
const people = [
  person({ id: 'a1', grad: '2010-06', jobs: [['Acme', 'Engineer', '2011-01', '2014-03'], ['Globex', 'Engineer', '2014-04', '2016-12'], ['Acme', 'Engineer', '2017-06', '2019-02'], ['Globex', 'Manager', '2019-03', null]] }),
  person({ id: 'a2', grad: '2010-06', jobs: move('Acme', 'Globex', 2018) }),
  person({ id: 'a3', grad: '2010-06', jobs: move('Acme', 'Globex', 2020) }),
  person({ id: 'g1', grad: '2010-06', jobs: move('Globex', 'Initech', 2019) }),
  person({ id: 'g2', grad: '2010-06', jobs: [['Globex', 'Engineer', '2015-01', '2019-03'], ['Initech', 'Engineer', '2019-04', null], ['Google', 'Advisor', '2019-06', null]] }),
  person({ id: 'k1', grad: '2010-06', jobs: move('Google', 'Acme', 2019) }),
  person({ id: 'k2', grad: '2010-06', jobs: move('Google', 'Acme', 2021) }),
  person({ id: 'i1', grad: '2010-06', jobs: move('Acme', 'Initech', 2020) }),
  person({ id: 'x1', grad: '2010-06', jobs: [['Initech', 'Engineer', '2015-01', '2018-03'], ['Acme', 'Engineer', '2019-01', null]] }),
];

test('moves carrying only the columns their level reads, and cohorts looked up for member companies only, give the former rows', async () => {
  const { store } = await world(people);
  const cohortSet = await ensureCohortMembers(store, selectCohorts('bigtech15'));
  const cases: FlowsQuery[] = [
    { metric: 'flows', level: 'company', filters: {} },
    { metric: 'flows', level: 'company', filters: { from: 2019, to: 2020 } },
    { metric: 'flows', level: 'cohort', filters: {}, cohortSet },
    { metric: 'flows', level: 'cohort', filters: { company: ['globex'] }, cohortSet },
    { metric: 'flows', level: 'company', filters: { cohort: ['bigtech15'] }, cohortSet },
    { metric: 'flows', level: 'company', between: ['Acme', 'Globex'], filters: {} },
    { metric: 'flows', level: 'cohort', between: ['bigtech15', 'other'], filters: {}, cohortSet },
    { metric: 'flows', level: 'company', top: 2, minCell: 2, filters: {} },
  ];
  for (const q of cases) {
    const sql = flowsSql(store.dialect, q);
    const rows = rowsOf(await store.all(sql));
    assert.ok(rows.length > 0, JSON.stringify(q));
    assert.deepEqual(rows, rowsOf(await store.all(formerMoves(sql))), JSON.stringify(q));
    const former = formerLookup(formerMoves(sql));
    assert.equal(former === formerMoves(sql), q.level === 'company', 'the cohort level looks cohorts up');
    assert.deepEqual(rows, rowsOf(await store.all(former)), JSON.stringify(q));
  }
});

test('a top list reads the top pairs and the hidden count from the engine: the rows of ranking every pair', async () => {
  const { store } = await world(people);
  const all = await store.all<Record<string, unknown>>(flowsSql(store.dialect, { metric: 'flows', level: 'company', filters: {} }));
  const pairs = new Map<string, { people: number; moves: number }>();
  for (const r of all) {
    const p = pairs.get(`${r.f}→${r.t}`) ?? { people: 0, moves: 0 };
    p.people += Number(r.n);
    p.moves += Number(r.n) * Number(r.c);
    pairs.set(`${r.f}→${r.t}`, p);
  }
  // hand-checked: a1 moves Acme→Globex twice
  assert.deepEqual(Object.fromEntries(pairs), {
    'Acme→Globex': { people: 3, moves: 4 },
    'Globex→Initech': { people: 2, moves: 2 },
    'Alphabet→Acme': { people: 2, moves: 2 },
    'Globex→Acme': { people: 1, moves: 1 },
    'Acme→Initech': { people: 1, moves: 1 },
  });
  const boot = { replicates: 20 };
  const two = await flows(store, { top: 2, minCell: 2, bootstrap: boot }, []);
  // a tie at 2 moves is broken by name: Alphabet before Globex
  assert.deepEqual(two.rows.map((r) => [r.from, r.to, r.moves.value, r.people]), [['Acme', 'Globex', 4, 3], ['Alphabet', 'Acme', 2, 2]]);
  assert.deepEqual(two.notes, ['2 cells with fewer than 2 people hidden']);
  // the same pairs, intervals and note as the whole matrix ranked here (no totals: primary hiding only)
  const matrix = await flows(store, { top: 0, minCell: 1, bootstrap: boot }, []);
  const ranked = matrix.rows.filter((r) => r.people >= 2).sort((x, y) => y.moves.value! - x.moves.value! || x.from!.localeCompare(y.from!) || x.to!.localeCompare(y.to!));
  assert.deepEqual(two.rows, ranked.slice(0, 2));
  const wide = await flows(store, { top: 10, minCell: 2, bootstrap: boot }, []);
  assert.deepEqual(wide.rows, ranked);
  const none = await flows(store, { top: 5, minCell: 50, bootstrap: boot }, []);
  assert.deepEqual([none.rows, none.notes], [[], ['5 cells with fewer than 50 people hidden']]);
});
