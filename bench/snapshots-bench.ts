/**
 * Snapshot bench (issue 8): the same world written as of two snapshot dates a month apart (so a
 * few percent of people change between them), each ingested with --snapshot into one database;
 * the figure is the second ingest's time over the first's (target ≤ 0.40). Small by default (the
 * machine is shared): `node --import tsx bench/snapshots-bench.ts [PEOPLE]`, writes
 * bench/results/snapshots.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles, openDatabase } from '../src/api.js';
import { generateWorld } from '../src/synth/index.js';

const people = Number(process.argv[2] ?? 20_000);
const dates = ['2025-05-31', '2025-06-30'];
const dir = mkdtempSync(join(tmpdir(), 'tf-snapbench-'));
try {
  await generateWorld({ people, seed: 11, out: dir, snapshots: dates });
  const store = await openDatabase(join(dir, 'bench.duckdb'), { threads: 2 });
  const seconds: number[] = [];
  let changed = 0;
  for (const d of dates) {
    const t = performance.now();
    const s = await ingestFiles(store, [join(dir, `snapshot-${d}`)], { now: d, snapshot: d });
    seconds.push((performance.now() - t) / 1000);
    changed = s.changes?.added ?? 0;
  }
  const [row] = await store.all<{ changed: number }>(
    'SELECT count(*) AS changed FROM snap_records c JOIN snap_records p ON p.pid = c.pid AND p.seq = c.seq - 1 WHERE c.content_hash <> p.content_hash',
  );
  await store.close();
  const result = {
    people, snapshots: dates, first_s: round(seconds[0]!), second_s: round(seconds[1]!), ratio: round(seconds[1]! / seconds[0]!),
    target_ratio: 0.4, changed_people: row?.changed ?? 0, changed_share: round((row?.changed ?? 0) / people), events: changed,
    machine: '2 cores, shared', note: 'derive rebuilds every person on each ingest; only change detection is incremental',
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/snapshots.json', JSON.stringify(result, null, 1) + '\n');
  console.log(result);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
