import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase, type Store } from '../src/api.js';
import { checkpointAfterDerive } from '../src/snapshots/deferred-merge.js';
import { tempDir } from './helpers/people.js';

const rowGroups = async (store: Store): Promise<number> =>
  (await store.all<{ n: number }>("SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM pragma_storage_info('t')"))[0]!.n;
const live = async (store: Store): Promise<number> => (await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM t'))[0]!.n;
const since = async (store: Store): Promise<string | undefined> =>
  (await store.all<{ value: string }>("SELECT value FROM meta WHERE key = 'rebuilt_since_merge'"))[0]?.value;

test('the checkpoint after an incremental derive merges row groups only once a third of the people were rebuilt', async () => {
  const store = await openDatabase(join(tempDir('tf-merge-'), 'db.duckdb'), { threads: 1 });
  // three row groups (122,880 rows each at most); deleting 60% of the first two makes them fit in one
  await store.run('CREATE TABLE t AS SELECT range AS i FROM range(300000)');
  await store.run('CHECKPOINT');
  assert.equal(await rowGroups(store), 3);
  await store.run('DELETE FROM t WHERE i < 245760 AND i % 5 < 3');
  const remaining = await live(store);

  // 100 of 1,000 people rebuilt: no merge, the count kept, the engine setting restored
  assert.equal(await checkpointAfterDerive(store, { rebuilt: 100, people: 1000 }), false);
  assert.equal(await rowGroups(store), 3);
  assert.equal(await since(store), '100');
  assert.deepEqual(await store.all("SELECT current_setting('max_vacuum_tasks')::INTEGER AS v"), [{ v: 100 }]);

  // 100 + 240 = 340 of 1,000 ≥ a third: this checkpoint merges, and the count starts again
  assert.equal(await checkpointAfterDerive(store, { rebuilt: 240, people: 1000 }), true);
  assert.equal(await rowGroups(store), 2);
  assert.equal(await since(store), undefined);
  assert.equal(await live(store), remaining);

  // a full derive (rebuilt: null) always merges
  await store.run('DELETE FROM t WHERE i >= 245760 AND i % 2 = 0');
  assert.equal(await checkpointAfterDerive(store, { rebuilt: 10, people: 1000 }), false);
  assert.equal(await checkpointAfterDerive(store, { rebuilt: null, people: 1000 }), true);
  assert.equal(await since(store), undefined);
  await store.close();
});
