import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestFiles, openDatabase } from '../src/api.js';

const real = resolve(import.meta.dirname, '../../shared/data/profiles-real');
const skip = !existsSync(real) && `shared data absent: ${real}`;

test('every real sample ingests with nothing unaccounted for', { skip }, async () => {
  const store = await openDatabase(':memory:');
  const inputs = ['phantombuster-2024.csv', 'techbios-2015', 'scraped-2022', 'brightdata-profiles.json'].map((p) => join(real, p));
  const s = await ingestFiles(store, inputs, { now: '2025-06-30' });
  for (const f of s.files) {
    assert.equal(f.records_read, f.accepted + f.quarantined, f.path);
    const [q] = await store.all<{ n: number }>('SELECT count(*) AS n FROM quarantine q JOIN files f USING (file_id) WHERE f.path = $p', { p: f.path });
    assert.equal(q?.n, f.quarantined, `${f.path}: every reject is listed`);
  }
  // record counts per format, counted from the raw inputs by the reader tests
  assert.deepEqual(Object.fromEntries(s.files.map((f) => [f.format, f.records_read])), { phantombuster: 1079, techbios: 1271, scraped: 369, brightdata: 50 });
  assert.equal(s.database.records, s.database.people + s.database.duplicates_merged);
  assert.equal(s.records_read, s.database.records + s.database.quarantined);
  console.log(`real samples: ${s.records_read} read, ${s.accepted} accepted, ${s.quarantined} quarantined ${JSON.stringify(s.reasons)}, ${s.database.hires} hires`);
});
