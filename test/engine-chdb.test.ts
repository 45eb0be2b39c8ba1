import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { hires, type Store } from '../src/api.js';
import type { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { conformanceTests, conformanceWorld } from './helpers/hires-conformance.js';
import { chdbSkip, hasChdb, chdbWithFacts } from './helpers/chdb.js';


let duck: Store;
let ch: ClickHouseStore;

before(async () => {
  if (!hasChdb) return;
  ({ duck, ch } = await chdbWithFacts(conformanceWorld()));
});

after(async () => {
  await ch?.close();
  await duck?.close();
});

test('chdb runs a modern ClickHouse with the portable capabilities', { skip: chdbSkip }, () => {
  assert.match(ch.version, /^2\d\./);
  assert.equal(ch.dialect.capabilities.multipleJoins, true);
  assert.equal(ch.dialect.capabilities.nonEquiJoins, false);
});

test('every derived table arrives whole in ClickHouse', { skip: chdbSkip }, async () => {
  for (const table of ['people', 'positions', 'graduations', 'hires', 'company_map', 'title_map', 'quarantine']) {
    const [a] = await duck.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    const [b] = await ch.all<{ n: number }>(`SELECT count() AS n FROM ${table}`);
    assert.equal(b?.n, a?.n, table);
  }
});

conformanceTests(
  (q) => `hires --by ${q.by.join(',') || '(none)'}${q.from ? ` --from ${q.from}` : ''}: DuckDB and ClickHouse give the same rows`,
  () => ({ duck, engine: ch }),
  chdbSkip,
);

test('hires before 1970 keep their year on ClickHouse', { skip: chdbSkip }, async () => {
  const { rows } = await hires(ch, { by: ['company', 'year'], to: 1970 }, []);
  assert.deepEqual(rows.map((r) => [r.company, r.year, r.hires]), [['IBM', 1962, 1], ['Xerox', 1970, 1]]);
});
