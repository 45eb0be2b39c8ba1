/**
 * A real 2-shard ClickHouse cluster (Debian's clickhouse-server 18.16, two servers on loopback
 * started by scripts/clickhouse-cluster.sh): a synthetic world and the conformance fixtures are
 * ingested through the store, queried through the Distributed table, and compared with DuckDB
 * row for row. Every server started here is stopped at the end.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hires, hiresWithStats, ingestFiles, openDatabase, retention, selectCohorts, trend, type Store } from '../src/api.js';
import { UserError } from '../src/model/errors.js';
import { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { dropFacts, repeatedPeople, shipFacts } from '../src/store/ship-facts.js';
import { generateWorld } from '../src/synth/index.js';
import { jsonl } from './helpers/people.js';
import { conformanceTests, conformanceWorld } from './helpers/hires-conformance.js';

const script = resolve(import.meta.dirname, '../scripts/clickhouse-cluster.sh');
const hasServer = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v clickhouse-server'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = !hasServer && 'clickhouse-server absent (apt-get install -y clickhouse-server clickhouse-client)';
const dir = mkdtempSync(join(tmpdir(), 'tf-cluster-'));
// a port range of its own, so a developer's running cluster is not touched
const env = { ...process.env, TF_CH_PORT_BASE: String(20000 + (process.pid % 2000) * 10) };

let urls: string[] = [];
let duck: Store;
let ch: ClickHouseStore;

before(async () => {
  if (!hasServer) return;
  urls = execFileSync(script, ['start', join(dir, 'servers')], { env, encoding: 'utf8' }).trim().split('\n');
  const world = await generateWorld({ people: 3000, seed: 11, out: join(dir, 'world'), shardSize: 1000 });
  const files = [...world.files, jsonl(conformanceWorld())];
  duck = await openDatabase(':memory:', { threads: 2 });
  await ingestFiles(duck, files, { format: 'pdl', cohortFiles: [world.cohorts_file], now: world.snapshot_date });
  ch = await ClickHouseStore.connect(urls[0]!, { cluster: 'talentflow', shardUrls: urls });
  await dropFacts(ch);
  await shipFacts(duck, ch, { batchBytes: '1MB' });
});

after(async () => {
  await ch?.close();
  await duck?.close();
  if (hasServer) execFileSync(script, ['stop', join(dir, 'servers')], { env });
  rmSync(dir, { recursive: true, force: true });
});

test('the cluster is ClickHouse 18.16 with its limits as capabilities', { skip }, () => {
  assert.match(ch.version, /^18\./);
  assert.equal(ch.dialect.capabilities.multipleJoins, false);
  assert.equal(ch.dialect.capabilities.windowFunctions, false);
});

test('each shard holds the people whose pid is its index modulo 2, in every per-person table', { skip }, async () => {
  for (const [k, u] of urls.entries()) {
    const s = await ClickHouseStore.connect(u);
    for (const table of ['people', 'positions', 'graduations', 'hires', 'spells']) {
      const [r] = await s.all<{ n: number; elsewhere: number }>(`SELECT count() AS n, countIf(pid % 2 != ${k}) AS elsewhere FROM ${table}_local`);
      assert.ok(r!.n > 0, `${table} on shard ${k}`);
      assert.equal(r!.elsewhere, 0, `${table} on shard ${k}`);
    }
    await s.close();
  }
  assert.equal(await ch.directShards('hires'), 2);
  assert.equal(await ch.directShards('company_map_rows'), 0, 'a node-local table');
});

test('a ship into hires sharded by cityHash64(person_id) (an older talentflow) routes them through the Distributed table', { skip }, async () => {
  // a database of its own on both servers, whose hires table is the old kind
  for (const u of urls) {
    const s = await ClickHouseStore.connect(u);
    await s.run('CREATE DATABASE IF NOT EXISTS legacy');
    await s.close();
  }
  const at = (u: string) => `${u}/legacy`;
  const old = await ClickHouseStore.connect(at(urls[0]!), { cluster: 'talentflow', shardUrls: urls.map(at) });
  const [hiresTable] = await ch.all<{ statement: string }>('SHOW CREATE TABLE hires');
  const cols = /\((.*)\) ENGINE = Distributed/s.exec(hiresTable!.statement)![1]!;
  for (const u of urls) {
    const s = await ClickHouseStore.connect(at(u));
    await s.run(`CREATE TABLE hires_local (${cols}) ENGINE = MergeTree ORDER BY person_id`);
    await s.close();
  }
  await old.run(`CREATE TABLE hires (${cols}) ENGINE = Distributed(talentflow, 'legacy', hires_local, cityHash64(person_id))`);
  assert.equal(await old.directShards('hires'), 0);
  await shipFacts(duck, old, { batchBytes: '1MB' });
  assert.equal(await old.directShards('people'), 2, 'the tables the ship created shard by pid');
  const [d] = await duck.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM hires');
  let total = 0;
  for (const [k, u] of urls.entries()) {
    const s = await ClickHouseStore.connect(at(u));
    const [h] = await s.all<{ n: number; elsewhere: number }>(`SELECT count() AS n, countIf(cityHash64(person_id) % 2 != ${k}) AS elsewhere FROM hires_local`);
    const [p] = await s.all<{ elsewhere: number }>(`SELECT countIf(pid % 2 != ${k}) AS elsewhere FROM people_local`);
    assert.equal(h!.elsewhere, 0, `shard ${k} holds only its cityHash64 share of hires`);
    assert.equal(p!.elsewhere, 0, `shard ${k} holds only its pid share of people`);
    total += h!.n;
    await s.run('DROP DATABASE legacy');
    await s.close();
  }
  assert.equal(total, d!.n);
  await old.close();
});

test('hires are split over both shards by person, none lost', { skip }, async () => {
  const [d] = await duck.all<{ n: number }>('SELECT count(*) AS n FROM hires');
  const per = await Promise.all(urls.map(async (u) => {
    const s = await ClickHouseStore.connect(u);
    const [r] = await s.all<{ n: number; people: number }>('SELECT count() AS n, uniqExact(person_id) AS people FROM hires_local');
    await s.close();
    return r!;
  }));
  assert.ok(per.every((r) => r.n > 0), 'both shards hold hires');
  assert.equal(per[0]!.n + per[1]!.n, d!.n);
  const [all] = await ch.all<{ people: number }>('SELECT uniqExact(person_id) AS people FROM hires');
  assert.equal(per[0]!.people + per[1]!.people, all!.people, 'no person on two shards');
});

conformanceTests((q) => `on 2 shards, hires --by ${q.by.join(',') || '(none)'} equals DuckDB row for row`, () => ({ duck, engine: ch }), skip);

test('hires before 1970 keep their year on 18.16 (month indices, never Date)', { skip }, async () => {
  const { rows } = await hires(ch, { by: ['company', 'year'], to: 1970 }, []);
  assert.deepEqual(rows.filter((r) => r.company === 'IBM').map((r) => [r.year, r.hires]), [[1962, 1]]);
});

test('on 2 shards, hires --ci by cohort and year (patterns by person, no window functions) equals DuckDB', { skip }, async () => {
  const cohorts = selectCohorts('bigtech15,mag7');
  const stats = { minCell: 5, bootstrap: { replicates: 40 } };
  const a = await hiresWithStats(duck, { by: ['cohort', 'year'] }, cohorts, stats);
  const b = await hiresWithStats(ch, { by: ['cohort', 'year'] }, cohorts, stats);
  assert.ok(a.rows.length > 0);
  assert.deepEqual(b.rows, a.rows);
});

test('spells are shipped by person; a metric 18.16 cannot run fails naming the capability and the version', { skip }, async () => {
  const [d] = await duck.all<{ n: number }>('SELECT count(*) AS n FROM spells');
  const [c] = await ch.all<{ n: number }>('SELECT count() AS n FROM spells');
  assert.equal(c?.n, d?.n);
  for (const run of [() => retention(ch, {}, []), () => trend(ch, { from: 2020, to: 2021 }, [])]) {
    await assert.rejects(run, (e: unknown) => e instanceof UserError && /needs cteSubqueries/.test(e.message) && /ClickHouse 21\.9 or later/.test(e.hint ?? ''));
  }
});

// last: it ships the facts a second time
test('facts shipped twice are counted shard by shard as duplicate people', { skip }, async () => {
  assert.equal(await repeatedPeople(ch), 0);
  await shipFacts(duck, ch, { batchBytes: '1MB' });
  const [d] = await duck.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM people');
  assert.equal(await repeatedPeople(ch), d!.n);
  const [t] = await ch.all<{ n: number; keys: number }>('SELECT count() AS n, uniqExact(title_key) AS keys FROM title_map');
  assert.equal(t!.n, t!.keys, 'the title map still has one row per title');
});
