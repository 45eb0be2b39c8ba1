import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyTitles } from '../src/resolve/titles/index.js';
import { loadTitleReference, quintileCuts, quintileOf, type TitleReference } from '../src/reference/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(repoRoot, '../shared/data');
const absent = !existsSync(path.join(data, 'onet-29.3')) && 'shared data absent (../shared/data/onet-29.3)';
let ref: TitleReference | undefined;
const reference = (): TitleReference => (ref ??= loadTitleReference(data, 'eloundou'));

test('employment-weighted quintiles split workers, not occupations, into fifths', () => {
  // Invented: one huge low-exposure occupation and four small high-exposure ones.
  const scores = new Map([['11-0001.00', 0.1], ['11-0002.00', 0.5], ['11-0003.00', 0.6], ['11-0004.00', 0.7], ['11-0005.00', 0.8]]);
  const employment = new Map([['11-0001', 800], ['11-0002', 50], ['11-0003', 50], ['11-0004', 50], ['11-0005', 50]]);
  const { cuts, coverage } = quintileCuts(scores, employment);
  assert.deepEqual(cuts, [0.1, 0.1, 0.1, 0.1]);
  assert.equal(coverage, 1);
  assert.equal(quintileOf(0.1, cuts), 1);
  assert.equal(quintileOf(0.8, cuts), 5);
});

test('a loaded reference names its versions and scores most occupations', { skip: absent }, () => {
  const r = reference();
  assert.match(r.version, /O\*NET 29\.3; eloundou; OEWS 2024/);
  assert.ok(r.occupations.length > 1000);
  assert.ok(r.occupations.filter((o) => o.exposure !== null).length > 900);
  assert.equal(r.exposure?.cuts.length, 4);
  assert.ok(JSON.parse(JSON.stringify(r)).titles.length === r.titles.length, 'the reference is plain data');
});

test('common titles land in their O*NET occupation', { skip: absent }, () => {
  const out = classifyTitles(['Sr. Software Engineer', 'Registered Nurse', 'Technical Recruiter', 'Founder & CEO', 'Elementary School Teacher'], { reference: reference() });
  assert.deepEqual(out.map((t) => t.soc), ['15-1252.00', '29-1141.00', '13-1071.00', '11-1011.00', '25-2021.00']);
  assert.ok(out.every((t) => t.exposure !== null && t.exposure_quintile !== null));
});

test('a manager-level title maps to a management occupation', { skip: absent }, () => {
  const [head] = classifyTitles(['Head of Data'], { reference: reference() });
  assert.equal(head!.soc?.slice(0, 2), '11');
});

test('each exposure source joins through its crosswalk', { skip: absent }, () => {
  for (const source of ['microsoft', 'felten'] as const) {
    const r = loadTitleReference(data, source);
    const dev = r.occupations.find((o) => o.code === '15-1252.00');
    assert.ok(dev, source);
    assert.ok(dev.exposure !== null && dev.exposure_quintile !== null, source);
    assert.ok(r.occupations.filter((o) => o.exposure !== null).length > 900, source);
  }
});

test('a bare "Consultant" is a management analyst, not a retail salesperson; a bare "Associate" names no occupation', { skip: absent }, () => {
  const [consultant, associate] = classifyTitles(['Senior Consultant', 'Associate'], { reference: reference() });
  assert.equal(consultant?.soc, '13-1111.00');
  assert.equal(associate?.soc, null);
});
