import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { normalizeCompanyName } from '../src/resolve/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedData = path.resolve(repoRoot, '../shared/data');

test('case, punctuation and legal suffixes do not change the name key', () => {
  for (const raw of ['Apple Inc.', 'APPLE INC', 'Apple, Inc.', 'apple', 'Apple Incorporated', 'Apple Corp.']) {
    assert.equal(normalizeCompanyName(raw), 'apple', raw);
  }
});

test('international legal forms are dropped, dotted or not', () => {
  const cases: [string, string][] = [
    ['Acme L.L.C.', 'acme'], ['Acme LLC', 'acme'], ['Acme Ltd', 'acme'], ['Acme Limited', 'acme'],
    ['Acme Corporation', 'acme'], ['Acme Co.', 'acme'], ['Acme GmbH', 'acme'], ['Acme AG', 'acme'],
    ['Acme S.A.', 'acme'], ['Acme SAS', 'acme'], ['Acme B.V.', 'acme'], ['Acme N.V.', 'acme'],
    ['Acme PLC', 'acme'], ['Acme Pty Ltd', 'acme'], ['Acme S.p.A.', 'acme'], ['Acme K.K.', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'], ['Acme Private Limited', 'acme'], ['Acme Pvt. Ltd.', 'acme'],
    ['Acme S.A. de C.V.', 'acme'], ['Acme Sp. z o.o.', 'acme'],
  ];
  for (const [raw, key] of cases) assert.equal(normalizeCompanyName(raw), key, raw);
});

test('accents, ampersands and a leading The are normalized', () => {
  assert.equal(normalizeCompanyName('Société Générale'), 'societe generale');
  assert.equal(normalizeCompanyName('Ernst & Young'), normalizeCompanyName('Ernst and Young'));
  assert.equal(normalizeCompanyName('The Boston Consulting Group'), 'boston consulting group');
  assert.equal(normalizeCompanyName("McDonald's"), normalizeCompanyName('McDonalds'));
  assert.equal(normalizeCompanyName('A.T. Kearney'), normalizeCompanyName('AT Kearney'));
  assert.equal(normalizeCompanyName('Bain & Company'), 'bain');
});

test('trailing decorations are cut: acquisitions, abbreviations, employment type', () => {
  assert.equal(normalizeCompanyName('Acme (acquired by Initech)'), 'acme');
  assert.equal(normalizeCompanyName('Acme, acquired by Initech'), 'acme');
  assert.equal(normalizeCompanyName('Acme - formerly Widgets'), 'acme');
  assert.equal(normalizeCompanyName('Boston Consulting Group (BCG)'), 'boston consulting group');
  assert.equal(normalizeCompanyName('Acme Robotics · Full-time'), 'acme robotics');
  assert.equal(normalizeCompanyName('Amazon.com, Inc.'), 'amazon');
});

test('words that only look like decorations inside a name are kept', () => {
  assert.equal(normalizeCompanyName('Right Now Technologies'), 'right now technologies');
  assert.equal(normalizeCompanyName('Apollo.io'), 'apollo io');
  assert.equal(normalizeCompanyName('Limited Brands'), 'limited brands');
});

test('a name made only of a legal form keeps it; no letters gives an empty key', () => {
  assert.equal(normalizeCompanyName('The Limited'), 'limited');
  assert.equal(normalizeCompanyName('Inc.'), 'inc');
  assert.equal(normalizeCompanyName(' — '), '');
  assert.equal(normalizeCompanyName(null), '');
});

test('a shared prefix gives a different key', () => {
  assert.notEqual(normalizeCompanyName('Apple Leisure Group'), normalizeCompanyName('Apple'));
  assert.notEqual(normalizeCompanyName('Intel471'), normalizeCompanyName('Intel Corporation'));
  assert.equal(normalizeCompanyName('Intel Corporation'), 'intel');
});

const constituents = path.join(sharedData, 'companies/constituents.csv');
test('S&P 500 constituents keep distinct keys except share classes', { skip: !existsSync(constituents) && 'shared data absent' }, () => {
  const rows = readFileSync(constituents, 'utf8').trim().split('\n').slice(1);
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    const name = (/^[^,]*,("[^"]*"|[^,]*)/.exec(row)?.[1] ?? '').replace(/"/g, '');
    const key = normalizeCompanyName(name);
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  const merged = [...byKey.values()].filter((names) => names.length > 1);
  assert.ok(rows.length > 400);
  for (const names of merged) assert.ok(names.every((n) => /\(Class [A-C]\)/.test(n)), names.join(' | '));
});
