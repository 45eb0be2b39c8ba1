/**
 * Every query command's metric on ClickHouse (chdb, a modern server in-process) gives DuckDB's
 * rows on one small world of invented people: trend (headcount, departures), retention, tenure,
 * flows, geography and hires with intervals. Bootstrap patterns are put in a canonical order, so
 * intervals match too. One CLI run proves the commands take `--engine clickhouse --url chdb:`.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retention, selectCohorts, type Store } from '../src/api.js';
import type { ClickHouseStore } from '../src/engines/clickhouse/index.js';
import { jsonl } from './helpers/people.js';
import { METRIC_CASES, metricsWorld, rowsOf } from './helpers/metric-cases.js';
import { cli } from './helpers/cli.js';
import { chdbSkip, hasChdb, chdbWithFacts } from './helpers/chdb.js';


let duck: Store;
let ch: ClickHouseStore;
before(async () => {
  if (!hasChdb) return;
  ({ duck, ch } = await chdbWithFacts(metricsWorld()));
});

after(async () => {
  await ch?.close();
  await duck?.close();
});

for (const [name, run] of METRIC_CASES) {
  test(`${name}: ClickHouse gives DuckDB's rows`, { skip: chdbSkip }, async () => {
    const a = await run(duck);
    const b = await run(ch);
    assert.ok(a.rows.length > 0 || a.ratio, 'DuckDB finds something to compare');
    assert.deepEqual(rowsOf(b), rowsOf(a));
  });
}

test('retention --engine clickhouse --url chdb:PATH prints the rows retention gives on DuckDB', { skip: chdbSkip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-chdb-cli-'));
  try {
    const url = `chdb:${join(dir, 'ch')}`;
    const ingest = await cli('ingest', jsonl(metricsWorld()), '--engine', 'clickhouse', '--url', url, '--as-of', '2025-06-30');
    assert.equal(ingest.code, 0, ingest.err);
    const r = await cli('retention', '--by', 'company', '--k', '6,12', '--min-cell', '2', '--format', 'json', '--engine', 'clickhouse', '--url', url);
    assert.equal(r.code, 0, r.err);
    const printed = (JSON.parse(r.out) as { rows: { company: string; hires: number; departures: number; r12: number | null }[] }).rows;
    const expected = await retention(duck, { by: ['company'], ks: [6, 12], minCell: 2 }, selectCohorts());
    assert.deepEqual(printed.map((p) => [p.company, p.hires, p.departures, p.r12]), expected.rows.map((e) => [e.group.company, e.hires, e.departures, e.points[1]!.value === null ? null : Number(e.points[1]!.value.toFixed(6))]));
    assert.equal(printed.find((p) => p.company === 'Acme')?.hires, 21, 'Acme: a0…a11, m1, m2 (twice), m3, m4, m6, and ng3, mid, dup of the hires suite');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
