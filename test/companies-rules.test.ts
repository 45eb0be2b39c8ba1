import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { hires, selectCohorts } from '../src/api.js';
import { parseCohorts, ruleSpans, blankCompany, stageMatches } from '../src/resolve/index.js';
import { importCompanies } from '../src/store/company-import.js';
import { jsonl, person, world } from './helpers/people.js';

const hireAt = (id: string, company: string, start: string) => person({ id, grad: '2010-06', jobs: [[company, 'Engineer', start, null]] });
const RULE = 'startups:\n  where: {founded_within_years: 10, stage: [seed, series_a, series_b, series_c]}\n';

test('founded_within_years holds for the founding year and the N−1 years after', () => {
  const [c] = parseCohorts(RULE, 'x.yaml');
  const acme = { ...blankCompany('acme', 'Acme', 'file'), founded: 2015, stages: [{ stage: 'seed' as const, from_m: null }] };
  assert.deepEqual(ruleSpans(c!.where!, acme), [{ from_m: 2015 * 12, to_m: 2024 * 12 + 11 }]);
  assert.deepEqual(ruleSpans(c!.where!, { ...acme, founded: null }), [], 'an unknown founded year never matches');
});

test('dated stages bound the months: series_a from 2018-03 until series_d_plus in 2021-06', () => {
  const [c] = parseCohorts('s:\n  where: {stage: [series_a, series_b, series_c]}\n', 'x.yaml');
  const acme = { ...blankCompany('acme', 'Acme', 'file'), stages: [{ stage: 'series_a' as const, from_m: 2018 * 12 + 2 }, { stage: 'series_d_plus' as const, from_m: 2021 * 12 + 5 }] };
  assert.deepEqual(ruleSpans(c!.where!, acme), [{ from_m: 2018 * 12 + 2, to_m: 2021 * 12 + 4 }]);
  assert.ok(stageMatches('early', ['seed']) && stageMatches('seed', ['early']) && !stageMatches('public', ['seed', 'series_a']));
});

test('a rule cohort counts a hire only in the years the rule holds', async () => {
  const file = jsonl([], 'cohorts.yaml');
  writeFileSync(file, RULE);
  const companies = jsonl(
    [
      { name: 'Tiny Robots', founded: 2015, stage: 'series_a', domains: ['tinyrobots.example'] },
      { name: 'Old Mills', founded: 1950, stage: 'series_a' },
      { name: 'Big Listed', founded: 2016, stage: 'public', ticker: 'BIGL' },
    ],
    'companies.jsonl',
  );
  const { store } = await world([
    hireAt('a', 'Tiny Robots', '2016-04'),
    hireAt('b', 'Tiny Robots Inc.', '2025-02'),
    hireAt('c', 'Old Mills', '2016-04'),
    hireAt('d', 'Big Listed', '2020-01'),
  ]);
  const summary = await importCompanies(store, companies, 'auto', '2025-06-30');
  assert.equal(summary.source, 'file');
  assert.equal(summary.added, 3);
  const { rows } = await hires(store, { by: ['cohort', 'company', 'year'] }, selectCohorts(file));
  assert.deepEqual(rows.map((r) => [r.cohort, r.company, r.year, r.hires]), [
    ['other', 'Big Listed', 2020, 1],
    ['other', 'Old Mills', 2016, 1],
    ['other', 'Tiny Robots', 2025, 1],
    ['startups', 'Tiny Robots', 2016, 1],
  ]);
});

test('rule errors name the file, the key path and the line', () => {
  assert.throws(() => parseCohorts('s:\n  where:\n    stage: [seed, serie_a]\n', 'x.yaml'), (e: Error & { place?: { line?: number } }) => {
    assert.match(e.message, /x\.yaml: s\.where\.stage unknown stage "serie_a"/);
    assert.equal(e.place?.line, 3);
    return true;
  });
  assert.throws(() => parseCohorts('s:\n  where: {founded_within: 10}\n', 'x.yaml'), /s\.where\.founded_within unknown rule key/);
});
