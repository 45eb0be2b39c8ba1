import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestFiles, openDatabase, type Store } from '../src/api.js';
import { generateWorld, loadScenario, scenariosDir } from '../src/synth/index.js';
import { jsonl, person, tempDir } from './helpers/people.js';

const SNAPSHOTS = ['2024-06-30', '2024-12-31', '2025-06-30'];
/** Every table an incremental derive writes, compared row for row with a full derive. */
const TABLES = [
  'person_keys', 'snap_records', 'people', 'pos_inst', 'position_history', 'edu_inst', 'education_history', 'positions', 'graduations',
  'stints', 'hires', 'spells', 'company_map', 'title_map', 'degree_map', 'place_map', 'changes',
];

/** Rows of one table in the current database and not in `other` (as multisets), both ways. */
async function differences(store: Store, other: string, table: string): Promise<number> {
  const [row] = await store.all<{ n: number }>(
    `SELECT (SELECT count(*) FROM (SELECT * FROM main.${table} EXCEPT ALL SELECT * FROM ${other}.${table}))
          + (SELECT count(*) FROM (SELECT * FROM ${other}.${table} EXCEPT ALL SELECT * FROM main.${table})) AS n`,
  );
  return row!.n;
}

test('a series of snapshots derived incrementally equals the full derive, table for table', async () => {
  const dir = tempDir('tf-incremental-');
  // half the profiles re-crawled per release: the rest repeat their line byte for byte
  const scenario = loadScenario(join(scenariosDir(), 'default.yaml'));
  scenario.noise.recrawl = 0.5;
  await generateWorld({ people: 3000, seed: 21, scenario, out: dir, snapshots: SNAPSHOTS });
  const inc = await openDatabase(join(dir, 'inc.duckdb'), { threads: 2 });
  const full = await openDatabase(join(dir, 'full.duckdb'), { threads: 2 });
  const kinds: (string | undefined)[] = [];
  for (const d of SNAPSHOTS) {
    const files = [join(dir, `snapshot-${d}`)];
    const s = await ingestFiles(inc, files, { now: d, snapshot: d });
    kinds.push(s.derive.incremental ? 'incremental' : 'full');
    if (s.derive.incremental) {
      const { rebuilt, as_of_updated, unchanged } = s.derive.incremental;
      assert.ok(rebuilt > 0 && rebuilt < 1500, `a minority of people is rebuilt (${rebuilt})`);
      assert.ok(as_of_updated > 0 && unchanged > 0, `some people only move their update month (${as_of_updated}), some not even that (${unchanged})`);
    }
    await full.run("DELETE FROM meta WHERE key = 'derived_through_rec'"); // forces a full derive
    const f = await ingestFiles(full, files, { now: d, snapshot: d });
    assert.equal(f.derive.incremental, undefined);
    // lines repeated from the last release are not parsed again: the same records either way
    assert.equal(f.repeated, 0);
    if (s.derive.incremental) assert.ok(s.repeated > 1000 && s.repeated < 2000, `repeated lines: ${s.repeated}`);
    assert.deepEqual([s.accepted, s.quarantined], [f.accepted, f.quarantined]);
    assert.deepEqual(s.changes && { ...s.changes, removed: 0 }, f.changes && { ...f.changes, removed: 0 });
  }
  assert.deepEqual(kinds, ['full', 'incremental', 'incremental']);
  // a record repeating its person's latest version stores no positions of its own
  const stored = async (db: Store) => (await db.all<{ records: number; positions: number; shared: number }>(
    'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM record_positions) AS positions, (SELECT count(content_rec) FROM records) AS shared',
  ))[0]!;
  const [a, b] = [await stored(inc), await stored(full)];
  assert.equal(a.records, b.records);
  assert.equal(b.shared, 0);
  assert.ok(a.shared > a.records / 4 && a.positions < b.positions * 0.8, `shared content: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  await assertSameDerived(inc, full, dir);

  // re-ingesting the first snapshot (a full derive) hands its content to the records that shared it
  const first = { now: SNAPSHOTS[0]!, snapshot: SNAPSHOTS[0]! };
  for (const db of [inc, full]) await ingestFiles(db, [join(dir, `snapshot-${SNAPSHOTS[0]}`)], first);
  const [orphans] = await inc.all<{ n: number }>(
    'SELECT count(*) AS n FROM records d LEFT JOIN records h ON h.rec_id = d.content_rec WHERE d.content_rec IS NOT NULL AND h.rec_id IS NULL',
  );
  assert.equal(orphans!.n, 0);
  await assertSameDerived(inc, full, dir);
  const [n] = await inc.all<{ n: number }>('SELECT count(*) AS n FROM changes');
  assert.ok(n!.n > 100, `the series has change events (${n!.n})`);
  await full.close();
  await inc.close();
});

/** Every derived table of `inc` equals `full`'s, row for row. */
async function assertSameDerived(inc: Store, full: Store, dir: string): Promise<void> {
  await full.run('CHECKPOINT');
  await inc.run(`ATTACH '${join(dir, 'full.duckdb')}' AS full_ (READ_ONLY)`);
  const diff: Record<string, number> = {};
  for (const t of TABLES) diff[t] = await differences(inc, 'full_', t);
  // the raw records too, but for where their content is stored
  const [r] = await inc.all<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT * EXCLUDE (content_rec) FROM main.records EXCEPT ALL SELECT * EXCLUDE (content_rec) FROM full_.records)`,
  );
  diff.records = r!.n;
  await inc.run('DETACH full_');
  assert.deepEqual(diff, Object.fromEntries([...TABLES, 'records'].map((t) => [t, 0])));
}

test('a person whose LinkedIn profile moves to another person key makes the next ingest a full derive', async () => {
  const a = person({ id: 'a', jobs: [['Acme Corp', 'Engineer', '2021-03', null]], updated: '2024-06-01' });
  const b = person({ id: 'b', jobs: [['Beta Co', 'Analyst', '2020-01', null]], updated: '2024-06-01' });
  const s1 = jsonl([{ ...a, linkedin_url: 'linkedin.com/in/ann' }, { ...b, linkedin_url: 'linkedin.com/in/bob' }], 's1.jsonl');
  const s2 = jsonl([{ ...a, linkedin_url: 'linkedin.com/in/bob', job_last_updated: '2024-12-01' }, { ...b, linkedin_url: 'linkedin.com/in/bob', job_last_updated: '2024-12-01' }], 's2.jsonl');
  const store = await openDatabase(':memory:', { threads: 2 });
  await ingestFiles(store, [s1], { format: 'pdl', now: '2024-06-30', snapshot: '2024-06-30' });
  const s = await ingestFiles(store, [s2], { format: 'pdl', now: '2024-12-31', snapshot: '2024-12-31' });
  assert.equal(s.derive.incremental, undefined);
  const people = await store.all<{ n: number }>('SELECT count(*) AS n FROM people');
  assert.equal(people[0]!.n, 1, 'a and b are one person: the same LinkedIn profile');
  await store.close();
});
