import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFiles, openDatabase, type Store } from '../src/api.js';
import { jsonl, person } from './helpers/people.js';

const at = (o: Record<string, unknown>, extra: Record<string, unknown>) => ({ ...o, ...extra });

/** Two snapshots of five invented people. */
function snapshots() {
  const s1 = [
    person({ id: 'a', jobs: [['Acme Corp', 'Engineer', '2021-03', null]], grad: '2020-06', updated: '2024-06-01' }),
    person({ id: 'b', jobs: [['Gamma LLC', 'Analyst', '2020', null]], updated: '2024-06-01' }),
    person({ id: 'c', jobs: [['Eps Labs', 'Designer', '2022-02', null], ['Delta Inc', 'Drafter', '2019-01', '2022-01']], updated: '2024-06-01' }),
    at(person({ id: 'e', jobs: [['Zeta', 'Chemist', '2018-01', null]], grad: '2017-06', updated: '2024-06-01' }), { location_name: 'austin, texas, united states' }),
  ];
  const s2 = [
    person({ id: 'a', jobs: [['Beta Co', 'Staff Engineer', '2024-09', null], ['Acme Corp', 'Engineer', '2021-03', '2024-08']], grad: '2020-06', updated: '2024-12-01' }),
    person({ id: 'b', jobs: [['Gamma LLC', 'Senior Analyst', '2020-04', null]], updated: '2024-12-01' }),
    person({ id: 'c', jobs: [['Eps Labs', 'Designer', '2022-02', null]], updated: '2024-12-01' }),
    person({ id: 'd', jobs: [['Omega', 'Clerk', '2023-01', null]], updated: '2024-12-01' }),
    at(person({ id: 'e', jobs: [['Zeta', 'Chemist', '2018-01', null]], grad: '2017-06', degrees: [['masters', '2024-09', null]], updated: '2024-12-01' }), { location_name: 'boston, massachusetts, united states' }),
  ];
  return { s1: jsonl(s1, 's1.jsonl'), s2: jsonl(s2, 's2.jsonl') };
}

async function ingested(): Promise<{ store: Store; files: { s1: string; s2: string } }> {
  const store = await openDatabase(':memory:', { threads: 2 });
  const files = snapshots();
  await ingestFiles(store, [files.s1], { format: 'pdl', now: '2024-06-30', snapshot: '2024-06-30' });
  await ingestFiles(store, [files.s2], { format: 'pdl', now: '2024-12-31', snapshot: '2024-12-31' });
  return { store, files };
}

const events = (store: Store) =>
  store.all<{ person_id: string; kind: string; company_name: string | null; move: string | null; title: string | null; prev_title: string | null; snapshot: string }>(
    'SELECT person_id, kind, company_name, move, title, prev_title, snapshot FROM changes ORDER BY person_id, kind',
  );

test('a job change between snapshots is a left and a started event, first seen in the later snapshot', async () => {
  const { store } = await ingested();
  const a = (await events(store)).filter((e) => e.person_id === 'a');
  assert.deepEqual(a.map((e) => [e.kind, e.company_name, e.move, e.snapshot]), [
    ['left', 'Acme Corp', null, '2024-12-31'],
    ['started', 'Beta Co', 'new_employer', '2024-12-31'],
  ]);
  await store.close();
});

test('a year-only start that gains its month is the same position: a title change, not a new job', async () => {
  const { store } = await ingested();
  const b = (await events(store)).filter((e) => e.person_id === 'b');
  assert.deepEqual(b.map((e) => [e.kind, e.prev_title, e.title]), [['title_change', 'Analyst', 'Senior Analyst']]);
  const [n] = await store.all<{ n: number }>("SELECT count(*) AS n FROM position_history h JOIN people p ON p.pid = h.pid WHERE p.person_id = 'b'");
  assert.equal(n?.n, 1);
  await store.close();
});

test('a position that disappears from a later snapshot is kept and flagged, and still counts as a hire', async () => {
  const { store } = await ingested();
  const rows = await store.all<{ company_name: string; disappeared: boolean }>(
    "SELECT h.company_name, h.disappeared FROM position_history h JOIN people p ON p.pid = h.pid WHERE p.person_id = 'c' ORDER BY 1",
  );
  assert.deepEqual(rows.map((r) => [r.company_name, r.disappeared]), [['Delta Inc', true], ['Eps Labs', false]]);
  const hires = await store.all<{ company_name: string }>("SELECT company_name FROM hires WHERE person_id = 'c' ORDER BY 1");
  assert.deepEqual(hires.map((h) => h.company_name), ['Delta Inc', 'Eps Labs']);
  assert.equal((await events(store)).filter((e) => e.person_id === 'c').length, 0);
  await store.close();
});

test('a person first seen in a later snapshot has no events; location and degree changes are events', async () => {
  const { store } = await ingested();
  const all = await events(store);
  assert.equal(all.filter((e) => e.person_id === 'd').length, 0);
  assert.deepEqual(all.filter((e) => e.person_id === 'e').map((e) => e.kind), ['education_added', 'location_change']);
  await store.close();
});

test('re-ingesting the same snapshot creates no events', async () => {
  const { store, files } = await ingested();
  const before = await events(store);
  const again = await ingestFiles(store, [files.s2], { format: 'pdl', now: '2024-12-31', snapshot: '2024-12-31' });
  assert.equal(again.changes?.added, 0);
  assert.equal(again.changes?.removed, 0);
  assert.deepEqual(await events(store), before);
  await store.close();
});

test('the newest snapshot wins a conflict: the ended position carries the later end date', async () => {
  const { store } = await ingested();
  const [acme] = await store.all<{ end: string }>(
    "SELECT printf('%04d-%02d', end_m // 12, end_m % 12 + 1) AS end FROM positions WHERE person_id = 'a' AND company_name = 'Acme Corp'",
  );
  assert.equal(acme?.end, '2024-08');
  await store.close();
});

test('the same path as another snapshot is refused', async () => {
  const { store, files } = await ingested();
  await assert.rejects(ingestFiles(store, [files.s1], { format: 'pdl', now: '2025-01-31', snapshot: '2025-01-31' }), /invalid --snapshot/);
  await store.close();
});

test('the API serves the change feed, filtered by kind', async () => {
  const { createApp } = await import('../src/present/server/index.js');
  const { store } = await ingested();
  const app = await createApp(store, { cohorts: [], log: () => {} });
  const res = await app.request('/api/v1/changes?kind=started&since=2024-12-31');
  assert.equal(res.status, 200);
  const body = (await res.json()) as { rows: { person_id: string; kind: string; company: string }[] };
  assert.deepEqual(body.rows.map((r) => [r.person_id, r.kind, r.company]), [['a', 'started', 'Beta Co']]);
  assert.equal((await app.request('/api/v1/changes?kind=hired')).status, 400);
  await store.close();
});

test('ingest --engine clickhouse refuses --snapshot without --state rather than dropping it', async () => {
  const { cli } = await import('./helpers/cli.js');
  const file = jsonl([person({ id: 'a', jobs: [['Acme Corp', 'Engineer', '2021-03', null]] })]);
  const r = await cli('ingest', file, '--snapshot', '2024-06-30', '--engine', 'clickhouse', '--url', 'chdb:');
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /missing --state/);
});
