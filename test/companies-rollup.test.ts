import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { hires, selectCohorts } from '../src/api.js';
import { hireFacts, jsonl, person, world } from './helpers/people.js';

const hireAt = (id: string, company: string, start: string) => person({ id, grad: '2010-06', jobs: [[company, 'Engineer', start, null]] });

test('point-in-time: a GitHub hire counts as bigtech15 only from the acquisition month (2018-10)', async () => {
  const { store } = await world([hireAt('a', 'GitHub', '2017-05'), hireAt('b', 'GitHub', '2018-09'), hireAt('c', 'GitHub', '2018-10'), hireAt('d', 'GitHub, Inc.', '2019-03')]);
  const { rows } = await hires(store, { by: ['cohort', 'year'] }, selectCohorts('bigtech15'));
  assert.deepEqual(rows.map((r) => [r.cohort, r.year, r.hires]), [['bigtech15', 2018, 1], ['bigtech15', 2019, 1], ['other', 2017, 1], ['other', 2018, 1]]);
});

test('pro-forma: the same GitHub hires all count as bigtech15', async () => {
  const { store } = await world([hireAt('a', 'GitHub', '2017-05'), hireAt('b', 'GitHub', '2018-09'), hireAt('c', 'GitHub', '2019-03')]);
  const { rows } = await hires(store, { by: ['cohort'] }, selectCohorts('bigtech15', 'pro-forma'));
  assert.deepEqual(rows.map((r) => [r.cohort, r.hires]), [['bigtech15', 3]]);
});

test('Instagram before 2012-04 is not Meta; DeepMind from 2014-01 is Alphabet; the parent itself always is', async () => {
  const { store } = await world([
    hireAt('a', 'Instagram', '2011-06'),
    hireAt('b', 'Instagram', '2013-01'),
    hireAt('c', 'DeepMind Ltd', '2013-12'),
    hireAt('d', 'Google DeepMind', '2014-01'),
    hireAt('e', 'Microsoft', '2010-01'),
  ]);
  const { rows } = await hires(store, { by: ['cohort', 'company'] }, selectCohorts('mag7'));
  assert.deepEqual(rows.map((r) => [r.cohort, r.company, r.hires]), [
    ['mag7', 'DeepMind', 1],
    ['mag7', 'Instagram', 1],
    ['mag7', 'Microsoft', 1],
    ['other', 'DeepMind', 1],
    ['other', 'Instagram', 1],
  ]);
});

test('a cohort listing the subsidiary itself holds it in every month', async () => {
  const file = jsonl([], 'devtools.yaml');
  writeFileSync(file, 'devtools:\n  companies: [GitHub]\n');
  const { store } = await world([hireAt('a', 'GitHub', '2015-05')]);
  const { rows } = await hires(store, { by: ['cohort'] }, selectCohorts(`bigtech15,${file}`));
  assert.deepEqual(rows.map((r) => [r.cohort, r.hires]), [['devtools', 1]]);
});

test('a subsidiary resolves to its own registry company, not to the parent', async () => {
  const { store } = await world([hireAt('a', 'LinkedIn', '2020-01')]);
  assert.deepEqual((await hireFacts(store)).map((h) => [h.company_id, h.company_name]), [['linkedin', 'LinkedIn']]);
});
