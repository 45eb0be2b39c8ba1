import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePlace } from '../src/resolve/place-normalize.js';
import { METROS } from '../src/resolve/place-gazetteer.js';

const metro = (s: string) => normalizePlace(s)?.metro ?? null;

test('an ambiguous city name means its metro only beside the metro region', () => {
  assert.equal(metro('Cambridge, Massachusetts'), 'Greater Boston');
  assert.equal(metro('cambridge, massachusetts, united states'), 'Greater Boston');
  assert.equal(metro('Cambridge, MA'), 'Greater Boston');
  assert.equal(metro('Cambridge'), null, 'Cambridge alone may be England');
  assert.equal(metro('Cambridge, United States'), null, 'the country alone does not pick the region');
  assert.equal(metro('Cambridge, England, United Kingdom'), null);
  assert.equal(metro('Portland, Oregon'), 'Portland, Oregon Metropolitan Area');
  assert.equal(metro('Portland, OR, USA'), 'Portland, Oregon Metropolitan Area');
  assert.equal(metro('Portland'), null, 'Portland alone may be Maine');
  assert.equal(metro('Portland, Maine'), null);
  assert.equal(metro('Washington, District of Columbia'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Washington, DC'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Washington, Virginia'), null, 'a town of the metro\'s other regions is not the capital');
  assert.equal(metro('Washington, United States'), null);
  assert.deepEqual(normalizePlace('Washington'), { country: 'US', region: 'Washington', metro: null }, 'alone, the state');
});

test('a name not ambiguous means its metro without a region, and in the metro\'s other regions', () => {
  assert.equal(metro('Boston'), 'Greater Boston');
  assert.equal(metro('Washington DC'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Washington D.C. Metro Area'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Arlington, Virginia'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Baltimore, Maryland, United States'), 'Washington DC-Baltimore Area');
  assert.equal(metro('Greater Boston'), 'Greater Boston');
  assert.equal(metro('Seattle, Washington'), 'Greater Seattle Area');
  assert.equal(metro('London'), 'Greater London');
  assert.equal(metro('London, Ontario, Canada'), null);
});

test('an ambiguous name is one of its metro\'s names (else it would mark nothing)', () => {
  const marked = METROS.flatMap((m) => (m.ambiguous ?? []).map((n) => ({ metro: m.name, name: n, listed: m.names.includes(n) })));
  assert.ok(marked.length > 0);
  assert.deepEqual(marked.filter((x) => !x.listed), []);
});
