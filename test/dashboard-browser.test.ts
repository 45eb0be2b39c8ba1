import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectCohorts } from '../src/api.js';
import { createApp, startServer } from '../src/present/server/index.js';
import { reportWorld } from './helpers/report-world.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && `${CHROMIUM} is absent (apt-get install -y chromium)`;
if (skip) console.log(`# skipping the dashboard browser test: ${skip}`);

test('changing a filter on the dashboard redraws the chart and the table and updates the URL', { skip, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const { store } = await reportWorld();
  const app = await createApp(store, { cohorts: selectCohorts('bigtech15,mag7'), log: () => {} });
  const server = await startServer(app, { port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'tf-chromium-'));
  // a fresh profile directory (playwright passes it as --user-data-dir)
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 1100 },
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) offsite.push(r.url()); });
    await page.goto(`${server.url}/?from=2014&to=2024`);
    await page.waitForSelector('#chart svg');
    await page.waitForSelector('#table tbody tr');
    const before = { chart: await page.innerHTML('#chart'), table: await page.innerText('#table'), rows: await page.locator('#table tbody tr').count() };
    assert.match(before.table, /bigtech15/);

    await page.selectOption('select[name="split"]', 'band');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('split') === 'band' && document.body.dataset.view?.includes('split=band'));
    const after = { chart: await page.innerHTML('#chart'), table: await page.innerText('#table') };
    assert.notEqual(after.chart, before.chart, 'the chart changed');
    assert.notEqual(after.table, before.table, 'the table changed');
    assert.match(after.table, /band/);
    assert.match(after.table, /<10/, 'suppressed cells are marked');
    assert.match(page.url(), /split=band/);
    assert.match(page.url(), /from=2014/);

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/dashboard.png', fullPage: false });
    assert.deepEqual(offsite, [], 'no request leaves the server');

    // the view encoded in the URL is restored on load
    await page.goto(page.url());
    await page.waitForSelector('#table tbody tr');
    assert.equal(await page.inputValue('select[name="split"]'), 'band');
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
