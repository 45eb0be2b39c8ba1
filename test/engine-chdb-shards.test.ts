/**
 * Many ingest workers, one ClickHouse: one world of invented people, split by person into two
 * input files, ingested as two shares (`--shard 0/2`, `--shard 1/2`: two worker-local DuckDB
 * databases shipping to one chdb) answers every metric with the rows of a DuckDB ingest of the
 * whole world. The two shares number their people from the same start (the per-worker `pid`s
 * overlap) and resolve the same titles and places (each ships its own maps), so a person key
 * or a map row counted twice would show. Shipping a share again (`talentflow ingest --shard`)
 * is reported as duplicate people.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hires, ingestFiles, openDatabase, retention, selectCohorts, trend, type Store } from '../src/api.js';
import { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { ingestToSink } from '../src/store/ingest-to-sink.js';
import { dropFacts } from '../src/store/ship-facts.js';
import { jsonl } from './helpers/people.js';
import { CONFORMANCE_QUERIES } from './helpers/hires-conformance.js';
import { cli } from './helpers/cli.js';
import { METRIC_CASES, metricsWorld, rowsOf, type MetricResult } from './helpers/metric-cases.js';
import { chdbSkip, hasChdb } from './helpers/chdb.js';


/** The world's lines in two files, each person (same id or same LinkedIn profile) in one. */
function splitByPerson(): [string, string] {
  const shares: [(Record<string, unknown> | string)[], (Record<string, unknown> | string)[]] = [[], []];
  const order: string[] = [];
  for (const line of metricsWorld()) {
    // slugdup is ng1 by LinkedIn profile; unreadable lines go with the first share
    const who = typeof line === 'string' ? '' : line.id === 'slugdup' ? 'ng1' : String(line.id);
    if (!order.includes(who)) order.push(who);
    shares[order.indexOf(who) % 2]!.push(line);
  }
  return [jsonl(shares[0]), jsonl(shares[1])];
}

const NOW = '2025-06-30';
const cohorts = selectCohorts('bigtech15,mag7');
let files: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tf-chdb-shards-'));
const url = `chdb:${join(dir, 'ch')}`;
let duck: Store;
let ch: ClickHouseStore | undefined;
/** Each share's per-worker person numbers. */
const sharePids: number[][] = [];
const shareSummaries: Awaited<ReturnType<typeof ingestToSink>>[] = [];

/** Ingest share `index` of 2 in a worker-local database and ship it to `ch`. */
async function ingestShare(index: number) {
  const local = await openDatabase(':memory:', { threads: 1 });
  try {
    const summary = await ingestToSink(ch!, local, files, { format: 'pdl', now: NOW, shard: { index, count: 2 } });
    const pids = (await local.all<{ pid: number }>('SELECT pid FROM people ORDER BY pid')).map((r) => Number(r.pid));
    return { summary, pids };
  } finally {
    await local.close();
  }
}

before(async () => {
  if (!hasChdb) return;
  files = splitByPerson();
  duck = await openDatabase(':memory:', { threads: 2 });
  await ingestFiles(duck, files, { format: 'pdl', now: NOW });
  ch = await ClickHouseStore.connect(url);
  await dropFacts(ch);
  for (const index of [0, 1]) {
    const { summary, pids } = await ingestShare(index);
    sharePids.push(pids);
    shareSummaries.push(summary);
  }
});

after(async () => {
  await ch?.close();
  await duck?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('each share takes one file, and the shares number their people alike', { skip: chdbSkip }, () => {
  assert.deepEqual(shareSummaries.map((s) => s.inputs.length), [1, 1]);
  assert.notDeepEqual(shareSummaries[0]!.inputs, shareSummaries[1]!.inputs);
  const overlap = sharePids[0]!.filter((p) => sharePids[1]!.includes(p));
  assert.ok(overlap.length >= 10, `per-worker pids collide across shares (${overlap.length} shared)`);
});

test('the sink holds each person once, under one key, and each title and place once', { skip: chdbSkip }, async () => {
  const [people] = await ch!.all<{ n: number; ids: number; pids: number }>('SELECT count() AS n, uniqExact(person_id) AS ids, uniqExact(pid) AS pids FROM people');
  const [whole] = await duck.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM people');
  assert.deepEqual(people, { n: whole!.n, ids: whole!.n, pids: whole!.n });
  for (const [map, key] of [['title_map', 'title_key'], ['place_map', 'place_key'], ['degree_map', 'degree_key'], ['company_map', 'company_key']] as const) {
    const [d] = await duck.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${map}`);
    const [c] = await ch!.all<{ n: number; keys: number }>(`SELECT count() AS n, uniqExact(${key}) AS keys FROM ${map}`);
    assert.deepEqual(c, { n: d!.n, keys: d!.n }, map);
  }
  assert.deepEqual(shareSummaries.map((s) => s.duplicate_people), [0, 0]);
});

const byTitleAndPlace: [string, (s: Store) => Promise<MetricResult>][] = [
  ['headcount by function and metro', (s) => trend(s, { by: ['function', 'metro'], from: 2019, to: 2024, minCell: 1, bootstrap: { replicates: 40 } }, cohorts)],
  ['retention by seniority', (s) => retention(s, { by: ['seniority'], minCell: 1 }, cohorts)],
];
for (const [name, run] of [...METRIC_CASES, ...byTitleAndPlace]) {
  test(`${name}: two shares on ClickHouse give the rows of one DuckDB ingest`, { skip: chdbSkip }, async () => {
    const a = await run(duck);
    const b = await run(ch!);
    assert.ok(a.rows.length > 0 || a.ratio, 'DuckDB finds something to compare');
    assert.deepEqual(rowsOf(b), rowsOf(a));
  });
}

for (const q of CONFORMANCE_QUERIES) {
  test(`hires --by ${q.by.join(',') || '(none)'}: two shares on ClickHouse give the rows of one DuckDB ingest`, { skip: chdbSkip }, async () => {
    const a = await hires(duck, q, cohorts);
    assert.ok(a.rows.length > 0);
    assert.deepEqual((await hires(ch!, q, cohorts)).rows, a.rows);
  });
}

// last: it closes the sink, for the CLI to ship a share a second time
test('ingest --shard 1/2 run again warns of duplicate people (their counts would double)', { skip: chdbSkip }, async () => {
  await ch!.close();
  ch = undefined;
  const r = await cli('ingest', ...files, '--format', 'pdl', '--as-of', NOW, '--shard', '1/2', '--engine', 'clickhouse', '--url', url, '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal((JSON.parse(r.out) as { duplicate_people: number }).duplicate_people, sharePids[1]!.length);
  assert.match(r.err, new RegExp(`warning: ClickHouse now holds ${sharePids[1]!.length} people more than once`));
});
