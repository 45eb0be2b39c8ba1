import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompanyResolver, NO_COMPANY, type CompanyKey, type RegistryEntry } from '../src/resolve/index.js';

const registry: RegistryEntry[] = [
  { id: 'apple', name: 'Apple', domains: ['apple.com'], linkedin: ['apple'] },
  { id: 'intel', name: 'Intel', domains: ['intel.com'], linkedin: ['intel-corporation'] },
  {
    id: 'meta', name: 'Meta', domains: ['meta.com', 'facebook.com', 'instagram.com'],
    linkedin: ['meta', 'facebook', '10667', 'instagram'], aliases: ['Facebook', 'Meta Platforms', 'Instagram'],
  },
  { id: 'amazon', name: 'Amazon', domains: ['amazon.com'], linkedin: ['amazon', 'amazon-web-services'], aliases: ['AWS', 'Amazon Web Services'] },
  { id: 'alphabet', name: 'Alphabet', domains: ['google.com', 'abc.xyz'], linkedin: ['google'], aliases: ['Google', 'YouTube'] },
];
const resolver = new CompanyResolver(registry);
const key = (name: string | null, domain: string | null = null, linkedin: string | null = null, count?: number): CompanyKey =>
  ({ name, domain, linkedin, count });
const idOf = (k: CompanyKey): string => resolver.resolve(k).company_id;

test('a longer name sharing a prefix with a known company is a different company', () => {
  for (const name of ['Apple Leisure Group', 'Intel471', 'Meta Financial Group', 'Amazon Lily', 'Googleplex Realty']) {
    const r = resolver.resolve(key(name));
    assert.equal(r.matched_by, 'new', name);
    assert.ok(!['apple', 'intel', 'meta', 'amazon', 'alphabet'].includes(r.company_id), name);
  }
});

test('Facebook resolves to Meta by alias, LinkedIn page and website', () => {
  assert.deepEqual(resolver.resolve(key('Facebook')), { company_id: 'meta', company_name: 'Meta', matched_by: 'alias' });
  assert.equal(resolver.resolve(key(null, null, 'https://www.linkedin.com/company/facebook/')).matched_by, 'linkedin');
  assert.equal(idOf(key(null, null, 'https://www.linkedin.com/company/facebook/')), 'meta');
  assert.equal(resolver.resolve(key('Facebook Inc', 'https://facebook.com')).matched_by, 'domain');
  assert.equal(idOf(key(null, 'facebook.com')), 'meta');
});

test('AWS is Amazon and Google LLC is Alphabet', () => {
  assert.equal(idOf(key('AWS')), 'amazon');
  assert.equal(idOf(key('Amazon Web Services (AWS)')), 'amazon');
  assert.deepEqual(resolver.resolve(key('Google LLC')), { company_id: 'alphabet', company_name: 'Alphabet', matched_by: 'alias' });
  assert.equal(resolver.resolve(key('Apple Inc.')).matched_by, 'name');
});

test('a LinkedIn slug outranks the domain and the name', () => {
  assert.equal(idOf(key('Facebook', 'apple.com', 'linkedin.com/company/amazon')), 'amazon');
  assert.equal(idOf(key('Facebook', 'apple.com')), 'apple');
});

test('a page on a platform is not that platform company', () => {
  assert.equal(resolver.resolve(key('Initech', 'https://www.facebook.com/initech')).matched_by, 'new');
  assert.equal(resolver.resolve(key('Initech', 'https://www.google.com/search?q=initech')).matched_by, 'new');
});

test('spellings of one unknown company are one new company named by its most frequent spelling', () => {
  const out = resolver.resolveAll([key('ACME, Inc.', null, null, 3), key('Acme Inc', null, null, 10), key('acme', null, null, 1)]);
  assert.equal(new Set(out.map((r) => r.company_id)).size, 1);
  assert.deepEqual(out[0], { company_id: 'n:acme', company_name: 'Acme Inc', matched_by: 'new' });
});

test('counts of keys sharing a spelling add up when naming a new company', () => {
  const out = resolver.resolveAll([
    key('Acme', 'acme.com', null, 4), key('Acme', null, 'linkedin.com/company/acme-co', 4), key('ACME Inc', null, null, 6),
  ]);
  assert.deepEqual(out.map((r) => r.company_name), ['Acme', 'Acme', 'Acme']);
});

