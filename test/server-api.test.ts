import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { hires, hiresWithStats, selectCohorts, type Store } from '../src/api.js';
import { createApp } from '../src/present/server/index.js';
import { METRICS } from '../src/present/registry/index.js';
import { reportWorld } from './helpers/report-world.js';

let store: Store;
let app: Hono;
const cohorts = selectCohorts('bigtech15,mag7');

before(async () => {
  store = (await reportWorld()).store;
  app = await createApp(store, { cohorts, log: () => {} });
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await app.request(path, init);
  return { status: res.status, body: await res.json() };
}

test('hires by cohort and year answers the counts of the hires metric, hiding what `hires --min-cell 10` hides', async () => {
  const { status, body } = await get('/api/v1/hires?by=cohort,year&from=2016&to=2024');
  assert.equal(status, 200);
  assert.equal(body.definition, 'talentflow-v1');
  assert.deepEqual(body.params.by, ['cohort', 'year']);
  const q = { by: ['cohort', 'year'] as ('cohort' | 'year')[], from: 2016, to: 2024 };
  const direct = await hires(store, q, cohorts);
  const cli = new Map((await hiresWithStats(store, q, cohorts, { minCell: 10, bootstrap: { replicates: 0 } })).rows.map((r) => [`${r.cohort} ${r.year}`, r]));
  assert.equal(body.rows.length, direct.rows.length);
  for (const [i, r] of direct.rows.entries()) {
    const got = body.rows[i];
    assert.deepEqual([got.cohort, got.year], [r.cohort, r.year]);
    // a group the CLI leaves out is hidden here; a change the CLI hides is hidden here
    const c = cli.get(`${r.cohort} ${r.year}`);
    assert.equal(got.hires, c ? r.hires : null);
    assert.equal(got.yoy, c ? c.yoy : null);
    assert.equal(got.suppressed, !c || (c.prev_hires === null && r.prev_hires !== null));
  }
  assert.ok(body.rows.some((r: any) => r.suppressed), 'the world has small cells');
  assert.deepEqual(body.notes.slice(0, 2), ['1 group with fewer than 10 people hidden', '1 YoY change hidden: the previous year has fewer than 10 people']);
});

test('filters by band and new grad narrow the counts', async () => {
  const all = (await get('/api/v1/hires?by=year&from=2018&to=2018&min_cell=10')).body.rows[0].hires;
  const ng = (await get('/api/v1/hires?by=year&from=2018&to=2018&new_grad=true')).body.rows[0];
  const not = (await get('/api/v1/hires?by=year&from=2018&to=2018&new_grad=false')).body.rows[0];
  assert.equal((ng.hires ?? 0) + (not.hires ?? 0), all);
  const one = await get('/api/v1/hires?by=year&band=2-5&cohorts=bigtech15');
  assert.ok(one.body.rows.every((r: any) => r.cohort === 'bigtech15'), 'a cohort filter groups by cohort');
  // the test world lives in no known metro: every hire is in the unknown-metro row, and asking
  // for one metro leaves nothing
  const byMetro = await get('/api/v1/hires?by=metro&min_cell=10');
  assert.deepEqual(byMetro.body.rows.map((r: any) => r.metro), [null]);
  const sf = await get(`/api/v1/hires?by=metro&metro=${encodeURIComponent('San Francisco Bay Area')}`);
  assert.equal(sf.status, 200);
  assert.deepEqual(sf.body.rows, []);
  assert.equal((await get('/api/v1/hires?metro=Atlantis')).status, 400);
});

test('a bad parameter is a 400 that names it', async () => {
  const cases: [string, string][] = [
    ['/api/v1/hires?by=cohort,yeer', 'by'],
    ['/api/v1/hires?from=abc', 'from'],
    ['/api/v1/hires?from=2022&to=2019', 'from'],
    ['/api/v1/hires?band=3-4', 'band'],
    ['/api/v1/hires?new_grad=maybe', 'new_grad'],
    ['/api/v1/hires?min_cell=2', 'min_cell'],
    ['/api/v1/hires?limit=0', 'limit'],
    ['/api/v1/hires?sql=select+1', 'sql'],
    ["/api/v1/hires?cohorts=bigtech15'%3BDROP+TABLE+hires%3B--", 'cohorts'],
  ];
  for (const [path, parameter] of cases) {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.equal(body.error.code, 'invalid_parameter', path);
    assert.equal(body.error.parameter, parameter, path);
    assert.match(body.error.message, /^(invalid|unknown) /, path);
  }
  assert.equal((await store.all<{ n: number }>('SELECT count(*) AS n FROM hires'))[0]!.n > 0, true, 'hires survived');
});

test('unknown paths are 404 and writes are 405', async () => {
  assert.equal((await get('/api/v1/salaries')).status, 404);
  const post = await get('/api/v1/hires', { method: 'POST' });
  assert.equal(post.status, 405);
  assert.equal(post.body.error.code, 'method_not_allowed');
});

test('limit truncates the rows and says so', async () => {
  const { body } = await get('/api/v1/hires?by=company,year&min_cell=10&limit=3');
  assert.equal(body.rows.length, 3);
  assert.equal(body.truncated, true);
  assert.ok(body.row_count > 3);
});

test('new-grad share comes with a Wilson interval around it', async () => {
  const { status, body } = await get('/api/v1/new_grad_share?from=2015&to=2020');
  assert.equal(status, 200);
  const shown = body.rows.filter((r: any) => !r.suppressed);
  assert.ok(shown.length > 0);
  for (const r of shown) {
    assert.equal(r.share, r.new_grad_hires / r.hires);
    assert.ok(r.ci_lo <= r.share && r.share <= r.ci_hi);
  }
});

test('meta names the definition version and coverage that adds up', async () => {
  const { status, body } = await get('/api/v1/meta');
  assert.equal(status, 200);
  assert.equal(body.definition.version, 'talentflow-v1');
  const f = Object.fromEntries(body.coverage.map((c: any) => [c.measure, c.value]));
  assert.equal(f.records_read, f.records_accepted + f.quarantined);
  assert.equal(f.records_accepted, f.people + f.duplicates_merged);
  assert.equal(f.quarantined, 2);
  assert.deepEqual(body.cohorts.map((c: any) => c.name), ['bigtech15', 'mag7']);
});

test('the OpenAPI document lists every registered metric with its parameters', async () => {
  const { status, body } = await get('/api/v1/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  for (const m of METRICS) {
    const op = body.paths[`/api/v1/${m.name}`]?.get;
    assert.ok(op, m.name);
    assert.deepEqual(op.parameters.map((p: any) => p.name), [...m.params.map((p) => p.name), 'limit']);
  }
  const by = body.paths['/api/v1/hires'].get.parameters.find((p: any) => p.name === 'by');
  assert.ok(by.schema.items.enum.includes('band'));
});

test('with a token, the API answers 401 without it or with a wrong one, and 200 with it', async () => {
  const guarded = await createApp(store, { cohorts, token: 's3cret-token', log: () => {} });
  const none = await guarded.request('/api/v1/hires');
  assert.equal(none.status, 401);
  assert.equal((await none.json()).error.code, 'unauthorized');
  assert.equal((await guarded.request('/api/v1/meta', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await guarded.request('/dashboard/chart/hires.svg')).status, 401);
  const ok = await guarded.request('/api/v1/hires?by=year', { headers: { Authorization: 'Bearer s3cret-token' } });
  assert.equal(ok.status, 200);
  assert.equal((await guarded.request('/api/v1/openapi.json')).status, 200, 'the API description is public');
});

test('the dashboard page and its assets are served locally, and the chart is SVG', async () => {
  const page = await app.request('/');
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.doesNotMatch(html, /(src|href)="https?:/, 'no CDN');
  assert.equal((await app.request('/dashboard/app.js')).status, 200);
  const chart = await app.request('/dashboard/chart/hires.svg?by=cohort,year');
  assert.equal(chart.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
  assert.match(await chart.text(), /^<svg[^>]*>/);
});
