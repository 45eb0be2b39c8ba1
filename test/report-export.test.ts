import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles, openDatabase } from '../src/api.js';
import { run as exportCommand } from '../src/cli/commands/export.js';
import { jsonl, tempDir } from './helpers/people.js';
import { reportPeople } from './helpers/report-world.js';

test('export writes a metric as CSV and as Parquet with the same rows, small cells empty', async () => {
  const dir = tempDir('tf-export-');
  const db = join(dir, 'w.duckdb');
  const store = await openDatabase(db, { threads: 2 });
  await ingestFiles(store, [jsonl(reportPeople())], { format: 'pdl', now: '2025-06-30' });
  await store.close();
  const quiet = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    assert.equal(await exportCommand(['--metric', 'hires', '--by', 'cohort,year', '--min-cell', '10', '--out', join(dir, 'h.csv'), '--db', db]), 0);
    assert.equal(await exportCommand(['--metric', 'hires', '--by', 'cohort,year', '--min-cell', '10', '--out', join(dir, 'h.parquet'), '--db', db]), 0);
  } finally {
    process.stdout.write = quiet;
  }
  const csv = readFileSync(join(dir, 'h.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'cohort,year,hires,yoy,prev_hires,suppressed');
  const check = await openDatabase(':memory:');
  const rows = await check.all<{ cohort: string; year: number; hires: number | null; suppressed: boolean }>(`SELECT * FROM read_parquet('${join(dir, 'h.parquet')}') ORDER BY cohort, year`);
  assert.equal(rows.length, csv.length - 1);
  for (const [i, r] of rows.entries()) {
    const cells = csv[i + 1]!.split(',');
    assert.deepEqual([r.cohort, String(r.year), r.hires === null ? '' : String(r.hires)], cells.slice(0, 3));
    assert.ok(r.hires === null ? r.suppressed : r.hires >= 10);
  }
  await check.close();
});

test('a bad metric option is a usage error naming the flag', async () => {
  await assert.rejects(exportCommand(['--metric', 'hires', '--by', 'cohort,yeer', '--out', 'x.csv', '--db', ':memory:']), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'usage');
    assert.match(e.message, /^invalid --by: cohort,yeer|^invalid --by: yeer/);
    return true;
  });
  await assert.rejects(exportCommand(['--metric', 'salaries', '--out', 'x.csv']), /unknown metric: salaries/);
});
