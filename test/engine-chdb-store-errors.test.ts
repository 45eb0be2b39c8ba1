import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { StoreError } from '../src/engines/engine.js';
import { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { chdbSkip, hasChdb } from './helpers/chdb.js';


// a "cluster" of two shards: chdb itself, and a server that is down (nothing listens on port 1)
const DOWN = 'http://127.0.0.1:1';
let ch: ClickHouseStore;

before(async () => {
  if (!hasChdb) return;
  ch = await ClickHouseStore.connect('chdb:', { cluster: 'pair', shardUrls: ['chdb:', DOWN] });
});

after(async () => {
  await ch?.close();
});

/** The rejection of `p`, which must reject. */
async function failure(p: Promise<unknown>): Promise<StoreError> {
  const e = await p.then(() => null, (x: unknown) => x);
  assert.ok(e instanceof StoreError, `a StoreError, not ${String(e)}`);
  return e;
}

test('dropTable wraps a shard\'s refusal with its SQL, as StoreError', { skip: chdbSkip }, async () => {
  await ch.run('CREATE TABLE facts_local (k UInt64, v String) ENGINE = MergeTree ORDER BY k');
  await ch.run("CREATE DICTIONARY facts_dict (k UInt64, v String) PRIMARY KEY k SOURCE(CLICKHOUSE(TABLE 'facts_local')) LIFETIME(0) LAYOUT(FLAT())");
  const e = await failure(ch.dropTable('facts'));
  assert.equal(e.sql, 'DROP TABLE IF EXISTS facts_local');
  assert.match(e.message, /^clickhouse \(chdb:.*\): .*HAVE_DEPENDENT_OBJECTS/s);
  assert.match(e.message, /-- in --\nDROP TABLE IF EXISTS facts_local$/);
  assert.equal(await ch.tableExists('facts_local'), true, 'refused: still there');
});

test('dropTable names the shard that is down, as StoreError', { skip: chdbSkip }, async () => {
  await ch.run('DROP DICTIONARY facts_dict');
  const e = await failure(ch.dropTable('facts'));
  assert.equal(e.sql, 'DROP TABLE IF EXISTS facts_local');
  assert.match(e.message, /^clickhouse \(http:\/\/127\.0\.0\.1:1\/default\): .*ECONNREFUSED/);
  assert.equal(await ch.tableExists('facts_local'), false, 'the shard that is up dropped its table');
});
