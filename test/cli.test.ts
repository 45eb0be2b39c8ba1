import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from './helpers/cli.js';
import { jsonl, person, tempDir } from './helpers/people.js';

const dir = tempDir('tf-cli-');
const db = join(dir, 'cli.duckdb');
const file = jsonl([
  person({ id: 'a', grad: '2022-06', jobs: [['Google', 'Software Engineer', '2022-08', null]] }),
  person({ id: 'b', grad: '2021-06', jobs: [['Google', 'Software Engineer', '2021-08', null]] }),
  person({ id: 'b', grad: '2021-06', updated: '2020-01-01', jobs: [] }),
  '{"id": "c", oops',
]);

test('ingest --json prints one object whose numbers add up', async () => {
  const r = await cli('ingest', file, '--db', db, '--json', '--as-of', '2025-06-30');
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.deepEqual(
    [s.records_read, s.accepted, s.quarantined, s.people, s.duplicates_merged, s.positions, s.reasons],
    [4, 3, 1, 2, 1, 2, { invalid_json: 1 }],
  );
  assert.equal(s.records_read, s.people + s.duplicates_merged + s.quarantined);
});

test('hires --format json is an array of row objects with yoy', async () => {
  const r = await cli('hires', '--by', 'cohort,year,new_grad', '--cohorts', 'bigtech15', '--format', 'json', '--db', db);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), [
    { cohort: 'bigtech15', year: 2021, new_grad: true, hires: 1, yoy: null },
    { cohort: 'bigtech15', year: 2022, new_grad: true, hires: 1, yoy: 0 },
  ]);
});

test('the hires table shows each percentage next to its count', async () => {
  const r = await cli('hires', '--by', 'year', '--db', db);
  assert.match(r.out, /2022\s+1\s+\+0\.0%\s+1/);
});

test('quarantine lists file, line and reason', async () => {
  const r = await cli('quarantine', '--format', 'csv', '--db', db);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`${file.replaceAll('/', '\\/')},4,invalid_json,not valid JSON`));
});

test('usage errors exit 2 and name the problem; a missing database exits 1', async () => {
  assert.deepEqual(await cli('hires', '--by', 'city', '--db', db).then((r) => [r.code, r.err.split('\n')[0]]), [2, 'talentflow hires: unknown dimension: city']);
  assert.equal((await cli('nonsense')).code, 2);
  assert.equal((await cli('hires', '--db', join(dir, 'none.duckdb'))).code, 1);
  assert.equal((await cli('ingest', '--db', db)).code, 2);
  const missing = await cli('ingest', join(dir, 'nope.jsonl'), '--db', db);
  assert.deepEqual([missing.code, missing.err.split('\n')[0]], [1, `talentflow ingest: unknown file: ${join(dir, 'nope.jsonl')} (${join(dir, 'nope.jsonl')})`]);
});

test('demo generates, ingests and prints the headline table', async () => {
  const r = await cli('demo', '--people', '3000', '--out', join(dir, 'demo'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /bigtech15\s+new grad/);
  assert.match(r.out, /startups\s+2-5 years/);
  assert.match(r.out, /3,000 people after merging/);
});
