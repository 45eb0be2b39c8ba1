import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readerFor } from '../src/sources/index.js';
import { collect, jsonl, tmpFiles } from './fixtures/sources/helpers.js';

const read = readerFor('jsonresume');

const ada = {
  basics: {
    name: 'Ada Example',
    email: 'ada@example.org',
    location: { city: 'Lyon', countryCode: 'FR' },
    profiles: [{ network: 'LinkedIn', url: 'https://www.linkedin.com/in/Ada-Example/' }],
  },
  work: [
    { name: 'Acme Robotics', position: 'Engineer', url: 'https://www.acme-robotics.example', startDate: '2021-03' },
    { name: 'Globex', position: 'Intern', startDate: '2019-06-01', endDate: '2019-09-30' },
  ],
  education: [{ institution: 'Université Exemple', studyType: 'MSc', area: 'Robotics', startDate: '2018', endDate: '2020' }],
  meta: { lastModified: '2024-05-02T10:00:00Z' },
};

test('a resume becomes a profile keyed by its LinkedIn URL, with dates at source precision', async () => {
  const dir = tmpFiles({ 'ada.json': JSON.stringify(ada, null, 2) });
  const { profiles, rejects } = await collect(read(join(dir, 'ada.json')));
  assert.deepEqual(rejects, []);
  assert.deepEqual(profiles, [
    {
      id: 'linkedin.com/in/ada-example',
      linkedin_url: 'linkedin.com/in/ada-example',
      name: 'Ada Example',
      location: 'Lyon, FR',
      updated_at: '2024-05-02',
      positions: [
        { company: 'Acme Robotics', title: 'Engineer', start: '2021-03', end: null, current: true, location: null, company_domain: 'acme-robotics.example' },
        { company: 'Globex', title: 'Intern', start: '2019-06-01', end: '2019-09-30', current: false, location: null },
      ],
      education: [{ school: 'Université Exemple', degree: 'MSc, Robotics', start: '2018', end: '2020' }],
    },
  ]);
});

test('without a LinkedIn profile the id is the email, else file and record number', async () => {
  const noLinkedin = { basics: { email: 'bo@example.org' }, work: [] };
  const anonymous = { basics: { name: 'Cy' } };
  const dir = tmpFiles({ 'many.json': JSON.stringify([noLinkedin, anonymous]) });
  const { profiles } = await collect(read(join(dir, 'many.json')));
  assert.deepEqual(profiles.map((p) => p.id), ['bo@example.org', 'many.json#2']);
});

test('a JSONL file reads one resume per line and reports rejects at their line', async () => {
  const dir = tmpFiles({
    'r.jsonl': [
      JSON.stringify({ basics: { email: 'a@example.org' } }),
      '{"basics": {"email": "b@example.org"',
      '',
      '[1, 2]',
      JSON.stringify({ basics: { email: 'c@example.org' }, work: [{ name: 'Initech', startDate: '2023-13-45' }] }),
      JSON.stringify({ basics: { email: 'd@example.org' }, work: [{ name: 'Initech', startDate: '2022-05', endDate: '2021-01' }] }),
      JSON.stringify({ basics: { email: 'e@example.org' }, work: [{ name: 'Initech', startDate: 2021 }] }),
      JSON.stringify({ basics: { email: 'f@example.org' }, work: { name: 'Initech' } }),
    ].join('\n'),
  });
  const { profiles, rejects } = await collect(read(join(dir, 'r.jsonl')));
  assert.deepEqual(profiles.map((p) => p.id), ['a@example.org']);
  assert.deepEqual(
    rejects.map((r) => [r.line, r.reason, r.detail.split(':')[0]]),
    [
      [2, 'invalid_json', 'record 2'],
      [4, 'not_an_object', 'record 3'],
      [5, 'invalid_date', 'work[0].startDate'],
      [6, 'end_before_start', 'work[0].endDate'],
      [7, 'wrong_type', 'work[0].startDate'],
      [8, 'wrong_type', 'work'],
    ],
  );
  assert.match(rejects[2]!.detail, /2023-13-45/);
  assert.equal(rejects[0]!.raw, '{"basics": {"email": "b@example.org"');
});

test('a broken element inside a JSON array is rejected at its line while the others read', async () => {
  const text = `[\n  {"basics": {"email": "a@example.org"}},\n  {"basics": {"email": oops}},\n  {"basics": {"email": "c@example.org"}}\n]\n`;
  const dir = tmpFiles({ 'arr.json': text });
  const { profiles, rejects } = await collect(read(join(dir, 'arr.json')));
  assert.deepEqual(profiles.map((p) => p.id), ['a@example.org', 'c@example.org']);
  assert.deepEqual(rejects.map((r) => [r.line, r.reason]), [[3, 'invalid_json']]);
});

test('a gzipped JSONL file and a folder of resumes both read', async () => {
  const dir = tmpFiles({
    'in/a.jsonl.gz': jsonl({ basics: { email: 'a@example.org' } }, { basics: { email: 'b@example.org' } }),
    'in/b.json': JSON.stringify({ basics: { email: 'c@example.org' } }),
    'in/notes.txt': 'not read',
  });
  const { profiles } = await collect(read(join(dir, 'in')));
  assert.deepEqual(profiles.map((p) => p.id), ['a@example.org', 'b@example.org', 'c@example.org']);
});

test('a file that is not JSON at all is a user error, not a pile of rejects', async () => {
  const dir = tmpFiles({ 'x.json': 'name,company\nAda,Acme\n' });
  await assert.rejects(collect(read(join(dir, 'x.json'))), { name: 'UserError', code: 'wrong_format' });
  await assert.rejects(collect(read(join(dir, 'missing.json'))), { name: 'UserError', code: 'file_not_found' });
});
