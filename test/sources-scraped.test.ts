import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readerFor } from '../src/sources/index.js';
import { collect, tmpFiles } from './fixtures/sources/helpers.js';

const read = readerFor('scraped');

const EXP = 'profile_id_dummy,company,positions,durations\n';
const EDU = 'profile_id_dummy,education_institute,degree_list\n';

test('titles pair with date ranges in order; group and per-range locations are kept', async () => {
  const dir = tmpFiles({
    'ctos/0_experience.csv':
      EXP +
      `0,Nuanced Example · Full-time,['Chief Technology Officer'],"['Dec 2021 - Present · 1 yr', 'Los Angeles Metropolitan Area']"\n` +
      `0,Big Consulting,"['Senior Consultant', 'Consultant']","['Bay Area', 'Aug 2022 - Present · 4 mos', 'Jul 2021 - Aug 2022 · 1 yr 2 mos']"\n` +
      `0,Lab,"[""Researcher's Assistant""]","['2010 - 2011 · 1 yr']"\n`,
    'ctos/0_education.csv': EDU + `0,Example University,"['Bachelor of Science - BS, Computer Science', '2006 - 2010']"\n0,Other School,['MBA']\n`,
    'ctos/0_skills.csv': 'profile_id_dummy,all_skills_link,skills_list\n0,[profile-url],"[\'Python\']"\n',
  });
  const { profiles, rejects } = await collect(read(join(dir, 'ctos')));
  assert.deepEqual(rejects, []);
  assert.deepEqual(profiles[0], {
    id: 'ctos/0',
    positions: [
      { company: 'Nuanced Example', title: 'Chief Technology Officer', start: '2021-12', end: null, current: true, location: 'Los Angeles Metropolitan Area' },
      { company: 'Big Consulting', title: 'Senior Consultant', start: '2022-08', end: null, current: true, location: 'Bay Area' },
      { company: 'Big Consulting', title: 'Consultant', start: '2021-07', end: '2022-08', current: false, location: 'Bay Area' },
      { company: 'Lab', title: "Researcher's Assistant", start: '2010', end: '2011', current: false, location: null },
    ],
    education: [
      { school: 'Example University', degree: 'Bachelor of Science - BS, Computer Science', start: '2006', end: '2010' },
      { school: 'Other School', degree: 'MBA', start: null, end: null },
    ],
  });
});

test('a folder of groups reads every person, ids from group and file number', async () => {
  const dir = tmpFiles({
    'root/a/2_experience.csv': EXP,
    'root/a/10_experience.csv': EXP,
    'root/b/1_skills.csv': 'profile_id_dummy,all_skills_link,skills_list\n',
  });
  const { profiles } = await collect(read(join(dir, 'root')));
  assert.deepEqual(profiles.map((p) => p.id), ['a/2', 'a/10', 'b/1']);
});

test('bad lists, bad dates and more ranges than titles reject the person at the row', async () => {
  const dir = tmpFiles({
    'g/1_experience.csv': EXP + `1,Acme,['CTO',"['Jan 2020 - Present · 1 yr']"\n`,
    'g/2_experience.csv': EXP + `2,Acme,['CTO'],"['Smarch 2020 - Present · 1 yr']"\n`,
    'g/3_experience.csv': EXP + `3,Acme,['CTO'],"['Jan 2020 - Present · 1 yr', 'Jan 2018 - Dec 2019 · 2 yrs']"\n`,
    'g/4_education.csv': EDU + `4,U,"['BSc', '2016 - 2012']"\n`,
    'g/5_experience.csv': EXP + `5,Acme,['CTO'],['Atlanta']\n`,
  });
  const { profiles, rejects } = await collect(read(join(dir, 'g')));
  assert.deepEqual(profiles.map((p) => [p.id, p.positions[0]?.start, p.positions[0]?.location]), [['g/5', null, 'Atlanta']]);
  assert.deepEqual(
    rejects.map((r) => [r.file.slice(dir.length + 3), r.line, r.reason]),
    [
      ['1_experience.csv', 2, 'invalid_list'],
      ['2_experience.csv', 2, 'invalid_date'],
      ['3_experience.csv', 2, 'mismatched_dates'],
      ['4_education.csv', 2, 'end_before_start'],
    ],
  );
  assert.match(rejects[1]!.detail, /^2_experience\.csv line 2 durations: Smarch 2020/);
});
