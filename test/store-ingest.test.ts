import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFiles, openDatabase } from '../src/api.js';
import { jsonl, person, world } from './helpers/people.js';

const good = (id: string, extra: Partial<Parameters<typeof person>[0]> = {}) =>
  person({ id, grad: '2019-06', jobs: [['Acme', 'Engineer', '2019-08', null]], ...extra });

// A file without blank lines is staged by the fast reader (read_json), one with a blank line by
// the line reader (read_csv + json_transform): both must judge every line the same way.
for (const blank of [false, true]) {
  test(`a record that cannot be read whole is quarantined with its line, reason and field (${blank ? 'line reader' : 'fast reader'})`, async () => {
    const lines = [
      good('a'),
      '{"id": "b", broken',
      '[1, 2]',
      JSON.stringify({ id: 'c', experience: 'none' }),
      JSON.stringify({ id: 'd', experience: [{ company: { name: 'Acme' }, start_date: '2023-13-45' }] }),
      JSON.stringify({ id: 'e', experience: [{ company: { name: 'Acme' }, start_date: '2022-05', end_date: '2021-01' }] }),
      JSON.stringify({ id: 'f', experience: [{ company: 'Acme', start_date: '2020' }] }),
      JSON.stringify({ full_name: 'No Id' }),
      good('g'),
    ];
    if (blank) lines.splice(8, 0, '');
    const { store, summary } = await world(lines);
    const rows = await store.all<{ line: number; reason: string; detail: string }>('SELECT line, reason, detail FROM quarantine ORDER BY line');
    assert.deepEqual(rows, [
      { line: 2, reason: 'invalid_json', detail: 'not valid JSON' },
      { line: 3, reason: 'not_an_object', detail: 'a JSON array, not an object' },
      { line: 4, reason: 'wrong_type', detail: 'experience: expected an array, got varchar' },
      { line: 5, reason: 'invalid_date', detail: 'experience[0].start_date: 2023-13-45' },
      { line: 6, reason: 'end_before_start', detail: 'experience[0]: ends 2021-01 before it starts 2022-05' },
      { line: 7, reason: 'wrong_type', detail: 'experience[0].company: expected an object' },
      { line: 8, reason: 'missing_id', detail: 'no id and no linkedin_url' },
    ]);
    assert.deepEqual([summary.records_read, summary.accepted, summary.quarantined, summary.blank_lines], [9, 2, 7, blank ? 1 : 0]);
    assert.deepEqual(summary.reasons, { invalid_json: 1, not_an_object: 1, wrong_type: 2, invalid_date: 1, end_before_start: 1, missing_id: 1 });
    const people = await store.all<{ person_id: string; line: number }>('SELECT person_id, line FROM people ORDER BY line');
    assert.deepEqual(people, [{ person_id: 'a', line: 1 }, { person_id: 'g', line: blank ? 10 : 9 }]);
    const raws = await store.all<{ line: number; raw: string | null }>('SELECT line, raw FROM quarantine WHERE line IN (2, 5) ORDER BY line');
    assert.deepEqual(raws, [{ line: 2, raw: '{"id": "b", broken' }, { line: 5, raw: null }]);
  });
}

test('the same person twice is one person, the newest record kept', async () => {
  const { store, summary } = await world([
    good('a', { updated: '2023-01-01', jobs: [['Acme', 'Engineer', '2019-08', null]] }),
    good('a', { updated: '2024-01-01', jobs: [['Acme', 'Engineer', '2019-08', '2023-06'], ['Globex', 'Engineer', '2023-09', null]] }),
    good('x1', { linkedin: 'https://www.linkedin.com/in/Same-Person/', updated: '2024-05-01' }),
    good('x2', { linkedin: 'linkedin.com/in/same-person', updated: '2022-05-01' }),
    good('z'),
  ]);
  assert.equal(summary.database.records, 5);
  assert.equal(summary.database.people, 3);
  assert.equal(summary.database.duplicates_merged, 2);
  const people = await store.all<{ person_id: string }>('SELECT person_id FROM people ORDER BY 1');
  assert.deepEqual(people.map((p) => p.person_id), ['a', 'x1', 'z']);
  const jobs = await store.all<{ n: number }>("SELECT count(*) AS n FROM positions WHERE person_id = 'a'");
  assert.equal(jobs[0]?.n, 2);
});

