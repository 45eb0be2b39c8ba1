import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateWorld } from '../src/synth/index.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'tf-synth-'));
  dirs.push(d);
  return d;
}
process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

test('the same seed writes byte-identical worlds, in process or on worker threads', async () => {
  const a = tmp();
  const b = tmp();
  await generateWorld({ people: 3000, seed: 42, out: a, shardSize: 1000, workers: 0 });
  await generateWorld({ people: 3000, seed: 42, out: b, shardSize: 1000, workers: 2 });
  const fa = files(a);
  const fb = files(b);
  assert.deepEqual([...fa.keys()], ['cohorts.yaml', 'people-0000.jsonl', 'people-0001.jsonl', 'people-0002.jsonl', 'summary.json', 'truth.json']);
  assert.deepEqual([...fb.keys()], [...fa.keys()]);
  for (const [name, bytes] of fa) assert.ok(bytes.equals(fb.get(name)!), `${name} differs`);
});

test('a different seed writes a different world', async () => {
  const a = tmp();
  const b = tmp();
  await generateWorld({ people: 1000, seed: 1, out: a });
  await generateWorld({ people: 1000, seed: 2, out: b });
  assert.notDeepEqual(readFileSync(join(a, 'people-0000.jsonl')), readFileSync(join(b, 'people-0000.jsonl')));
  assert.notDeepEqual(JSON.parse(readFileSync(join(a, 'truth.json'), 'utf8')).hires, JSON.parse(readFileSync(join(b, 'truth.json'), 'utf8')).hires);
});

test('--gzip writes the same lines, compressed', async () => {
  const a = tmp();
  const b = tmp();
  await generateWorld({ people: 800, seed: 9, out: a });
  await generateWorld({ people: 800, seed: 9, out: b, gzip: true });
  const plain = readFileSync(join(a, 'people-0000.jsonl'));
  assert.ok(gunzipSync(readFileSync(join(b, 'people-0000.jsonl.gz'))).equals(plain));
  assert.deepEqual(readFileSync(join(a, 'truth.json')), readFileSync(join(b, 'truth.json')));
});

test('the snapshot date bounds the world: no position starts after it, truth stops at its year', async () => {
  const a = tmp();
  const s = await generateWorld({ people: 1500, seed: 3, out: a, snapshotDate: '2023-03-31' });
  const truth = JSON.parse(readFileSync(join(a, 'truth.json'), 'utf8')) as { years: { to: number }; hires: { year: number }[] };
  assert.equal(truth.years.to, 2023);
  assert.ok(truth.hires.every((r) => r.year <= 2023));
  let latest = '';
  for (const line of readFileSync(s.files[0]!, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const r = JSON.parse(line) as { job_last_updated: string; experience: { start_date: string | null }[] };
      assert.ok(r.job_last_updated <= '2023-03-31', r.job_last_updated);
      for (const e of r.experience) if (e.start_date && e.start_date > latest) latest = e.start_date;
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
    }
  }
  assert.ok(latest.slice(0, 7) <= '2023-03', latest);
});

test('bad options are usage errors', async () => {
  await assert.rejects(generateWorld({ people: 0, seed: 1, out: tmp() }), /invalid --people: 0/);
  await assert.rejects(generateWorld({ people: 10, seed: 1, out: tmp(), snapshotDate: '2025-13-01' }), /invalid snapshot date: 2025-13-01/);
});
