import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFiles, openDatabase, type Store } from '../src/api.js';
import { ingestParallel } from '../src/store/parallel-ingest.js';
import { jsonl, person } from './helpers/people.js';
import { conformanceWorld } from './helpers/hires-conformance.js';

const now = '2025-06-30';
// the same people in several files: a duplicate across two workers' shares must still merge
const files = () => [
  jsonl(conformanceWorld(), 'a.jsonl'),
  jsonl([
    person({ id: 'dup', grad: '2020-06', jobs: [['Acme', 'Engineer', '2020-08', null], ['Globex', 'Engineer', '2021-02', null]], updated: '2025-03-01' }),
    person({ id: 'z1', grad: '2019-06', jobs: [['Nvidia', 'Engineer', '2019-08', null]] }),
    'not json',
  ], 'b.jsonl.gz'),
  jsonl([person({ id: 'z2', linkedin: 'linkedin.com/in/person-z1', grad: '2019-06', jobs: [['Tesla', 'Engineer', '2019-09', null]], updated: '2025-05-01' })], 'c.jsonl'),
];

/** Every table and view of the database, rows in a canonical order (`ingested_at` is the clock). */
async function everything(store: Store): Promise<Record<string, unknown[]>> {
  const tables = await store.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY name");
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = await store.all(`SELECT * ${name === 'files' ? 'EXCLUDE (ingested_at)' : ''} FROM ${name} ORDER BY ALL`);
  return out;
}

async function dump(store: Store): Promise<{ people: unknown[]; hires: unknown[]; quarantine: unknown[]; files: unknown[] }> {
  return {
    people: await store.all('SELECT * EXCLUDE (file_id) FROM people ORDER BY pid'),
    hires: await store.all('SELECT * FROM hires ORDER BY pid, idx'),
    quarantine: await store.all('SELECT * FROM quarantine ORDER BY file_id, line'),
    files: await store.all('SELECT * EXCLUDE (ingested_at) FROM files ORDER BY file_id'),
  };
}

test('--workers 2 gives the single-worker tables row for row, duplicates across shares merged', async () => {
  const inputs = files();
  const one = await openDatabase(':memory:', { threads: 1 });
  const a = await ingestFiles(one, inputs, { format: 'pdl', now });
  const two = await openDatabase(':memory:', { threads: 1 });
  const b = await ingestParallel(two, inputs, { format: 'pdl', now, workers: 2 });
  const [ta, tb] = [await everything(one), await everything(two)];
  assert.ok(ta.hires!.length > 10);
  for (const table of ['people', 'positions', 'graduations', 'stints', 'hires', 'spells', 'company_map', 'title_map', 'degree_map', 'place_map', 'positions_raw']) {
    assert.ok(ta[table]!.length > 0, `${table} has rows`);
  }
  assert.deepEqual(Object.keys(tb), Object.keys(ta));
  for (const table of Object.keys(ta)) assert.deepEqual(tb[table], ta[table], table);
  assert.deepEqual({ ...b, files: b.files.length }, { ...a, files: a.files.length });
  assert.equal(b.database.duplicates_merged, a.database.duplicates_merged);
  assert.ok(a.database.duplicates_merged >= 3, 'dup (two files), slugdup, z1/z2 by LinkedIn');
  await one.close();
  await two.close();
});

test('a re-ingest with workers replaces what the files contributed before', async () => {
  const inputs = files();
  const store = await openDatabase(':memory:', { threads: 1 });
  await ingestParallel(store, inputs, { format: 'pdl', now, workers: 2 });
  const first = await dump(store);
  await ingestParallel(store, inputs, { format: 'pdl', now, workers: 3 });
  const again = await dump(store);
  assert.deepEqual(again.hires.length, first.hires.length);
  assert.deepEqual(again.quarantine.length, first.quarantine.length);
  // three shards after a re-ingest: every table as one worker's ingest and re-ingest give
  const one = await openDatabase(':memory:', { threads: 1 });
  await ingestFiles(one, inputs, { format: 'pdl', now });
  await ingestFiles(one, inputs, { format: 'pdl', now });
  assert.deepEqual(await everything(store), await everything(one));
  await one.close();
  await store.close();
});