test('totals add up, and re-ingesting a file changes nothing', async () => {
  const file = jsonl([good('a'), good('b'), good('a'), 'nope', good('c')]);
  const store = await openDatabase(':memory:');
  const first = await ingestFiles(store, [file], { now: '2025-06-30' });
  assert.equal(first.records_read, first.accepted + first.quarantined);
  assert.equal(first.database.records, first.database.people + first.database.duplicates_merged);
  assert.equal(first.records_read, first.database.people + first.database.duplicates_merged + first.quarantined);
  const again = await ingestFiles(store, [file], { now: '2025-06-30' });
  assert.deepEqual(again.database, first.database);
});

test('gzip input is read like plain text', async () => {
  const lines = [good('a'), good('b')];
  const store = await openDatabase(':memory:');
  const s = await ingestFiles(store, [jsonl(lines, 'people.jsonl.gz')], { now: '2025-06-30' });
  assert.equal(s.files[0]?.format, 'pdl');
  assert.equal(s.database.people, 2);
  assert.equal(s.database.hires, 2);
});

test('canonical JSONL reads like PDL', async () => {
  const canonical = {
    id: 'c1',
    updated_at: '2025-01-01',
    positions: [{ company: 'Acme', title: 'Engineer', start: '2020-01', end: null, current: true }],
    education: [{ school: 'Springfield State', degree: 'BSc', start: '2015', end: '2019-06' }],
  };
  const store = await openDatabase(':memory:');
  const s = await ingestFiles(store, [jsonl([canonical, { ...canonical, id: 'c2', positions: [{ company: 'Acme', start: '2021', end: '2020' }] }])], { now: '2025-06-30' });
  assert.equal(s.files[0]?.format, 'canonical');
  assert.equal(s.accepted, 1);
  assert.deepEqual(s.reasons, { end_before_start: 1 });
});

test('a line that is not UTF-8 is quarantined and the lines after it keep their numbers', async () => {
  const file = jsonl([]);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(JSON.stringify(good('a')) + '\n'),
      Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from('{"id": "x", broken\n' + JSON.stringify(good('b')) + '\n'),
    ]),
  );
  const store = await openDatabase(':memory:');
  const s = await ingestFiles(store, [file], { format: 'pdl', now: '2025-06-30' });
  assert.deepEqual([s.records_read, s.accepted, s.quarantined, s.blank_lines], [4, 2, 2, 0]);
  const rows = await store.all<{ line: number; reason: string }>('SELECT line, reason FROM quarantine ORDER BY line');
  assert.deepEqual(rows, [{ line: 2, reason: 'invalid_encoding' }, { line: 3, reason: 'invalid_json' }]);
});

test('a file with a non-UTF-8 line, larger than the copy\u2019s write buffer, keeps every line apart', async () => {
  // the fallback copy writes past its buffer: every line must still end where it ended
  const file = jsonl([]);
  const { writeFileSync } = await import('node:fs');
  const people = Array.from({ length: 400 }, (_, i) => Buffer.from(JSON.stringify(good(`p${i}`)) + '\n'));
  writeFileSync(file, Buffer.concat([people[0]!, Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), ...people.slice(1)]));
  const store = await openDatabase(':memory:');
  const s = await ingestFiles(store, [file], { format: 'pdl', now: '2025-06-30' });
  assert.deepEqual([s.records_read, s.accepted, s.quarantined, s.reasons], [401, 400, 1, { invalid_encoding: 1 }]);
  const [last] = await store.all<{ line: number }>("SELECT line FROM people WHERE person_id = 'p399'");
  assert.equal(last?.line, 401);
  await store.close();
});

test('a line cut short does not take the next line down with it', async () => {
  const { summary, store } = await world([
    '{"id":"a","full_name":"x","experience":[{"company":{"name":"Acme"},"title":',
    JSON.stringify(good('b')),
    JSON.stringify(good('c')),
  ]);
  assert.deepEqual([summary.accepted, summary.quarantined, summary.reasons], [2, 1, { invalid_json: 1 }]);
  const hires = await store.all<{ person_id: string }>('SELECT person_id FROM hires ORDER BY 1');
  assert.deepEqual(hires.map((h) => h.person_id), ['b', 'c']);
});

test('a line longer than the line limit is quarantined; its neighbours are read', async () => {
  const { summary, store } = await world([good('a'), JSON.stringify({ ...good('b'), full_name: 'x'.repeat(5_000_000) }), good('c')]);
  assert.deepEqual([summary.accepted, summary.quarantined, summary.reasons], [2, 1, { line_too_long: 1 }]);
  const [q] = await store.all<{ line: number }>('SELECT line FROM quarantine');
  assert.equal(q?.line, 2);
});
