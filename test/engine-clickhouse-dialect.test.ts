import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hires, selectCohorts } from '../src/api.js';
import { duckdbDialect } from '../src/engines/duckdb/index.js';
import { capabilitiesOf, clickhouseDialect, LEGACY_CAPABILITIES } from '../src/engines/clickhouse/index.js';
import { splitStatements } from '../src/engines/clickhouse/split-statements.js';
import { hiresSql } from '../src/metrics/hires.js';
import { world } from './helpers/people.js';
import { conformanceWorld, CONFORMANCE_QUERIES } from './helpers/hires-conformance.js';

const ch = clickhouseDialect(LEGACY_CAPABILITIES);

test('ClickHouse literals escape quotes and backslashes; counts are exact', () => {
  assert.equal(ch.literal("O'Brien \\ co"), "'O\\'Brien \\\\ co'");
  assert.equal(ch.countDistinctExact('person_id'), 'uniqExact(person_id)');
  assert.doesNotMatch(ch.countDistinctExact('x'), /uniq\(/);
});

test('server versions map to capabilities: 18.16 is legacy, 21.9 and later modern', () => {
  assert.equal(capabilitiesOf('18.16.1').multipleJoins, false);
  assert.equal(capabilitiesOf('21.8.5').windowFunctions, false, 'window functions were experimental before 21.9');
  assert.equal(capabilitiesOf('21.9.1').cteSubqueries, true);
  assert.equal(capabilitiesOf('18.16.1').windowFunctions, false);
  assert.equal(capabilitiesOf('26.7.2.1').windowFunctions, true);
});

test('on ClickHouse the hires query aggregates facts first and joins once per SELECT', () => {
  const sql = hiresSql({ metric: 'hires', by: ['cohort', 'year', 'seniority'], cohortSet: 'abc' }, ch);
  assert.match(sql, /^SELECT cohort, year, seniority, coalesce\(sum\(n\), 0\) AS hires/);
  assert.match(sql, /FROM hires GROUP BY year, title_key, company_id, hire_m/);
  for (const select of sql.split(/\bSELECT\b/).slice(1)) assert.ok((select.match(/\bJOIN\b/g) ?? []).length <= 1, select);
  assert.doesNotMatch(sql, /BETWEEN/);
  assert.doesNotMatch(sql, /\bWITH\b/);
});

test('statements split at top-level semicolons only', () => {
  assert.deepEqual(splitStatements("DROP TABLE a; SELECT ';' AS x;\n"), ['DROP TABLE a', "SELECT ';' AS x"]);
});

test('the portable hires form gives the direct form\u2019s rows on DuckDB too', async () => {
  const { store } = await world(conformanceWorld());
  const cohorts = selectCohorts('bigtech15,mag7');
  const portable = { ...duckdbDialect, capabilities: { ...duckdbDialect.capabilities, multipleJoins: false } };
  for (const q of CONFORMANCE_QUERIES) {
    const { query } = await hires(store, q, cohorts);
    const direct = await store.all(hiresSql(query));
    assert.ok(direct.length > 0);
    assert.deepEqual(await store.all(hiresSql(query, portable)), direct, q.by.join(','));
  }
  await store.close();
});
