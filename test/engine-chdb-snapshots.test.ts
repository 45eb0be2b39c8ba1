/**
 * Snapshots through the cluster path: a series of three synthetic snapshots ingested into chdb
 * through a worker whose database is kept in a state file (`ingest --engine clickhouse
 * --snapshot DATE --state FILE`) answers like the same series ingested on DuckDB after each
 * snapshot — change events, the nowcast, the per-person tables' row counts (a person's stale
 * rows left on the sink would show) and metrics read from them. The later snapshots derive
 * incrementally and ship only the people whose facts changed.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hires, ingestFiles, ingestToClickHouse, openDatabase, selectCohorts, trend, type SinkIngestSummary, type Store } from '../src/api.js';
import { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { dropFacts } from '../src/store/ship-facts.js';
import { listChanges, nowcastHires, type ChangeRow } from '../src/snapshots/index.js';
import { generateWorld, loadScenario, scenariosDir } from '../src/synth/index.js';
import { chdbSkip, hasChdb } from './helpers/chdb.js';
import { webhookReceiver } from './helpers/webhook-receiver.js';
import { cli } from './helpers/cli.js';
import { jsonl, person } from './helpers/people.js';

const SNAPSHOTS = ['2024-06-30', '2024-12-31', '2025-06-30'];
/** Per-person tables on the sink, with the snapshot tables. */
const PERSON_TABLES = ['people', 'positions', 'graduations', 'hires', 'spells', 'position_history', 'snap_records', 'changes'];
const cohorts = selectCohorts('bigtech15');
const dir = mkdtempSync(join(tmpdir(), 'tf-chdb-snapshots-'));
const url = `chdb:${join(dir, 'ch')}`;
const files = (d: string) => [join(dir, 'world', `snapshot-${d}`)];

interface Step {
  ship: SinkIngestSummary;
  /** People the worker's derive changed (`derive_touched`), and the hires of those whose rows
   *  it rebuilt (not only moved their update month): what an incremental ship replaces. */
  touched: { people: number; hires: number };
  /** What each engine answers after this snapshot. */
  duck: Answers;
  ch: Answers;
}
interface Answers {
  counts: Record<string, number>;
  changes: ChangeRow[];
  changesAtCohorts: ChangeRow[];
  hiresByYear: unknown[];
  headcount: unknown[];
  nowcast: unknown[] | string;
}
const steps: Step[] = [];

