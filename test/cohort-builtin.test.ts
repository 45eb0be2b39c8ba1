import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import {
  builtinCohortFiles, CohortIndex, CompanyResolver, linkedinSlugOf, loadCohortFiles, registryFromCohorts,
} from '../src/resolve/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cohorts = loadCohortFiles(builtinCohortFiles());
const resolver = new CompanyResolver(registryFromCohorts(cohorts));
const index = new CohortIndex(cohorts, resolver);
const idOf = (name: string | null, domain: string | null = null, linkedin: string | null = null): string =>
  resolver.resolve({ name, domain, linkedin }).company_id;

test('the shipped cohort files are found at the package root', () => {
  assert.deepEqual(builtinCohortFiles(), [path.join(repoRoot, 'cohorts/bigtech15.yaml'), path.join(repoRoot, 'cohorts/mag7.yaml')]);
});

test('bigtech15 holds 15 companies as of 2024-12-31 and mag7 seven of them', () => {
  const big = cohorts.find((c) => c.name === 'bigtech15')!;
  const mag = cohorts.find((c) => c.name === 'mag7')!;
  assert.equal(big.version, '2024-12-31');
  assert.deepEqual(big.companies.map((c) => c.name), [
    'Apple', 'NVIDIA', 'Microsoft', 'Alphabet', 'Amazon', 'Meta', 'Tesla', 'Broadcom', 'Oracle', 'Netflix',
    'Salesforce', 'Cisco', 'ServiceNow', 'IBM', 'AMD',
  ]);
  assert.deepEqual(index.companiesIn('mag7'), ['apple', 'microsoft', 'alphabet', 'amazon', 'nvidia', 'meta', 'tesla']);
  assert.equal(resolver.conflicts.length, 0);
  // mag7 repeats bigtech15's entries so it works alone; they must not drift apart
  for (const c of mag.companies) assert.deepEqual(c, big.companies.find((b) => b.name === c.name), c.name);
});

test('subsidiaries and former names resolve to the parent', () => {
  const cases: [string, string][] = [
    ['Facebook', 'meta'], ['Instagram', 'meta'], ['WhatsApp Inc.', 'meta'], ['Oculus VR', 'meta'], ['Meta Platforms, Inc.', 'meta'],
    ['AWS', 'amazon'], ['Amazon Web Services (AWS)', 'amazon'], ['Twitch', 'amazon'], ['Audible', 'amazon'], ['Zoox', 'amazon'], ['Ring', 'amazon'],
    ['Google', 'alphabet'], ['Google LLC', 'alphabet'], ['YouTube', 'alphabet'], ['DeepMind', 'alphabet'], ['Google DeepMind', 'alphabet'],
    ['Waymo', 'alphabet'], ['Verily', 'alphabet'], ['Fitbit', 'alphabet'],
    ['LinkedIn', 'microsoft'], ['GitHub, Inc.', 'microsoft'], ['Nuance Communications', 'microsoft'], ['Activision Blizzard', 'microsoft'], ['Mojang', 'microsoft'],
    ['Red Hat', 'ibm'], ['VMware', 'broadcom'], ['Slack', 'salesforce'], ['Tableau Software', 'salesforce'], ['MuleSoft', 'salesforce'],
    ['Xilinx', 'amd'], ['Mellanox Technologies', 'nvidia'], ['Splunk', 'cisco'], ['Webex', 'cisco'], ['Cisco Meraki', 'cisco'],
    ['NetSuite', 'oracle'], ['Cerner Corporation', 'oracle'], ['Advanced Micro Devices, Inc.', 'amd'], ['Tesla Motors', 'tesla'],
  ];
  for (const [name, id] of cases) assert.equal(idOf(name), id, name);
});

test('subsidiary domains and LinkedIn slugs resolve to the parent', () => {
  const slugs: [string, string][] = [
    ['facebook', 'meta'], ['instagram', 'meta'], ['amazon-web-services', 'amazon'], ['youtube', 'alphabet'], ['deepmind', 'alphabet'],
    ['github', 'microsoft'], ['linkedin', 'microsoft'], ['red-hat', 'ibm'], ['vmware', 'broadcom'], ['slack', 'salesforce'],
  ];
  for (const [slug, id] of slugs) assert.equal(idOf(null, null, `https://www.linkedin.com/company/${slug}/`), id, slug);
  const domains: [string, string][] = [
    ['facebook.com', 'meta'], ['https://www.instagram.com', 'meta'], ['aws.amazon.com', 'amazon'], ['youtube.com', 'alphabet'],
    ['google.com', 'alphabet'], ['github.com', 'microsoft'], ['redhat.com', 'ibm'], ['vmware.com', 'broadcom'], ['slack.com', 'salesforce'],
  ];
  for (const [domain, id] of domains) assert.equal(idOf(null, domain), id, domain);
});

test('look-alike names stay out of Big Tech', () => {
  for (const name of ['Apple Leisure Group', 'Meta Financial Group', 'Amazon Lily', 'Googleplex Realty', 'Oracle Financial Services Consultancy', 'Tesla Exploration']) {
    assert.deepEqual(index.cohortsOf(idOf(name)), [], name);
  }
});

test('a company in both shipped cohorts is in both', () => {
  assert.deepEqual(index.cohortsOf(idOf('Facebook')), ['bigtech15', 'mag7']);
  assert.deepEqual(index.cohortsOf(idOf('Red Hat')), ['bigtech15']);
});

const phantom = path.resolve(repoRoot, '../shared/data/profiles-real/phantombuster-2024.csv');
test('in real profiles, a Big Tech LinkedIn id and the name next to it agree', { skip: !existsSync(phantom) && 'shared data absent' }, () => {
  const rows = parse(readFileSync(phantom, 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
  let checked = 0;
  for (const row of rows) {
    for (const [nameCol, urlCol] of [['company', 'companyUrl'], ['company2', 'companyUrl2']] as const) {
      const bySlug = resolver.resolve({ linkedin: row[urlCol] ?? null });
      if (bySlug.matched_by !== 'linkedin') continue;
      checked++;
      const byName = resolver.resolve({ name: row[nameCol] ?? null });
      assert.equal(byName.company_id, bySlug.company_id, `${row[nameCol]} / ${linkedinSlugOf(row[urlCol])}`);
    }
  }
  assert.ok(checked >= 10, `only ${checked} Big Tech LinkedIn ids in the sample`);
});
