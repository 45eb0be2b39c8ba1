import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CohortIndex, CompanyResolver, parseCohorts, registryFromCohorts } from '../src/resolve/index.js';

const cohorts = [
  ...parseCohorts([
    'giants:',
    '  companies:',
    '    - {name: Globex, domain: globex.com, aliases: [Globex Search, Tubeworks]}',
    '    - {name: Initech, linkedin: initech}',
  ].join('\n'), 'giants.yaml'),
  ...parseCohorts([
    'search:',
    '  companies:',
    '    - {name: Globex Search Inc., domain: https://search.globex.com}',
    '    - {name: Hooli}',
  ].join('\n'), 'search.yaml'),
];
const registry = registryFromCohorts(cohorts);
const resolver = new CompanyResolver(registry);
const index = new CohortIndex(cohorts, resolver);

test('the same company named in two cohorts is one registry entry', () => {
  assert.deepEqual(registry.map((e) => e.id), ['globex', 'initech', 'hooli']);
  const globex = registry[0]!;
  assert.equal(globex.name, 'Globex');
  assert.deepEqual(globex.domains, ['globex.com']);
  assert.deepEqual(globex.aliases, ['Globex Search', 'Tubeworks']);
});

test('a company in two cohorts is in both', () => {
  const id = resolver.resolve({ name: 'Tubeworks' }).company_id;
  assert.equal(id, 'globex');
  assert.deepEqual(index.cohortsOf(id), ['giants', 'search']);
  assert.deepEqual(index.cohortsOf('initech'), ['giants']);
  assert.deepEqual(index.cohortsOf('hooli'), ['search']);
});

test('a company in no cohort has no cohorts (the caller counts it in other)', () => {
  const r = resolver.resolve({ name: 'Hooli XYZ' });
  assert.equal(r.matched_by, 'new');
  assert.deepEqual(index.cohortsOf(r.company_id), []);
});

test('cohort members are listed by id and unknown cohorts are user errors', () => {
  assert.deepEqual(index.companiesIn('giants'), ['globex', 'initech']);
  assert.throws(() => index.companiesIn('nope'), /unknown cohort: nope/);
});

test('a cohort name given twice is refused', () => {
  assert.throws(() => new CohortIndex([...cohorts, cohorts[0]!], resolver), /cohort giants is defined twice/);
});
