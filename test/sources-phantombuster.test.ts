import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readerFor } from '../src/sources/index.js';
import { collect, tmpFiles } from './fixtures/sources/helpers.js';

const read = readerFor('phantombuster');

const HEADER =
  'person,headline,location,company,companyUrl,jobTitle,jobLocation,jobDateRange,jobStartedSince,jobIsCurrent,jobDuration,' +
  'company2,companyUrl2,jobTitle2,jobLocation2,jobDateRange2,jobStartedSince2,jobIsCurrent2,jobDuration2,' +
  'school,schoolUrl,schoolDegree,schoolDateRange,school2,schoolUrl2,schoolDegree2,schoolDateRange2,timestamp,error';

function row(cells: Record<string, string>): string {
  return HEADER.split(',')
    .map((c) => {
      const v = cells[c] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

test('a wide row becomes a profile with both jobs and both schools', async () => {
  const csv = [
    HEADER,
    row({
      person: 'pb-1', location: 'Porto, Portugal',
      company: 'Acme Bank', companyUrl: 'https://www.linkedin.com/company/123456/', jobTitle: 'IT Auditor', jobLocation: 'Porto · On-site',
      jobDateRange: 'Dec 2023 - Present', jobStartedSince: '2023-12-01', jobIsCurrent: 'true',
      company2: 'Beta Bank', jobTitle2: 'Analyst', jobDateRange2: 'Jan 2023 - Jun 2023', jobIsCurrent2: 'false',
      school: 'Example Polytechnic', schoolDegree: 'MSc, Information Systems', schoolDateRange: '2010 - 2011',
      school2: 'Example College', schoolDateRange2: '2007',
      timestamp: '2024-06-06T10:22:13.331Z',
    }),
  ].join('\n');
  const dir = tmpFiles({ 'pb.csv': csv });
  const { profiles, places, rejects } = await collect(read(join(dir, 'pb.csv')));
  assert.deepEqual(rejects, []);
  assert.deepEqual(places, [{ file: join(dir, 'pb.csv'), line: 2 }]);
  assert.deepEqual(profiles[0], {
    id: 'pb-1',
    linkedin_url: null,
    name: null,
    location: 'Porto, Portugal',
    updated_at: '2024-06-06',
    positions: [
      { company: 'Acme Bank', title: 'IT Auditor', start: '2023-12', end: null, current: true, location: 'Porto', company_linkedin: 'linkedin.com/company/123456' },
      { company: 'Beta Bank', title: 'Analyst', start: '2023-01', end: '2023-06', current: false, location: null },
    ],
    education: [
      { school: 'Example Polytechnic', degree: 'MSc, Information Systems', start: '2010', end: '2011' },
      { school: 'Example College', degree: null, start: '2007', end: '2007' },
    ],
  });
});

test('a lone start month flagged current is an ongoing position, not a one-month stint', async () => {
  const csv = [HEADER, row({ person: 'pb-2', company: 'Acme', jobDateRange: 'Aug 2022', jobIsCurrent: 'true' })].join('\n');
  const dir = tmpFiles({ 'pb.csv': csv });
  const { profiles } = await collect(read(join(dir, 'pb.csv')));
  assert.deepEqual(profiles[0]!.positions[0], { company: 'Acme', title: null, start: '2022-08', end: null, current: true, location: null });
});

test('unavailable profiles, bad dates, reversed ranges and short rows are rejects at their line', async () => {
  const csv = [
    HEADER,
    row({ person: 'gone', error: 'Profile is unavailable' }),
    row({ person: 'bad', company: 'Acme', jobDateRange: 'Jan 2023 - Smarch 2024' }),
    row({ person: 'rev', school: 'U', schoolDateRange: '2016 - 2012' }),
    'short,row',
    row({ person: 'ok', headline: 'Line one\nline two' }),
  ].join('\n');
  const dir = tmpFiles({ 'pb.csv': csv });
  const { profiles, places, rejects } = await collect(read(join(dir, 'pb.csv')));
  assert.deepEqual(profiles.map((p) => p.id), ['ok']);
  assert.deepEqual(places.map((p) => p.line), [6]);
  assert.deepEqual(
    rejects.map((r) => [r.line, r.reason, r.detail.split(':')[0]]),
    [
      [2, 'source_error', 'error'],
      [3, 'invalid_date', 'jobDateRange'],
      [4, 'end_before_start', 'schoolDateRange'],
      [5, 'wrong_column_count', 'row'],
    ],
  );
});

test('a CSV without PhantomBuster columns is a user error', async () => {
  const dir = tmpFiles({ 'other.csv': 'a,b\n1,2\n' });
  await assert.rejects(collect(read(join(dir, 'other.csv'))), { name: 'UserError', code: 'wrong_format' });
});
