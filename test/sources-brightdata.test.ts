import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readerFor } from '../src/sources/index.js';
import { collect, tmpFiles } from './fixtures/sources/helpers.js';

const read = readerFor('brightdata');

const grouped = {
  id: 'p-grouped',
  city: 'Leeds, England, United Kingdom',
  location: 'Leeds',
  timestamp: '2024-12-23T12:40:30.423Z',
  current_company: { name: 'Widgetco', company_id: 'widgetco' },
  experience: [
    {
      title: 'Widgetco',
      company: 'Widgetco',
      company_id: 'widgetco',
      url: 'https://uk.linkedin.com/company/widgetco?trk=public_profile_experience-group-header',
      location: 'Leeds, United Kingdom',
      duration: '5 years 3 months',
      positions: [
        { subtitle: 'Widgetco', title: 'Finance Lead', start_date: 'Oct 2021', end_date: 'Present', duration: 'Oct 2021 - Present 3 years 3 months' },
        { subtitle: 'Widgetco', title: 'Analyst', start_date: 'Oct 2019', end_date: 'Sep 2021' },
      ],
    },
    { title: 'Clerk', company: 'Paper Mill Ltd', start_date: '2015', end_date: '2019', company_logo_url: null },
  ],
  education: [{ title: 'Example University', degree: 'BSc', field: 'Accounting', start_year: '2012', end_year: 2015 }],
};

test('positions nested in a company group take the group company, URL and location', async () => {
  const dir = tmpFiles({ 'bd.json': JSON.stringify([grouped]) });
  const { profiles, rejects } = await collect(read(join(dir, 'bd.json')));
  assert.deepEqual(rejects, []);
  assert.deepEqual(profiles[0], {
    id: 'p-grouped',
    linkedin_url: null,
    name: null,
    location: 'Leeds, England, United Kingdom',
    updated_at: '2024-12-23',
    positions: [
      { company: 'Widgetco', title: 'Finance Lead', start: '2021-10', end: null, current: true, location: 'Leeds, United Kingdom', company_linkedin: 'linkedin.com/company/widgetco' },
      { company: 'Widgetco', title: 'Analyst', start: '2019-10', end: '2021-09', current: false, location: 'Leeds, United Kingdom', company_linkedin: 'linkedin.com/company/widgetco' },
      { company: 'Paper Mill Ltd', title: 'Clerk', start: '2015', end: '2019', current: false, location: null },
    ],
    education: [{ school: 'Example University', degree: 'BSc, Accounting', start: '2012', end: '2015' }],
  });
});

test('null experience falls back to the current company as one undated current position', async () => {
  const p = { id: 'p-null', timestamp: '2024-12-01T00:00:00Z', experience: null, education: null, current_company: { name: 'City Hospital', title: 'Nurse', link: 'https://www.linkedin.com/company/city-hospital?trk=x' } };
  const dir = tmpFiles({ 'bd.json': JSON.stringify([p]) });
  const { profiles } = await collect(read(join(dir, 'bd.json')));
  assert.deepEqual(profiles[0]!.positions, [
    { company: 'City Hospital', title: 'Nurse', start: null, end: null, current: true, location: null, company_linkedin: 'linkedin.com/company/city-hospital' },
  ]);
  assert.deepEqual(profiles[0]!.education, []);
});

test('an undated entry at the company the top card names as current is current', async () => {
  const p = { id: 'p-undated', current_company: { name: 'City Hospital' }, experience: [{ title: 'Nurse', company: 'City Hospital' }, { title: 'Aide', company: 'Care Home' }] };
  const dir = tmpFiles({ 'bd.json': JSON.stringify([p]) });
  const { profiles } = await collect(read(join(dir, 'bd.json')));
  assert.deepEqual(profiles[0]!.positions.map((x) => [x.company, x.current]), [['City Hospital', true], ['Care Home', null]]);
});

test('bad records become rejects with the field named, the rest of the array still reads', async () => {
  const records = [
    { id: 'ok', experience: [] },
    { id: 'bad-date', experience: [{ company: 'Acme', start_date: 'Jan 2020', end_date: 'Smarch 2021' }] },
    { id: 'reversed', education: [{ title: 'U', start_year: '2015', end_year: '2011' }] },
    { id: 'typed', experience: [{ company: { name: 'Acme' } }] },
    { experience: [] },
    'just a string',
  ];
  const dir = tmpFiles({ 'bd.json': '[\n' + records.map((r) => JSON.stringify(r)).join(',\n') + '\n]' });
  const { profiles, rejects } = await collect(read(join(dir, 'bd.json')));
  assert.deepEqual(profiles.map((p) => p.id), ['ok']);
  assert.deepEqual(
    rejects.map((r) => [r.line, r.reason, r.detail.split(':')[0]]),
    [
      [3, 'invalid_date', 'experience[0].end_date'],
      [4, 'end_before_start', 'education[0].end_year'],
      [5, 'wrong_type', 'experience[0].company'],
      [6, 'missing_id', 'id'],
      [7, 'not_an_object', 'record 6'],
    ],
  );
});
