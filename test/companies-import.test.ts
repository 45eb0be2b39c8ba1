import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/api.js';
import { importCompanies } from '../src/store/company-import.js';
import { loadRegistry, registryVersions } from '../src/store/company-tables.js';
import { hireFacts, jsonl, person, world } from './helpers/people.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared/data/companies');
const have = existsSync(path.join(shared, 'yc_companies.jsonl'));

test('YC and S&P 500 import as new registry versions; S&P Alphabet merges into the shipped Alphabet', { skip: !have && 'shared data absent' }, async () => {
  const store = await openDatabase(':memory:');
  const yc = await importCompanies(store, path.join(shared, 'yc_companies.jsonl'), 'auto', '2025-06-30');
  assert.equal(yc.source, 'yc');
  assert.ok(yc.added > 5000, `added ${yc.added}`);
  const sp = await importCompanies(store, path.join(shared, 'constituents.csv'), 'auto', '2025-06-30');
  assert.equal(sp.source, 'sp500');
  assert.deepEqual((await registryVersions(store)).map((v) => [v.version, v.source]), [[1, 'builtin'], [2, 'yc'], [3, 'sp500']]);
  const reg = (await loadRegistry(store))!;
  const alphabet = reg.get('alphabet')!;
  assert.equal(alphabet.founded, 1998);
  assert.ok(['GOOGL', 'GOOG'].includes(alphabet.ticker!));
  assert.equal(reg.get('abbvie')?.founded, 1888, 'the predecessor year of "2013 (1888)"');
  assert.equal((await loadRegistry(store, 1))!.records.length, 70, 'old versions stay readable');
  await store.close();
});

test('a company file with problems imports nothing and names file, line and field', async () => {
  const store = await openDatabase(':memory:');
  const file = jsonl(['{"name": "Acme", "founded": "long ago"}', '{"name": "Globex", "parent": "Nobody Corp"}', 'not json'], 'bad.jsonl');
  await assert.rejects(importCompanies(store, file, 'file', '2025-06-30'), (e: Error) => {
    assert.match(e.message, /bad\.jsonl:1: founded "long ago" is not a year/);
    assert.match(e.message, /bad\.jsonl:3: invalid JSON/);
    assert.match(e.message, /bad\.jsonl:2: parent "Nobody Corp" is no company/);
    return true;
  });
  assert.equal((await registryVersions(store)).length, 1, 'only the shipped registry');
  await store.close();
});

test('importing companies re-resolves data already ingested', async () => {
  const { store } = await world([person({ id: 'a', grad: '2010-06', jobs: [['Globex Holdings', 'Engineer', '2020-01', null]], sites: { 'Globex Holdings': { website: 'https://globex.example' } } })]);
  assert.equal((await hireFacts(store))[0]?.company_id, 'n:globex holdings');
  await importCompanies(store, jsonl([{ id: 'globex', name: 'Globex', domains: ['globex.example'] }], 'c.jsonl'), 'file', '2025-06-30');
  assert.equal((await hireFacts(store))[0]?.company_id, 'globex');
  await store.close();
});

test('placeholder employers are no company: experience counts, no hire there', async () => {
  const { store } = await world([
    person({ id: 'a', grad: '2010-06', jobs: [['Self-employed', 'Consultant', '2011-01', '2013-01'], ['Acme', 'Engineer', '2013-01', null]] }),
    person({ id: 'b', grad: '2010-06', jobs: [['Stealth Startup', 'Founder', '2019-01', null]] }),
    person({ id: 'c', grad: '2010-06', jobs: [['Confidential', 'Engineer', '2020-01', null]] }),
    person({ id: 'd', grad: '2010-06', jobs: [['Freelance', 'Designer', '2021-01', null]] }),
  ]);
  const facts = await hireFacts(store);
  assert.deepEqual(facts.map((h) => [h.person_id.endsWith('a'), h.company_name, h.e_months]), [[true, 'Acme', 24]]);
  const [m] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM company_map WHERE matched_by = 'placeholder' AND company_id IS NULL");
  assert.equal(m?.n, 4);
  await store.close();
});
