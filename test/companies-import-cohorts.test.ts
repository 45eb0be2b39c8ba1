import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles, openDatabase } from '../src/api.js';
import { run as companiesCommand } from '../src/cli/commands/companies.js';
import { importCompanies } from '../src/store/company-import.js';
import { hireFacts, jsonl, person, tempDir } from './helpers/people.js';

const COHORTS = `payments:
  companies:
    - name: Globex Payments
      aliases: [PayGlobe]
`;

const people = [
  person({ id: 'a', grad: '2010-06', jobs: [['PayGlobe', 'Engineer', '2020-01', null]] }),
  person({ id: 'b', grad: '2010-06', jobs: [['Initrode Labs', 'Engineer', '2021-01', null]], sites: { 'Initrode Labs': { website: 'https://initrode.example' } } }),
];
const companyOf = async (store: Awaited<ReturnType<typeof openDatabase>>) => Object.fromEntries((await hireFacts(store)).map((h) => [h.person_id, h.company_name]));

test('a company import re-derives with the cohort files the data was ingested with, even after the file is gone', async () => {
  const store = await openDatabase(':memory:');
  const cohorts = jsonl([COHORTS], 'cohorts.yaml');
  await ingestFiles(store, [jsonl(people)], { format: 'pdl', now: '2025-06-30', cohortFiles: [cohorts] });
  assert.deepEqual(await companyOf(store), { a: 'Globex Payments', b: 'Initrode Labs' }, 'the alias resolves at ingest');
  rmSync(cohorts);
  await importCompanies(store, jsonl([{ id: 'initrode', name: 'Initrode', domains: ['initrode.example'] }], 'c.jsonl'), 'file', '2025-06-30');
  assert.deepEqual(await companyOf(store), { a: 'Globex Payments', b: 'Initrode' }, 'the import resolved b anew and kept the alias');
  await store.close();
});

test('the cohort files recorded are the latest ingest\'s: an ingest without them re-derives without them, and so does an import', async () => {
  const store = await openDatabase(':memory:');
  await ingestFiles(store, [jsonl(people)], { format: 'pdl', now: '2025-06-30', cohortFiles: [jsonl([COHORTS], 'cohorts.yaml')] });
  await ingestFiles(store, [jsonl([person({ id: 'c', grad: '2010-06', jobs: [['Acme', 'Engineer', '2022-01', null]] })])], { format: 'pdl', now: '2025-06-30' });
  assert.equal((await companyOf(store)).a, 'PayGlobe', 'the second ingest resolved without the cohort file');
  await importCompanies(store, jsonl([{ id: 'initrode', name: 'Initrode', domains: ['initrode.example'] }], 'c.jsonl'), 'file', '2025-06-30');
  assert.deepEqual(await companyOf(store), { a: 'PayGlobe', b: 'Initrode', c: 'Acme' });
  await store.close();
});

test('companies explain resolves with the cohorts the database was ingested with, unless --cohorts is given', async () => {
  const db = join(tempDir('tf-explain-'), 'w.duckdb');
  const store = await openDatabase(db);
  await ingestFiles(store, [jsonl(people)], { format: 'pdl', now: '2025-06-30', cohortFiles: [jsonl([COHORTS], 'cohorts.yaml')] });
  await store.close();
  const explain = async (...args: string[]) => {
    let text = '';
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => ((text += s), true)) as typeof process.stdout.write;
    try {
      assert.equal(await companiesCommand(['explain', 'PayGlobe', '--format', 'json', '--db', db, ...args]), 0);
    } finally {
      process.stdout.write = write;
    }
    return (JSON.parse(text) as { resolution: { company_name: string; matched_by: string } }).resolution;
  };
  assert.deepEqual(await explain(), { company_id: 'globex-payments', company_name: 'Globex Payments', matched_by: 'alias' });
  assert.equal((await explain('--cohorts', 'mag7')).matched_by, 'new');
});