test('two unknown spellings sharing a LinkedIn slug are one company', () => {
  const out = resolver.resolveAll([
    key('Initech Global Holdings', null, 'https://www.linkedin.com/company/initech/'),
    key('Initech (Austin)', null, 'linkedin.com/company/initech?trk=x'),
    key('Initrode', null, 'linkedin.com/company/initrode'),
  ]);
  assert.equal(out[0]!.company_id, out[1]!.company_id);
  assert.notEqual(out[0]!.company_id, out[2]!.company_id);
});

test('unknown companies sharing a company domain are one company', () => {
  const out = resolver.resolveAll([key('Globex', 'https://globex.com'), key('Globex Corporation Europe', 'careers.globex.com')]);
  assert.equal(out[0]!.company_id, out[1]!.company_id);
});

test('a generic domain never merges two companies', () => {
  const out = resolver.resolveAll([
    key('Initech', 'gmail.com'), key('Globex', 'jane@gmail.com'), key('Umbrella', 'https://www.linkedin.com/company/umbrella'),
    key('Hooli', 'https://www.linkedin.com/company/hooli'), key('Vandelay', 'bit.ly/x'), key('Pied Piper', 'bit.ly/x'),
    key('Soylent', 'soylent.github.io'), key('Wonka', 'wonka.github.io'),
  ]);
  assert.equal(new Set(out.map((r) => r.company_id)).size, out.length);
});

test('group ids do not depend on key order; unnamed groups use the slug or domain', () => {
  const keys = [key('Acme', null, null, 2), key('ACME Corp', 'acme.io', null, 2), key(null, 'acme.io'), key(null, null, 'linkedin.com/company/zorg'), key(null, 'vexx.io')];
  const forward = resolver.resolveAll(keys).map((r) => r.company_id);
  const backward = resolver.resolveAll([...keys].reverse()).map((r) => r.company_id).reverse();
  assert.deepEqual(forward, backward);
  assert.deepEqual(forward, ['n:acme', 'n:acme', 'n:acme', 'li:zorg', 'd:vexx.io']);
});

test('batch evidence never pulls an unknown company into a registry company', () => {
  // the first key is Meta by name; the second shares only its (unregistered) domain
  const out = resolver.resolveAll([key('Meta', 'metafinancial.com'), key('Meta Financial Group', 'metafinancial.com')]);
  assert.equal(out[0]!.company_id, 'meta');
  assert.equal(out[1]!.matched_by, 'new');
});

test('a key with no usable evidence resolves to no company', () => {
  assert.equal(resolver.resolve(key(null, 'gmail.com', 'https://www.linkedin.com/in/jane')), NO_COMPANY);
  assert.equal(resolver.resolve(key('  ')), NO_COMPANY);
});

test('registry entries claiming the same key are reported, the first keeps it', () => {
  const r = new CompanyResolver([{ id: 'a', name: 'Acme', domains: ['acme.com'] }, { id: 'b', name: 'Acme Two', domains: ['acme.com'] }]);
  assert.equal(r.resolve(key(null, 'acme.com')).company_id, 'a');
  assert.deepEqual(r.conflicts, [{ evidence: 'domain', key: 'acme.com', kept: 'a', ignored: 'b' }]);
});

test('explain names each step and the prefix look-alike it refused', () => {
  const { resolution, steps } = resolver.explainResolution(key('Apple Leisure Group', 'https://www.facebook.com/alg'));
  assert.equal(resolution.company_id, 'n:apple leisure group');
  assert.deepEqual(steps.map((s) => s.evidence), ['linkedin', 'domain', 'name', 'result']);
  assert.match(steps[1]!.outcome, /not evidence/);
  assert.match(steps[2]!.outcome, /"apple" \(apple\).*prefix/);
  const hit = resolver.explainResolution(key('Facebook', null, 'linkedin.com/company/10667'));
  assert.match(hit.steps[0]!.outcome, /matched Meta \(meta\)/);
  assert.match(hit.steps[2]!.outcome, /not consulted/);
});
