import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hireFacts, person, world } from './helpers/people.js';

test('a promotion is not a hire', async () => {
  const { store } = await world([
    person({ id: 'a', grad: '2019-06', jobs: [['Acme', 'Engineer', '2019-08', '2021-03'], ['Acme', 'Senior Engineer', '2021-03', null]] }),
  ]);
  const hires = await hireFacts(store);
  assert.deepEqual(hires.map((h) => h.hire), ['2019-08']);
});

test('a return after 3+ months is a boomerang hire; after 2 months it is not a hire', async () => {
  const { store } = await world([
    person({ id: 'b', grad: '2015-06', jobs: [['Acme', 'Engineer', '2015-07', '2018-01'], ['Initech', 'Engineer', '2018-01', '2019-01'], ['Acme', 'Engineer', '2019-04', null]] }),
    person({ id: 'c', grad: '2015-06', jobs: [['Acme', 'Engineer', '2015-07', '2018-01'], ['Acme', 'Lead', '2018-03', null]] }),
  ]);
  const hires = await hireFacts(store);
  const b = hires.filter((h) => h.person_id === 'b');
  assert.deepEqual(b.map((h) => [h.hire, h.boomerang]), [['2015-07', false], ['2018-01', false], ['2019-04', true]]);
  assert.deepEqual(hires.filter((h) => h.person_id === 'c').map((h) => h.hire), ['2015-07']);
});

test('an internship is not a hire, is not experience, and does not make the return offer an internal move', async () => {
  const { store } = await world([
    person({ id: 'd', grad: '2020-06', jobs: [['Acme', 'Software Engineering Intern', '2019-06', '2019-09'], ['Acme', 'Software Engineer', '2020-08', null]] }),
  ]);
  const [h, ...rest] = await hireFacts(store);
  assert.equal(rest.length, 0);
  assert.equal(h?.hire, '2020-08');
  assert.equal(h?.e_months, 0);
  assert.equal(h?.new_grad, true);
  assert.equal(h?.boomerang, false);
});

test('experience counts overlapping full-time months once, after the latest graduation', async () => {
  const { store } = await world([
    person({
      id: 'e',
      grad: '2016-06',
      jobs: [
        ['Acme', 'Engineer', '2016-07', '2018-07'], // 24 months
        ['Side Gig Co', 'Consultant', '2017-01', '2018-01'], // inside the first: adds nothing
        ['Initech', 'Engineer', '2018-07', null], // hire after 24 months → band 2-5
      ],
    }),
  ]);
  const hires = await hireFacts(store);
  const initech = hires.find((h) => h.company_name === 'Initech');
  assert.equal(initech?.e_months, 24);
  assert.equal(initech?.band, '2-5');
  assert.equal(initech?.new_grad, false);
});

test('a master’s degree restarts experience; a hire 2 months before graduation is a new grad', async () => {
  const { store } = await world([
    person({
      id: 'f',
      grad: '2014-06',
      degrees: [['masters', '2021-09', '2023-06']],
      jobs: [['Acme', 'Analyst', '2014-07', '2021-08'], ['Globex', 'Data Scientist', '2023-04', null]],
    }),
  ]);
  const globex = (await hireFacts(store)).find((h) => h.company_name === 'Globex');
  // E counts from the bachelor's (the latest graduation on or before the hire): 85 months
  assert.equal(globex?.e_months, 85);
  assert.equal(globex?.band, '6-10');
  assert.equal(globex?.new_grad, false);
});

test('new grad: E under 12 months and graduation within [hire − 12, hire + 3]', async () => {
  const { store } = await world([
    person({ id: 'g', grad: '2022-05', jobs: [['Acme', 'Engineer', '2023-04', null]] }),
    person({ id: 'h', grad: '2022-05', jobs: [['Acme', 'Engineer', '2023-07', null]] }),
    person({ id: 'i', grad: '2022-08', jobs: [['Acme', 'Engineer', '2022-06', null]] }),
  ]);
  const byId = Object.fromEntries((await hireFacts(store)).map((h) => [h.person_id, h.new_grad]));
  assert.deepEqual(byId, { g: true, h: false, i: true });
});

test('a person with no education graduated the month before their first full-time job (imputed)', async () => {
  const { store } = await world([person({ id: 'j', jobs: [['Acme', 'Clerk', '2018-03', '2020-03'], ['Globex', 'Clerk', '2020-03', null]] })]);
  const hires = await hireFacts(store);
  assert.deepEqual(hires.map((h) => [h.company_name, h.e_months, h.new_grad, h.grad_imputed]), [
    ['Acme', 0, true, true],
    ['Globex', 24, false, true],
  ]);
});

test('a degree with a start and no end ends 4 years later (bachelor’s)', async () => {
  const { store } = await world([person({ id: 'k', degrees: [['bachelors', '2016-09', null]], jobs: [['Acme', 'Engineer', '2020-09', null]] })]);
  const [h] = await hireFacts(store);
  assert.equal(h?.new_grad, true); // graduation 2020-09
});

test('year-only dates are placed at mid-year and keep their year', async () => {
  const { store } = await world([person({ id: 'l', grad: '2018', jobs: [['Acme', 'Engineer', '2019', '2021'], ['Globex', 'Engineer', '2021', null]] })]);
  const hires = await hireFacts(store);
  assert.deepEqual(hires.map((h) => [h.company_name, h.hire, h.e_months]), [
    ['Acme', '2019-07', 0],
    ['Globex', '2021-07', 24],
  ]);
});

test('volunteer, board and advisor roles are not hires', async () => {
  const { store } = await world([
    person({ id: 'm', grad: '2010-06', jobs: [['Food Bank', 'Volunteer', '2012-01', null], ['Acme', 'Board Member', '2015-01', null], ['Globex', 'Advisor', '2016-01', null], ['Initech', 'Engineer', '2010-07', null]] }),
  ]);
  assert.deepEqual((await hireFacts(store)).map((h) => h.company_name), ['Initech']);
});
