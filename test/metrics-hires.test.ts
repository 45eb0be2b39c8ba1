import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { hires, selectCohorts } from '../src/api.js';
import { hiresSql, parseDims } from '../src/metrics/hires.js';
import { jsonl, person, world } from './helpers/people.js';

const hireAt = (id: string, company: string, start: string, sites?: Record<string, { website?: string; linkedin?: string }>) =>
  person({ id, grad: '2010-06', jobs: [[company, 'Engineer', start, null]], sites });

test('"Apple Leisure Group" is not Apple, "Intel471" is not Intel', async () => {
  const { store } = await world([hireAt('a', 'Apple Leisure Group', '2021-03'), hireAt('b', 'Intel471', '2021-03'), hireAt('c', 'Apple Inc.', '2021-03')]);
  const { rows } = await hires(store, { by: ['cohort', 'company'] }, selectCohorts('bigtech15'));
  assert.deepEqual(
    rows.map((r) => [r.cohort, r.company, r.hires]),
    [
      ['bigtech15', 'Apple', 1],
      ['other', 'Apple Leisure Group', 1],
      ['other', 'Intel471', 1],
    ],
  );
});

test('Facebook in 2019 counts as Meta, by name, website or LinkedIn page', async () => {
  const { store } = await world([
    hireAt('a', 'Facebook', '2019-02'),
    hireAt('b', 'FB Inc', '2019-05', { 'FB Inc': { website: 'https://www.facebook.com' } }),
    hireAt('c', 'Facebook Ireland', '2019-07', { 'Facebook Ireland': { linkedin: 'https://www.linkedin.com/company/facebook/' } }),
    hireAt('d', 'Instagram', '2019-08'),
  ]);
  const { rows } = await hires(store, { by: ['cohort', 'company', 'year'] }, selectCohorts('bigtech15'));
  // Instagram is a registry company of its own that rolls up to Meta (from 2012-04): in Meta's cohorts, under its own name
  assert.deepEqual(rows.map((r) => [r.cohort, r.company, r.year, r.hires]), [['bigtech15', 'Instagram', 2019, 1], ['bigtech15', 'Meta', 2019, 3]]);
});

test('a company in two cohorts counts in both; a company in none counts as other', async () => {
  const { store } = await world([hireAt('a', 'Google', '2022-01'), hireAt('b', 'Netflix', '2022-01'), hireAt('c', 'Acme', '2022-01')]);
  const { rows } = await hires(store, { by: ['cohort'] }, selectCohorts('bigtech15,mag7'));
  assert.deepEqual(rows.map((r) => [r.cohort, r.hires]), [['bigtech15', 2], ['mag7', 1], ['other', 1]]);
  const total = await hires(store, { by: [] }, []);
  assert.equal(total.rows[0]?.hires, 3);
});

test('YoY is X_t / X_t−1 − 1 within the same group, null without a previous year', async () => {
  const people = [
    ...Array.from({ length: 4 }, (_, i) => hireAt(`a${i}`, 'Acme', '2022-03')),
    ...Array.from({ length: 3 }, (_, i) => hireAt(`b${i}`, 'Acme', '2023-03')),
    ...Array.from({ length: 6 }, (_, i) => hireAt(`c${i}`, 'Acme', '2024-03')),
  ];
  const { store } = await world(people);
  const { rows } = await hires(store, { by: ['year'], from: 2023 }, []);
  assert.deepEqual(rows.map((r) => [r.year, r.hires, r.yoy, r.prev_hires]), [
    [2023, 3, 3 / 4 - 1, 4],
    [2024, 6, 1, 3],
  ]);
  const all = await hires(store, { by: ['year'] }, []);
  assert.equal(all.rows[0]?.yoy, null);
});

test('a user cohort file selects companies by name, alias and domain', async () => {
  const file = jsonl([], 'cohorts.yaml');
  writeFileSync(file, 'startups:\n  version: "2024"\n  companies:\n    - name: Acme Robotics\n      aliases: [Acme Bots]\n    - name: Globex\n      domain: globex.io\n');
  const { store } = await world([
    hireAt('a', 'Acme Bots', '2021-01'),
    hireAt('b', 'Globex Corporation', '2021-01', { 'Globex Corporation': { website: 'globex.io' } }),
    hireAt('c', 'Acme', '2021-01'),
  ]);
  const { rows } = await hires(store, { by: ['cohort'] }, selectCohorts(`bigtech15,${file}`));
  assert.deepEqual(rows.map((r) => [r.cohort, r.hires]), [['other', 1], ['startups', 2]]);
});

test('the hires query is a plain object compiled to SQL', () => {
  const sql = hiresSql({ metric: 'hires', by: ['cohort', 'year'], from: 2020, to: 2024, cohortSet: 'abc' });
  assert.match(sql, /LEFT JOIN cohort_members m ON m.company_id = h.company_id AND m.cohort_set = 'abc'/);
  assert.match(sql, /h.year >= 2019 AND h.year <= 2024/);
  assert.doesNotMatch(hiresSql({ metric: 'hires', by: ['year'] }), /cohort_members/);
  assert.throws(() => parseDims('cohort,city'), /unknown dimension: city/);
});

test('hires by metro and country follow the position location, else the profile location', async () => {
  const at = (id: string, profile: string, job?: string) => {
    const p = person({ id, grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-02', null]] });
    p.location_name = profile;
    if (job) (p.experience as { location_names: string[] }[])[0]!.location_names = [job];
    return p;
  };
  const { store } = await world([
    at('a', 'san francisco, california, united states'),
    at('b', 'oakland, california, united states'),
    at('c', 'san francisco, california, united states', 'london, england, united kingdom'),
    at('d', 'nowhere in particular'),
  ]);
  const { rows } = await hires(store, { by: ['metro', 'country'] }, []);
  assert.deepEqual(rows.map((r) => [r.metro, r.country, r.hires]), [
    ['Greater London', 'GB', 1],
    ['San Francisco Bay Area', 'US', 2],
    [null, null, 1],
  ]);
});
