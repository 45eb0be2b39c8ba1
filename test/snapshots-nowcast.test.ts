import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles, openDatabase, type Store } from '../src/api.js';
import { generateWorld, type Truth } from '../src/synth/index.js';
import { completenessCurve, nowcastHires } from '../src/snapshots/index.js';
import { jsonl, person, tempDir } from './helpers/people.js';

const SNAPSHOTS = ['2024-06-30', '2024-12-31', '2025-06-30'] as const;

async function ingest(store: Store, out: string, date: string): Promise<void> {
  await ingestFiles(store, [join(out, `snapshot-${date}`)], { now: date, snapshot: date });
}

for (const seed of [3, 5, 7]) {
  test(`the nowcast from an early snapshot recovers the true 2024 and 2025 hires within its band (seed ${seed})`, async () => {
    const out = tempDir('tf-nowcast-');
    await generateWorld({ people: 1500, seed, out, snapshots: [...SNAPSHOTS] });
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as Truth;
    const trueHires = (y: number) => truth.hires.filter((r) => r.year === y).reduce((a, r) => a + r.hires, 0);
    const store = await openDatabase(':memory:', { threads: 2 });
    await ingest(store, out, SNAPSHOTS[0]);
    await ingest(store, out, SNAPSHOTS[1]);
    const early = await nowcastHires(store, { by: ['year'], from: 2024, to: 2024 }, []);
    const y2024 = early.rows.find((r) => r.year === 2024)!;
    assert.ok(y2024.hires < trueHires(2024), 'the latest months are under-reported');
    assert.ok(y2024.provisional);
    assert.ok(y2024.nowcast_lo <= trueHires(2024) && trueHires(2024) <= y2024.nowcast_hi, `2024: truth ${trueHires(2024)} outside [${y2024.nowcast_lo}, ${y2024.nowcast_hi}]`);
    await ingest(store, out, SNAPSHOTS[2]);
    const late = await nowcastHires(store, { by: ['year'], from: 2024 }, []);
    const y2025 = late.rows.find((r) => r.year === 2025)!;
    assert.ok(y2025.nowcast_lo <= trueHires(2025) && trueHires(2025) <= y2025.nowcast_hi, `2025: truth ${trueHires(2025)} outside [${y2025.nowcast_lo}, ${y2025.nowcast_hi}]`);
    assert.equal(late.rows.find((r) => r.year === 2024)!.provisional, false);
    await store.close();
  });
}

test('the completeness curve counts a hire as visible from the snapshot it first appeared in', async () => {
  const store = await openDatabase(':memory:', { threads: 2 });
  // two people hired in 2024-05; one shows it in June, the other only in December
  const s1 = jsonl([
    person({ id: 'a', jobs: [['Acme', 'Engineer', '2024-05', null]], updated: '2024-06-20' }),
    person({ id: 'b', jobs: [['Old Co', 'Engineer', '2019-01', '2024-04']], updated: '2024-04-20' }),
  ], 's1.jsonl');
  const s2 = jsonl([
    person({ id: 'a', jobs: [['Acme', 'Engineer', '2024-05', null]], updated: '2024-12-01' }),
    person({ id: 'b', jobs: [['Beta', 'Engineer', '2024-05', null], ['Old Co', 'Engineer', '2019-01', '2024-04']], updated: '2024-12-01' }),
  ], 's2.jsonl');
  await ingestFiles(store, [s1], { format: 'pdl', now: '2024-06-30', snapshot: '2024-06-30' });
  await ingestFiles(store, [s2], { format: 'pdl', now: '2024-12-31', snapshot: '2024-12-31' });
  const curve = await completenessCurve(store);
  assert.equal(curve.horizon, 6);
  assert.deepEqual(curve.points[1], { k: 1, pi: 0.5, se: curve.points[1]!.se, n: 2 });
  await store.close();
});

test('--nowcast without snapshots is a user error', async () => {
  const store = await openDatabase(':memory:', { threads: 2 });
  await ingestFiles(store, [jsonl([person({ id: 'a', jobs: [['Acme', 'Engineer', '2024-05', null]] })])], { format: 'pdl', now: '2025-06-30' });
  await assert.rejects(nowcastHires(store, { by: ['year'] }, []), /no snapshots/);
  await store.close();
});