async function answers(store: Store): Promise<Answers> {
  const counts: Record<string, number> = {};
  for (const t of PERSON_TABLES) counts[t] = Number((await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  const nowcast = await nowcastHires(store, { by: ['year'], from: 2019, to: 2025 }, cohorts).then((r) => r.rows, (e: Error) => e.message);
  return {
    counts,
    changes: await listChanges(store),
    changesAtCohorts: await listChanges(store, { cohorts, since: '2024-07-01' }),
    hiresByYear: (await hires(store, { by: ['year'], from: 2015, to: 2025 }, cohorts)).rows,
    headcount: (await trend(store, { by: ['cohort'], from: 2019, to: 2024, minCell: 1, bootstrap: { replicates: 20 } }, cohorts)).rows,
    nowcast,
  };
}

const state = join(dir, 'state.duckdb');

async function touchedIn(path: string): Promise<Step['touched']> {
  const db = await openDatabase(path);
  try {
    if (!(await db.tableExists('derive_touched'))) return { people: -1, hires: -1 };
    const [row] = await db.all<{ people: number; hires: number }>(`SELECT (SELECT count(DISTINCT pid) FROM derive_touched) AS people,
      (SELECT count(*) FROM hires WHERE pid IN (SELECT pid FROM derive_touched WHERE whole)) AS hires`);
    return { people: Number(row!.people), hires: Number(row!.hires) };
  } finally {
    await db.close();
  }
}

before(async () => {
  if (!hasChdb) return;
  // half the profiles re-crawled per release: the rest repeat their line
  const scenario = loadScenario(join(scenariosDir(), 'default.yaml'));
  scenario.noise.recrawl = 0.5;
  await generateWorld({ people: 800, seed: 8, scenario, out: join(dir, 'world'), snapshots: SNAPSHOTS });
  const duck = await openDatabase(join(dir, 'duck.duckdb'), { threads: 2 });
  const ch = await ClickHouseStore.connect(url);
  try {
    await dropFacts(ch);
    for (const d of SNAPSHOTS) {
      await ingestFiles(duck, files(d), { now: d, snapshot: d });
      const ship = await ingestToClickHouse(ch, files(d), { now: d, snapshot: d, localDb: state, threads: 2 });
      steps.push({ ship, touched: await touchedIn(state), duck: await answers(duck), ch: await answers(ch) });
    }
  } finally {
    await ch.close();
    await duck.close();
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the first snapshot ships everything, the later ones derive incrementally and ship the people who changed', { skip: chdbSkip }, (t) => {
  assert.deepEqual(steps.map((s) => s.ship.ship), ['full', 'incremental', 'incremental']);
  const [first, second, third] = steps.map((s) => s.ship);
  for (const [i, s] of [second!, third!].entries()) {
    const inc = s.derive.incremental!;
    assert.ok(inc.rebuilt > 0 && inc.unchanged > 0, JSON.stringify(inc));
    // the rebuilt, the moved and those at a renamed company, no one else; a person whose update
    // month only moved ships people, positions and spells rows, no hires
    const touched = steps[i + 1]!.touched;
    assert.ok(touched.people >= inc.rebuilt + inc.as_of_updated && touched.people < first!.shipped.people!, JSON.stringify(touched));
    assert.deepEqual({ people: s.shipped.people, hires: s.shipped.hires }, touched);
    assert.equal(s.shipped.changes, s.changes!.added);
    assert.equal(s.duplicate_people, 0);
  }
  const personRows = (s: SinkIngestSummary) => PERSON_TABLES.slice(0, 6).reduce((n, t) => n + s.shipped[t]!, 0);
  for (const s of steps) t.diagnostic(JSON.stringify({ ship: s.ship.ship, ...s.ship.derive.incremental, person_rows: personRows(s.ship), ...s.ship.shipped }));
  for (const s of [second!, third!]) assert.ok(personRows(s) < personRows(first!), `per-person rows shipped: ${personRows(first!)} then ${personRows(s)}`);
  assert.equal(first!.shipped.snap_records, first!.shipped.people);
});

test('after each snapshot the sink holds the per-person rows DuckDB holds (no stale rows)', { skip: chdbSkip }, () => {
  for (const [i, s] of steps.entries()) assert.deepEqual(s.ch.counts, s.duck.counts, `after ${SNAPSHOTS[i]}`);
  assert.ok(steps[2]!.duck.counts.changes! > 100, `the series has events (${steps[2]!.duck.counts.changes})`);
});

test('changes (all, and at cohort companies since a date) equal DuckDB after each snapshot', { skip: chdbSkip }, () => {
  for (const [i, s] of steps.entries()) {
    assert.deepEqual(s.ch.changes, s.duck.changes, `after ${SNAPSHOTS[i]}`);
    assert.deepEqual(s.ch.changesAtCohorts, s.duck.changesAtCohorts, `after ${SNAPSHOTS[i]}`);
  }
  const atCohorts = steps[2]!.duck.changesAtCohorts;
  assert.ok(atCohorts.length > 0 && atCohorts.every((r) => r.cohorts === 'bigtech15'), `${atCohorts.length} events at bigtech15`);
});

test('hires --nowcast equals DuckDB from the second snapshot on', { skip: chdbSkip }, () => {
  assert.match(String(steps[0]!.ch.nowcast), /one snapshot tells nothing/);
  for (const s of steps.slice(1)) {
    assert.ok(Array.isArray(s.duck.nowcast) && s.duck.nowcast.length > 0);
    assert.deepEqual(s.ch.nowcast, s.duck.nowcast);
  }
});

test('hires by year and headcount equal DuckDB after each snapshot', { skip: chdbSkip }, () => {
  for (const [i, s] of steps.entries()) {
    assert.ok(s.duck.hiresByYear.length > 0 && s.duck.headcount.length > 0);
    assert.deepEqual(s.ch.hiresByYear, s.duck.hiresByYear, `after ${SNAPSHOTS[i]}`);
    assert.deepEqual(s.ch.headcount, s.duck.headcount, `after ${SNAPSHOTS[i]}`);
  }
});

test('ingest --engine clickhouse --snapshot needs --state, and --webhook posts the new events as on DuckDB', { skip: chdbSkip }, async () => {
  // a small series of its own: a new employer, a title change, a person first seen later
  const s1 = jsonl([
    person({ id: 'a', jobs: [['Acme', 'Engineer', '2021-03', null]], updated: '2024-06-01' }),
    person({ id: 'b', jobs: [['Beta', 'Analyst', '2020-01', null]], updated: '2024-06-01' }),
  ], 's1.jsonl');
  const s2 = jsonl([
    person({ id: 'a', jobs: [['Gamma', 'Engineer', '2024-10', null], ['Acme', 'Engineer', '2021-03', '2024-09']], updated: '2024-12-01' }),
    person({ id: 'b', jobs: [['Beta', 'Senior Analyst', '2020-01', null]], updated: '2024-12-01' }),
    person({ id: 'c', jobs: [['Acme', 'Manager', '2019-05', null]], updated: '2024-12-01' }),
  ], 's2.jsonl');
  const series: [string, string][] = [[s1, '2024-06-30'], [s2, '2024-12-31']];
  const duck = await openDatabase(':memory:');
  for (const [file, d] of series) await ingestFiles(duck, [file], { format: 'pdl', now: d, snapshot: d });
  const expected = await listChanges(duck);
  await duck.close();
  assert.deepEqual(expected.map((e) => [e.person_id, e.kind]), [['a', 'left'], ['a', 'started'], ['b', 'title_change']]);

  const sink = `chdb:${join(dir, 'cli-ch')}`;
  const missing = await cli('ingest', s1, '--snapshot', '2024-06-30', '--engine', 'clickhouse', '--url', sink);
  assert.equal(missing.code, 2, missing.err);
  assert.match(missing.err, /missing --state/);
  const receiver = await webhookReceiver<{ batch: number; events: ChangeRow[] }>();
  const { posts, url: hook } = receiver;
  const state = join(dir, 'cli-state.duckdb');
  try {
    for (const [file, d] of series) {
      const r = await cli('ingest', file, '--snapshot', d, '--as-of', d, '--state', state, '--webhook', hook, '--engine', 'clickhouse', '--url', sink, '--json');
      assert.equal(r.code, 0, r.err);
      assert.equal((JSON.parse(r.out) as { ship: string }).ship, d === '2024-06-30' ? 'full' : 'incremental');
    }
  } finally {
    receiver.close();
  }
  assert.deepEqual(posts.map((p) => p.batch), [1]);
  assert.deepEqual(posts[0]!.events, JSON.parse(JSON.stringify(expected)));
  const shown = await cli('changes', '--format', 'json', '--engine', 'clickhouse', '--url', sink);
  assert.equal(shown.code, 0, shown.err);
  assert.deepEqual(JSON.parse(shown.out), JSON.parse(JSON.stringify(expected)));
});
