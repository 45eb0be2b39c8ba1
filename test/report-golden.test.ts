import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectCohorts, type Store } from '../src/api.js';
import { buildReport, writeReport, type Report } from '../src/present/report/index.js';
import { reportWorld } from './helpers/report-world.js';
import { tempDir } from './helpers/people.js';

const GOLDEN = new URL('./golden/report-small-world.html', import.meta.url);
// the golden holds every section: the bootstrap intervals are seeded and drawn in a fixed order
const options = { cohorts: selectCohorts('bigtech15,mag7'), now: '2025-07-01', minCell: 5 };
let store: Store;
let report: Report;

before(async () => {
  store = (await reportWorld()).store;
  report = await buildReport(store, options);
});

test('the report HTML matches its golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, report.html);
  assert.equal(report.html, readFileSync(GOLDEN, 'utf8'));
});

test('the same world gives the same bytes twice', async () => {
  const again = await buildReport(store, options);
  assert.equal(again.html, report.html);
});

test('the report is self-contained: no script, no external resource', () => {
  assert.doesNotMatch(report.html, /<script|<link|(src|href)="(https?:)?\/\//);
  assert.match(report.html, /<style>/);
  assert.ok((report.html.match(/<svg/g) ?? []).length >= 5, 'charts are inline SVG');
});

test('the headline year skips the partial last year and the base year is 2019', () => {
  assert.equal(report.year, 2024);
  assert.equal(report.base, 2019);
  assert.match(report.html, /2025 is partial/);
});

test('small cells are marked, never printed', () => {
  assert.match(report.html, /<span class="supp" title="suppressed: fewer than 5">&lt;5<\/span>/);
  for (const t of report.tables) {
    const [header, ...lines] = t.csv.trim().split('\n');
    const cols = header!.split(',');
    for (const name of ['hires', 'prev_hires']) {
      const i = cols.indexOf(name);
      if (i < 0) continue;
      for (const line of lines) {
        const v = line.split(',')[i]!;
        assert.ok(v === '' || Number(v) >= 5, `${t.file}: ${name} = ${v}`);
      }
    }
  }
});

test('the methodology names the definition version, coverage, quarantine reasons and cohorts', () => {
  const m = report.html.slice(report.html.indexOf('id="methodology"'));
  assert.match(m, /talentflow-v1/);
  assert.match(m, /Input records read, over all files\.<\/td><td class="num">422</);
  assert.match(m, /Records that could not be read whole[^<]*<\/td><td class="num">2</);
  assert.match(m, /<code>invalid_json<\/code>/);
  assert.match(m, /Dated positions whose start is a year only/);
  assert.match(m, /<td>bigtech15<\/td>/);
  assert.match(m, /small-cell threshold k = 5/);
});

test('writing the report puts index.html and the CSV tables in the folder; --pdf is skipped without Chromium', async () => {
  const dir = tempDir('tf-report-');
  const written = await writeReport(report, dir, { pdf: true, chromium: '/nonexistent/chromium' });
  assert.equal(readFileSync(written.html, 'utf8'), report.html);
  assert.equal(written.tables.length, report.tables.length);
  assert.ok(existsSync(join(dir, 'tables', 'hires-by-cohort-year.csv')));
  assert.equal(written.pdf, null);
  assert.match(written.pdfSkipped ?? '', /absent/);
});

test('retention, headcount and flows sections come with their charts, tables and export lines', () => {
  for (const id of ['retention', 'headcount', 'flows']) {
    const start = report.html.indexOf(`<section id="${id}">`);
    assert.ok(start > 0, id);
    const section = report.html.slice(start, report.html.indexOf('</section>', start));
    assert.doesNotMatch(section, /Not available/, id);
    assert.match(section, /<table>/, id);
    assert.match(section, /talentflow export --metric/, id);
  }
  assert.match(report.html.slice(report.html.indexOf('<section id="retention">')), /<svg/);
});
