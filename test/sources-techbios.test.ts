import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readerFor } from '../src/sources/index.js';
import { collect, tmpFiles } from './fixtures/sources/helpers.js';

const read = readerFor('techbios');

const lookups = {
  'Company.csv': 'CompanyId,CompanyName\n1,Acme Labs\n2,"Globex\n"\n3,Initech\n',
  'Title.csv': 'TitleId,Title\n1,Founder\n2,"Researcher, Lab"\n',
  'School.csv': 'SchoolId,School\n1,"Example University\n"\n',
  'Degree.csv': 'DegreeId,Degree\n1,B.S.\n',
  'Major.csv': 'MajorId,Major\n1,Physics\n',
};

function dataSet(people: string[], experience: string[], education: string[]): Record<string, string> {
  return {
    ...lookups,
    'Person.csv': ['PersonId', ...people].join('\r\n') + '\r\n',
    'Experience.csv': ['ExperienceID,PersonID,CompanyID,TitleID,StartMonth,StartYear,EndMonth,EndYear,Ongoing', ...experience].join('\r\n') + '\r\n',
    'Education.csv': ['EducationId,PersonID,DegreeId,SchoolId,MajorId,StartMonth,StartYear,EndMonth,EndYear,Ongoing', ...education].join('\r\n') + '\r\n',
  };
}

test('tables join into one profile per person, with foreign month names and Present', async () => {
  const files = dataSet(
    ['1'],
    ['1,1,1,1,June,2011,,Present,1', '2,1,2,2,novembre,2009,Februar,2011,0', '3,1,3,,,2007,Poste,actuel,0', '4,1,,1,,1900,,2006,0'],
    ['1,1,1,1,1,,2003,,2007,0'],
  );
  const dir = tmpFiles(Object.fromEntries(Object.entries(files).map(([k, v]) => [`set/${k}`, v])));
  const { profiles, places, rejects } = await collect(read(join(dir, 'set')));
  assert.deepEqual(rejects, []);
  assert.deepEqual(places, [{ file: join(dir, 'set', 'Person.csv'), line: 2 }]);
  assert.deepEqual(profiles[0], {
    id: 'set/1',
    positions: [
      { company: 'Acme Labs', title: 'Founder', start: '2011-06', end: null, current: true, location: null },
      { company: 'Globex', title: 'Researcher, Lab', start: '2009-11', end: '2011-02', current: false, location: null },
      { company: 'Initech', title: null, start: '2007', end: null, current: true, location: null },
      { company: null, title: 'Founder', start: null, end: '2006', current: false, location: null },
    ],
    education: [{ school: 'Example University', degree: 'B.S., Physics', start: '2003', end: '2007' }],
  });
});

test('a folder of data sets reads each, ids prefixed by the data set', async () => {
  const a = dataSet(['1', '2'], ['1,2,1,1,,2010,,2012,0'], []);
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) {
    files[`root/alpha/${k}`] = v;
    files[`root/beta/${k}`] = v;
  }
  const dir = tmpFiles(files);
  const { profiles } = await collect(read(join(dir, 'root')));
  assert.deepEqual(profiles.map((p) => p.id), ['alpha/1', 'alpha/2', 'beta/1', 'beta/2']);
  assert.equal(profiles[0]!.positions.length, 0);
});

test('a shifted row, a reversed range or a dangling id rejects the person at their Person.csv line', async () => {
  const files = dataSet(
    ['1', '2', '3', '4'],
    ['1,2,1,1,May,2012,May,2010,0', '2,3,9,1,,2010,,2011,0', '3,7,1,1,,2010,,2011,0'],
    ['1,1,,1,1,Business,Administration,,Entrepreneurship,0'],
  );
  const dir = tmpFiles(Object.fromEntries(Object.entries(files).map(([k, v]) => [`set/${k}`, v])));
  const { profiles, rejects } = await collect(read(join(dir, 'set')));
  assert.deepEqual(profiles.map((p) => p.id), ['set/4']);
  assert.deepEqual(
    rejects.map((r) => [r.file.slice(dir.length + 5), r.line, r.reason]),
    [
      ['Person.csv', 2, 'invalid_date'],
      ['Person.csv', 3, 'end_before_start'],
      ['Person.csv', 4, 'unknown_reference'],
      ['Experience.csv', 4, 'unknown_person'],
    ],
  );
  assert.equal(rejects[0]!.detail, 'Education.csv line 2 StartMonth/StartYear: Business Administration (unrecognised date word: Business)');
  assert.match(rejects[2]!.detail, /CompanyID: 9/);
});

test('a folder without Person.csv is a user error', async () => {
  const dir = tmpFiles({ 'empty/readme.txt': 'nothing' });
  await assert.rejects(collect(read(join(dir, 'empty'))), { name: 'UserError', code: 'wrong_format' });
});
