import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles, openDatabase } from '../src/api.js';
import { generateWorld } from '../src/synth/index.js';
import { cli } from './helpers/cli.js';
import { jsonl, person, tempDir } from './helpers/people.js';
import { webhookReceiver } from './helpers/webhook-receiver.js';

const SNAPSHOTS = ['2024-06-30', '2024-12-31', '2025-06-30'];

async function series(people: number, seed: number): Promise<string> {
  const out = tempDir('tf-series-');
  await generateWorld({ people, seed, out, snapshots: SNAPSHOTS });
  return out;
}

const keyOf = (id: string, kind: string, snapshot: string, startM: number) => `${id}|${kind}|${snapshot}|${Math.floor(startM / 12)}`;

test('the change feed finds every planted job change once, and re-ingesting a snapshot adds none', async () => {
  const out = await series(1500, 4);
  const store = await openDatabase(':memory:', { threads: 2 });
  for (const d of SNAPSHOTS) await ingestFiles(store, [join(out, `snapshot-${d}`)], { now: d, snapshot: d });
  const planted = readdirSync(out).filter((f) => f.startsWith('snapshot-events-')).flatMap((f) =>
    readFileSync(join(out, f), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; kind: string; snapshot: string; start_m: number }));
  assert.ok(planted.filter((p) => p.kind === 'started').length > 200, 'the world plants job changes');
  const found = await store.all<{ person_id: string; kind: string; snapshot: string; start_m: number }>(
    "SELECT person_id, kind, snapshot, start_m FROM changes WHERE kind IN ('started', 'left', 'education_added')",
  );
  const want = planted.map((p) => keyOf(p.id, p.kind, p.snapshot, p.start_m)).sort();
  const got = found.map((e) => keyOf(e.person_id, e.kind, e.snapshot, e.start_m)).sort();
  assert.deepEqual(got, want);
  const again = await ingestFiles(store, [join(out, `snapshot-${SNAPSHOTS[1]}`)], { now: SNAPSHOTS[1]!, snapshot: SNAPSHOTS[1]! });
  assert.equal(again.changes?.added, 0);
  const [n] = await store.all<{ n: number }>('SELECT count(*) AS n FROM changes');
  assert.equal(n?.n, found.length);
  await store.close();
});

test('ingest --webhook POSTs the batch of new events to a local receiver; changes --follow prints NDJSON', async () => {
  const hook = await webhookReceiver<{ batch: number; events: { person_id: string; kind: string }[] }>();
  const posts = hook.posts;
  const db = join(tempDir('tf-hook-'), 'hook.duckdb');
  const s1 = jsonl([person({ id: 'a', jobs: [['Acme', 'Engineer', '2021-03', null]], updated: '2024-06-01' })], 's1.jsonl');
  const s2 = jsonl([person({ id: 'a', jobs: [['Beta', 'Engineer', '2024-10', null], ['Acme', 'Engineer', '2021-03', '2024-09']], updated: '2024-12-01' })], 's2.jsonl');
  const url = hook.url;
  try {
    const r1 = await cli('ingest', s1, '--db', db, '--snapshot', '2024-06-30', '--webhook', url, '--json');
    assert.equal(r1.code, 0, r1.err);
    assert.equal(posts.length, 0, 'a first snapshot has no events to post');
    const r2 = await cli('ingest', s2, '--db', db, '--snapshot', '2024-12-31', '--webhook', url, '--json');
    assert.equal(r2.code, 0, r2.err);
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0]!.events.map((e) => [e.person_id, e.kind]).sort(), [['a', 'left'], ['a', 'started']]);
    const follow = await cli('changes', '--follow', '--interval', '0', '--db', db);
    const lines = follow.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; company: string; start: string });
    assert.deepEqual(lines.map((l) => [l.kind, l.company, l.start]), [['left', 'Acme', '2021-03'], ['started', 'Beta', '2024-10']]);
    const since = await cli('changes', '--since', '2025-01-01', '--format', 'json', '--db', db);
    assert.deepEqual(JSON.parse(since.out), []);
  } finally {
    hook.close();
  }
});
