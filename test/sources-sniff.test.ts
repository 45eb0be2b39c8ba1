import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sniffFormat } from '../src/sources/index.js';
import { jsonl, tmpFiles } from './fixtures/sources/helpers.js';

const pdl = {
  id: 'pdl-1',
  full_name: 'ada example',
  job_last_updated: '2024-01-01',
  experience: [{ company: { name: 'acme', website: 'acme.example' }, title: { name: 'engineer', levels: [] }, start_date: '2020-01' }],
  education: [],
};
const canonical = { id: 'c-1', positions: [{ company: 'Acme', start: '2020-01', end: null, current: true }], education: [] };
const resume = { basics: { name: 'Ada' }, work: [{ name: 'Acme', startDate: '2020-01' }] };
const bright = { id: 'b-1', timestamp: '2024-12-23T00:00:00Z', current_company: { name: 'Acme' }, experience: null, educations_details: '' };
const pbHeader = 'person,headline,location,company,companyUrl,jobTitle,jobLocation,jobDateRange,jobIsCurrent,school,schoolDegree,schoolDateRange,timestamp\n';

const dir = tmpFiles({
  'pdl.jsonl': jsonl(pdl, pdl),
  'pdl.jsonl.gz': jsonl(pdl),
  'canonical.jsonl': jsonl(canonical),
  'resume.json': JSON.stringify(resume, null, 2),
  'resumes.json': JSON.stringify([resume, resume]),
  'resume.jsonl': jsonl(resume),
  'bright.json': JSON.stringify([bright]),
  'bright.json.gz': JSON.stringify([bright]),
  'pb.csv': pbHeader + 'p1,,,Acme,,Engineer,,Jan 2023 - Present,true,,,,2024-06-06T00:00:00Z\n',
  'pb.csv.gz': pbHeader,
  'techbios/set1/Person.csv': 'PersonId\n1\n',
  'techbios/set1/Experience.csv': 'ExperienceID,PersonID\n',
  'scraped/g1/0_experience.csv': 'profile_id_dummy,company,positions,durations\n',
  'other.json': JSON.stringify([{ name: 'Acme', employees_in_linkedin: 10 }]),
  'other.csv': 'a,b\n1,2\n',
  'empty.json': '',
  'mixed/a.jsonl': jsonl(pdl),
  'mixed/b.jsonl': jsonl(resume),
  'resumes/x.json': JSON.stringify(resume),
});

const cases: [string, string][] = [
  ['pdl.jsonl', 'pdl'],
  ['pdl.jsonl.gz', 'pdl'],
  ['canonical.jsonl', 'canonical'],
  ['resume.json', 'jsonresume'],
  ['resumes.json', 'jsonresume'],
  ['resume.jsonl', 'jsonresume'],
  ['bright.json', 'brightdata'],
  ['bright.json.gz', 'brightdata'],
  ['pb.csv', 'phantombuster'],
  ['pb.csv.gz', 'phantombuster'],
  ['techbios', 'techbios'],
  ['techbios/set1', 'techbios'],
  ['scraped', 'scraped'],
  ['scraped/g1', 'scraped'],
  ['resumes', 'jsonresume'],
];

for (const [file, format] of cases) {
  test(`sniffs ${file} as ${format}`, async () => {
    assert.equal(await sniffFormat(join(dir, file)), format);
  });
}

for (const file of ['other.json', 'other.csv', 'empty.json', 'mixed']) {
  test(`refuses to guess the format of ${file}`, async () => {
    await assert.rejects(sniffFormat(join(dir, file)), { name: 'UserError', code: 'unknown_format', message: `unknown format: ${join(dir, file)}` });
  });
}

test('a record too large for the sniffing window is still recognised by its keys', async () => {
  const big = { ...pdl, summary: 'x'.repeat(300_000) };
  const d = tmpFiles({ 'big.jsonl': jsonl(big) });
  assert.equal(await sniffFormat(join(d, 'big.jsonl')), 'pdl');
});

test('a missing path is a file_not_found user error', async () => {
  await assert.rejects(sniffFormat(join(dir, 'nope.json')), { name: 'UserError', code: 'file_not_found' });
});
