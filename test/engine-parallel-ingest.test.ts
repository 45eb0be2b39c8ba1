import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFiles, openDatabase, type Store } from '../src/api.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/store/read-inputs.js';
import { jsonl, person, tempDir } from './helpers/people.js';
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
  const b = await ingestFiles(two, inputs, { format: 'pdl', now, workers: 2 });
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
  await ingestFiles(store, inputs, { format: 'pdl', now, workers: 2 });
  const first = await dump(store);
  await ingestFiles(store, inputs, { format: 'pdl', now, workers: 3 });
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

test('a format read in TypeScript is converted on a worker thread, with the same rows and rejects', async () => {
  const dir = tempDir();
  const resume = (name: string, company: string) => ({
    basics: { name, profiles: [{ network: 'LinkedIn', url: `https://www.linkedin.com/in/${name.toLowerCase().replace(' ', '-')}/` }] },
    work: [{ name: company, position: 'Engineer', startDate: '2021-03' }, { name: 'Globex', position: 'Analyst', startDate: '2019-02', endDate: '2020-01' }],
    education: [{ institution: 'Example University', studyType: 'BSc', endDate: '2020-06' }],
  });
  writeFileSync(join(dir, 'ada.json'), JSON.stringify(resume('Ada Example', 'Acme')));
  writeFileSync(join(dir, 'bo.json'), JSON.stringify(resume('Bo Example', 'Nvidia')));
  writeFileSync(join(dir, 'more.jsonl'), [JSON.stringify(resume('Cy Example', 'Tesla')), '{"basics": {"name": "Di"}, "work": 5}', '{"basics": '].join('\n'));
  const inputs = [...files(), join(dir, 'ada.json'), join(dir, 'bo.json'), join(dir, 'more.jsonl')];
  const one = await openDatabase(':memory:', { threads: 1 });
  const a = await ingestFiles(one, inputs, { now });
  const two = await openDatabase(':memory:', { threads: 2 });
  const b = await ingestFiles(two, inputs, { now, workers: 2 });
  assert.deepEqual(a.files.map((f) => f.format).slice(-3), ['jsonresume', 'jsonresume', 'jsonresume']);
  assert.equal(a.quarantined, b.quarantined);
  assert.deepEqual([a.files.at(-1)!.accepted, a.files.at(-1)!.quarantined], [1, 2], 'a wrong type and a cut line quarantined');
  assert.deepEqual(await everything(two), await everything(one));
  // the engine's threads are back to what they were once the readers are done
  assert.deepEqual(await two.all("SELECT current_setting('threads') AS t"), [{ t: 2 }]);
  await one.close();
  await two.close();
});

test('readers write in input order; an input that fails stops the ones after it, and its error is the one thrown', async () => {
  const store = await openDatabase(':memory:', { threads: 2 });
  await store.run('CREATE TABLE order_log (k INTEGER)');
  const error = await readInputs(store, 5, 3, async (reader, k, turn) => {
    assert.notEqual(reader, store, 'each reader has its own connection');
    await new Promise((r) => setTimeout(r, (5 - k) * 15)); // later inputs finish staging first
    if (k === 2) throw new Error('input 2 is unreadable');
    await turn();
    await reader.run('INSERT INTO order_log VALUES ($k)', { k });
    return k;
  }).catch((e: Error) => e);
  assert.equal((error as Error).message, 'input 2 is unreadable');
  assert.deepEqual(await store.all('SELECT k FROM order_log'), [{ k: 0 }, { k: 1 }]);
  assert.deepEqual(await readInputs(store, 4, 2, async (_, k, turn) => (await turn(), k * 10)), [0, 10, 20, 30]);
  await store.close();
});
