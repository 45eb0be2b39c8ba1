import assert from 'node:assert/strict';
import { test } from 'node:test';
import { companyRef, linkedinProfileUrl } from '../src/sources/company-url.js';
import { splitJsonValues } from '../src/sources/json-values.js';
import { parsePyStringList } from '../src/sources/py-list.js';

async function pieces(...chunks: string[]): Promise<[string, number][]> {
  async function* gen(): AsyncGenerator<string> {
    yield* chunks;
  }
  const out: [string, number][] = [];
  for await (const p of splitJsonValues(gen())) out.push([p.text, p.line]);
  return out;
}

test('array elements split across chunks keep their text and starting line', async () => {
  assert.deepEqual(await pieces('[\n {"a": "x,]}"', ', "b": [1,2]},\n {"c"', ': "\\"q\\""}\n]'), [
    ['{"a": "x,]}", "b": [1,2]}', 2],
    ['{"c": "\\"q\\""}', 3],
  ]);
});

test('concatenated top-level values split one by one, empty array slots are not records', async () => {
  assert.deepEqual(await pieces('{"a":1}\n{"b":2} 42\n'), [['{"a":1}', 1], ['{"b":2}', 2], ['42', 2]]);
  assert.deepEqual(await pieces('[{"a":1},,{"b":2},]'), [['{"a":1}', 1], ['{"b":2}', 1]]);
  assert.deepEqual(await pieces('[]'), []);
});

test('Python list literals decode quotes and escapes; other text is not a list', () => {
  assert.deepEqual(parsePyStringList(`['CTO', "Master's Degree", 'a\\'b', 'caf\\xe9']`), ['CTO', "Master's Degree", "a'b", 'café']);
  assert.deepEqual(parsePyStringList('[]'), []);
  assert.equal(parsePyStringList("['unterminated]"), null);
  assert.equal(parsePyStringList('[1, 2]'), null);
  assert.equal(parsePyStringList('CTO'), null);
});

test('company URLs reduce to a LinkedIn path or a bare domain', () => {
  assert.deepEqual(companyRef('https://uk.linkedin.com/company/Tangerine-Holdings?trk=public', null), { company_linkedin: 'linkedin.com/company/tangerine-holdings' });
  assert.deepEqual(companyRef('https://www.linkedin.com/school/example-university/', null), { company_linkedin: 'linkedin.com/school/example-university' });
  assert.deepEqual(companyRef('https://www.Acme.example/about', null), { company_domain: 'acme.example' });
  assert.deepEqual(companyRef(null, 'widgetco'), { company_linkedin: 'linkedin.com/company/widgetco' });
  assert.deepEqual(companyRef('https://www.linkedin.com/in/someone', null), {});
  assert.equal(linkedinProfileUrl('https://de.linkedin.com/in/Ada-Example/?x=1'), 'linkedin.com/in/ada-example');
  assert.equal(linkedinProfileUrl('https://example.org/ada'), null);
});
