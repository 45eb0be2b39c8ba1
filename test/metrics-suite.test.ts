import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flows, flowsSql, geography, retention, retentionSql, tenure, trend, trendSql, normalizePlace } from '../src/api.js';
import { duckdbDialect } from '../src/engines/duckdb/index.js';
import { scopeSql } from '../src/metrics/metric-scope.js';
import { person, world } from './helpers/people.js';
import { spellMix } from './helpers/trend-rows.js';

const d = duckdbDialect;
const all = { minCell: 1, bootstrap: { replicates: 50 } };

test('headcount is the stock at period end; departures are stated ends on or before the update; hiring rate is over the start headcount', async () => {
  const { store } = await world([
    person({ id: 'a', grad: '2018-06', jobs: [['Acme', 'Engineer', '2019-01', '2021-06'], ['Globex', 'Engineer', '2021-08', null]] }),
    person({ id: 'b', grad: '2018-06', jobs: [['Acme', 'Engineer', '2020-03', null]] }),
    person({ id: 'c', grad: '2020-06', jobs: [['Globex', 'Engineer', '2020-07', '2022-02']], updated: '2023-01-01' }),
    // a stated end after the profile's update is not (yet) a departure
    person({ id: 'e', grad: '2018-06', jobs: [['Initech', 'Engineer', '2020-01', '2026-01']], updated: '2022-03-01' }),
  ]);
  const r = await trend(store, { by: ['company'], from: 2020, to: 2022, ...all }, []);
  const get = (company: string, period: string) => r.rows.find((x) => x.group.company === company && x.period === period)!.figures;
  assert.deepEqual([get('Acme', '2020').headcount.value, get('Acme', '2020').headcount_start.value, get('Acme', '2020').hires.value], [2, 1, 1]);
  assert.equal(get('Acme', '2020').hiring_rate.value, 1);
  assert.deepEqual([get('Acme', '2021').departures.value, get('Acme', '2021').headcount.value, get('Acme', '2021').attrition_rate.value], [1, 1, 0.5]);
  assert.equal(get('Globex', '2022').departures.value, 1, 'c left Globex in 2022-02, before the 2023 update');
  assert.equal(get('Globex', '2020').new_grad_share.value, 1);
  assert.deepEqual([get('Initech', '2021').departures.value, get('Initech', '2021').headcount.value], [0, 1]);
  assert.equal(get('Initech', '2022').headcount.value, 0, 'not observed after its update in 2022-03');
});

test('change vs a base year and YoY come with bootstrap intervals; small cells are hidden with a note', async () => {
  const people = [
    ...Array.from({ length: 20 }, (_, i) => person({ id: `a${i}`, grad: '2010-06', jobs: [['Acme', 'Engineer', '2019-03', null]] })),
    ...Array.from({ length: 30 }, (_, i) => person({ id: `b${i}`, grad: '2010-06', jobs: [['Acme', 'Engineer', '2022-03', null]] })),
    ...Array.from({ length: 3 }, (_, i) => person({ id: `c${i}`, grad: '2010-06', jobs: [['Tiny', 'Engineer', '2022-03', null]] })),
  ];
  const { store } = await world(people);
  const r = await trend(store, { by: ['company'], from: 2022, to: 2022, base: 2019, bootstrap: { replicates: 200 } }, []);
  const acme = r.rows.find((x) => x.group.company === 'Acme')!;
  assert.equal(acme.figures.hires.value, 30);
  assert.equal(acme.figures.hires_vs_base.value, 30 / 20 - 1);
  assert.ok(acme.figures.hires_vs_base.lo! < 0.5 && acme.figures.hires_vs_base.hi! > 0.5);
  assert.equal(acme.figures.headcount_vs_base.value, 50 / 20 - 1);
  const tiny = r.rows.find((x) => x.group.company === 'Tiny')!;
  assert.equal(tiny.figures.hires.value, null, '3 people: never printed');
  assert.equal(tiny.people.hires, null);
  assert.match(r.notes.join(' '), /fewer than 10 people hidden/);
});

test('retention R(k) is Kaplan–Meier on hires, censored at each profile’s update (worked by hand)', async () => {
  const { store } = await world([
    person({ id: 'p1', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', '2020-03']] }), // T = 3
    person({ id: 'p2', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', '2020-06']] }), // T = 6
    person({ id: 'p3', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', null]], updated: '2020-04-01' }), // censored at 3
    person({ id: 'p4', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', '2020-12']] }), // T = 12
    person({ id: 'p5', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', null]] }), // censored at 65
  ]);
  const r = await retention(store, { by: ['company'], ks: [3, 6, 12], minCell: 1 }, []);
  const [row] = r.rows;
  assert.equal(row?.hires, 5);
  assert.equal(row?.departures, 3);
  assert.deepEqual(row?.points.map((p) => Number(p.value!.toFixed(4))), [0.8, 0.5333, 0.2667]);
  assert.ok(row!.points[1]!.lo! > 0.05 && row!.points[1]!.hi! < 0.9);
  const hidden = await retention(store, { ks: [12], minCell: 3 }, []);
  assert.equal(hidden.rows[0]?.points[0]?.value, null, 'only 2 hires followed 12 months');
});

test('a flow A→B is a departure from A and a hire at B from 1 month before to 6 months after; the ratio is worked by hand', async () => {
  const { store } = await world([
    person({ id: 'x1', grad: '2018-06', jobs: [['Alpha', 'Engineer', '2019-01', '2020-06'], ['Beta', 'Engineer', '2020-08', null]] }),
    person({ id: 'x2', grad: '2018-06', jobs: [['Alpha', 'Engineer', '2019-01', '2021-01'], ['Beta', 'Engineer', '2021-01', null]] }),
    person({ id: 'x3', grad: '2018-06', jobs: [['Alpha', 'Engineer', '2019-01', '2021-03'], ['Gamma', 'Engineer', '2021-05', null]] }),
    person({ id: 'x4', grad: '2017-06', jobs: [['Beta', 'Engineer', '2018-01', '2020-02'], ['Alpha', 'Engineer', '2020-03', null]] }),
    person({ id: 'x5', grad: '2018-06', jobs: [['Alpha', 'Engineer', '2019-01', '2020-01'], ['Beta', 'Engineer', '2020-09', null]] }), // 8 months: no move
    person({ id: 'x6', grad: '2018-06', jobs: [['Alpha', 'Engineer', '2019-01', '2020-05'], ['Beta', 'Engineer', '2020-04', null]] }), // 1 month early: a move
  ]);
  const r = await flows(store, { between: ['Alpha', 'Beta'], ...all }, []);
  assert.deepEqual([r.ratio?.a_to_b.value, r.ratio?.b_to_a.value, r.ratio?.ratio.value, r.ratio?.moves], [3, 1, 3, 4]);
  assert.equal(r.ratio?.share_a_to_b.value, 0.75);
  const top = await flows(store, { top: 2, ...all }, []);
  assert.deepEqual(top.rows.map((x) => [x.from, x.to, x.moves.value]), [['Alpha', 'Beta', 3], ['Alpha', 'Gamma', 1]]);
  const hidden = await flows(store, { between: ['Alpha', 'Beta'], minCell: 2 }, []);
  assert.equal(hidden.ratio?.ratio.value, null, 'one person went B→A: hidden');
});

test('tenure: completed stints last end − start months, ongoing ones run to the update', async () => {
  const { store } = await world([
    person({ id: 't1', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', '2020-06']] }),
    person({ id: 't2', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', '2022-01']] }),
    person({ id: 't3', grad: '2019-06', jobs: [['Acme', 'Engineer', '2020-01', null]], updated: '2021-01-01' }),
  ]);
  const r = await tenure(store, { minCell: 1 }, []);
  const completed = r.rows.find((x) => x.status === 'completed')!;
  assert.deepEqual([completed.stints, completed.mean, completed.median.value], [2, 14.5, 14.5]);
  assert.deepEqual(completed.buckets.map((b) => b.stints), [1, 0, 1, 0, 0]);
  const ongoing = r.rows.find((x) => x.status === 'ongoing')!;
  assert.equal(ongoing.median.value, 12);
});

test('places normalize to country, region and metro once per string', () => {
  assert.deepEqual(normalizePlace('San Francisco Bay Area'), { country: 'US', region: 'California', metro: 'San Francisco Bay Area' });
  assert.deepEqual(normalizePlace('Greater London'), { country: 'GB', region: 'England', metro: 'Greater London' });
  assert.deepEqual(normalizePlace('Sydney, New South Wales, Australia'), { country: 'AU', region: 'New South Wales', metro: 'Greater Sydney' });
  assert.deepEqual(normalizePlace('san francisco, california, united states'), { country: 'US', region: 'California', metro: 'San Francisco Bay Area' });
  assert.equal(normalizePlace('Portland, Maine')?.metro, null);
  assert.equal(normalizePlace('Cambridge, England, United Kingdom')?.metro, null);
  assert.equal(normalizePlace('London, Ontario, Canada')?.metro, null);
  assert.equal(normalizePlace(''), null);
});

test('geography counts people by metro at period end and a move between metros as migration', async () => {
  const mover = person({ id: 'm', grad: '2015-06', jobs: [['Acme', 'Engineer', '2018-01', '2020-06'], ['Globex', 'Engineer', '2020-07', null]] });
  (mover.experience as { location_names: string[] }[])[0]!.location_names = ['Greater London'];
  (mover.experience as { location_names: string[] }[])[1]!.location_names = ['San Francisco Bay Area'];
  const stay = person({ id: 's', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-01', null]] });
  stay.location_name = 'london, england, united kingdom';
  const { store } = await world([mover, stay]);
  const r = await geography(store, { from: 2020, to: 2020, minCell: 1, bootstrap: { replicates: 20 } }, []);
  const get = (place: string) => r.rows.find((x) => x.place === place)!;
  assert.deepEqual([get('Greater London').headcount.value, get('Greater London').headcount_start.value, get('Greater London').net_migration.value], [1, 2, -1]);
  assert.deepEqual([get('San Francisco Bay Area').arrivals.value, get('San Francisco Bay Area').net_migration.value], [1, 1]);
});

test('metric queries compile to SQL without an engine: filters join title_map and place_map only when used', () => {
  const plain = scopeSql(d, [], {});
  assert.equal(plain.from, 'spells s');
  const rich = scopeSql(d, ['cohort', 'seniority'], { metro: ['Greater London'], exposure_quintile: [5], occupation: ['15-'], new_grad: true }, 'set1');
  assert.match(rich.from, /LEFT JOIN cohort_members m ON m.company_id = s.company_id AND m.cohort_set = 'set1'/);
  assert.match(rich.from, /LEFT JOIN title_map t ON t.title_key = s.title_key/, 'titles join by their hash key, not by text');
  assert.match(rich.from, /LEFT JOIN place_map pl ON pl.place_key = s.place_key/);
  assert.deepEqual([...rich.where].sort(), ["(t.soc LIKE '15-%')", "pl.metro IN ('Greater London')", 's.new_grad = true', 't.exposure_quintile IN (5)']);
  const t = trendSql(d, { metric: 'trend', by: ['company'], grain: 'quarter', from: 2023, to: 2024, base: 2019, filters: {} });
  assert.match(t, /unnest\(range\(greatest\(\(\(start_m\) \/\/ 3\), 8076\)/, 'quarters from the base year on (2019 × 4)');
  assert.doesNotMatch(t, /UNION ALL/, 'one pass over spells');
  assert.match(t, /count\(\*\) AS n FROM v GROUP BY g_company, p/);
  assert.match(retentionSql(d, { metric: 'retention', by: ['year'], filters: { from: 2020, to: 2021 }, ks: [12] }), /CASE WHEN departed THEN stop_m - start_m \+ 1 ELSE stop_m - start_m END AS t/);
  assert.match(flowsSql(d, { metric: 'flows', level: 'company', filters: {} }), /b.start_m BETWEEN a.e - 1 AND a.e \+ 6/);
});

test('derive builds spells and place_map, keyed by hashes: no metric builds them on first use', async () => {
  const { store } = await world([person({ id: 'a', grad: '2018-06', jobs: [['Acme', 'Engineer', '2019-01', null]] })]);
  const [s] = await store.all<{ n: number; keyed: number }>('SELECT count(*) AS n, count(title_key) AS keyed FROM spells');
  assert.deepEqual([s?.n, s?.keyed], [1, 1]);
  const [p] = await store.all<{ n: number }>("SELECT count(*) AS n FROM place_map WHERE place = 'springfield, oregon, united states' AND place_key IS NOT NULL");
  assert.equal(p?.n, 1);
});

test('people with one spell and people with several give the same figures on both query paths', async () => {
  // the query without a base year takes lone spells in closed form; with a base year, every
  // person goes through the per-person grouping: the shared figures must agree
  const { store } = await world(spellMix());
  for (const by of [[], ['company']] as const) {
    const plain = await trend(store, { by: [...by], grain: 'quarter', from: 2019, to: 2021, ...all }, []);
    const based = await trend(store, { by: [...by], grain: 'quarter', from: 2019, to: 2021, base: 2018, ...all }, []);
    // (the base year adds rows of its own where a group has nothing in the reported period)
    const figs = ['hires', 'departures', 'headcount', 'headcount_start', 'hires_yoy'] as const;
    const pick = (r: typeof plain) =>
      r.rows.filter((x) => figs.some((f) => x.figures[f].value)).map((x) => [x.group.company ?? '', x.period, ...figs.map((f) => x.figures[f].value)].join('|')).sort();
    assert.deepEqual(pick(plain), pick(based), `by ${by.join(',') || 'nothing'}`);
  }
});
