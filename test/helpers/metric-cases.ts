/**
 * A small world of invented people for every query command, and the metric queries compared
 * across engines and ingest paths on it (engine-chdb-metrics, engine-chdb-shards): trend
 * (headcount, departures), retention, tenure, flows, geography and hires with intervals.
 */
import { flows, geography, hiresWithStats, retention, selectCohorts, tenure, trend, type Store } from '../../src/api.js';
import { hiresWithPeople } from '../../src/metrics/hire-people.js';
import { person, type PersonSpec } from './people.js';
import { conformanceWorld } from './hires-conformance.js';

/** A person living in `home`, with each job's place given where it differs. */
const at = (home: string, spec: PersonSpec, places: (string | null)[] = []) => {
  const p = person(spec) as { location_name: string; experience: { location_names: string[] }[] };
  p.location_name = home;
  places.forEach((place, i) => {
    if (place) p.experience[i]!.location_names = [place];
  });
  return p;
};
const SF = 'san francisco, california, united states';
const NY = 'new york, new york, united states';
const LDN = 'london, england, united kingdom';

/** Moves between Acme and Globex (both ways), returns, people who relocate, and the hires suite's careers. */
export function metricsWorld(): (Record<string, unknown> | string)[] {
  return [
    ...conformanceWorld(),
    at(SF, { id: 'm1', grad: '2015-06', jobs: [['Acme', 'Engineer', '2016-01', '2019-06'], ['Globex', 'Engineer', '2019-08', null]] }),
    at(SF, { id: 'm2', grad: '2015-06', jobs: [['Acme', 'Engineer', '2017-03', '2020-01'], ['Globex', 'Senior Engineer', '2020-01', '2023-05'], ['Acme', 'Staff Engineer', '2023-06', null]] }),
    at(NY, { id: 'm3', grad: '2018-06', jobs: [['Globex', 'Analyst', '2018-07', '2021-02'], ['Acme', 'Analyst', '2021-04', null]] }, [SF, NY]),
    at(LDN, { id: 'm4', grad: '2019-06', jobs: [['Acme', 'Engineer', '2019-09', '2022-09']], updated: '2024-01-01' }),
    at(LDN, { id: 'm5', grad: '2019-06', jobs: [['Initech', 'Engineer', '2019-09', '2020-08'], ['Initech', 'Manager', '2021-03', '2024-02']] }, [NY, LDN]),
    at(NY, { id: 'm6', grad: '2020-06', jobs: [['Acme', 'Engineer', '2020-07', '2020-12'], ['Initech', 'Engineer', '2021-01', null]] }, [SF, null]),
    ...Array.from({ length: 12 }, (_, i) =>
      at(i % 2 ? SF : NY, { id: `a${i}`, grad: '2017-06', jobs: [['Acme', 'Engineer', `${2018 + (i % 4)}-0${1 + (i % 9)}`, i % 3 ? null : `${2021 + (i % 3)}-06`]] }),
    ),
  ];
}

const cohorts = selectCohorts('bigtech15,mag7');
const stats = { minCell: 1, bootstrap: { replicates: 40 } };

/** What a metric call returns, as far as the comparisons read it. */
export type MetricResult = { sql: string; rows: unknown[]; ratio?: unknown };

/** Every query command's metric, by name, as run on a store (cohorts: bigtech15 and mag7). */
export const METRIC_CASES: [string, (s: Store) => Promise<MetricResult>][] = [
  ['headcount by company, years', (s) => trend(s, { by: ['company'], from: 2019, to: 2024, ...stats }, cohorts)],
  ['headcount by cohort with totals and a base year', (s) => trend(s, { by: ['cohort'], from: 2021, to: 2024, base: 2019, totals: true, ...stats }, cohorts)],
  ['departures by quarter', (s) => trend(s, { by: ['company'], grain: 'quarter', from: 2020, to: 2023, ...stats }, cohorts)],
  ['headcount of mag7 and other, by cohort and quarter', (s) => trend(s, { by: ['cohort'], grain: 'quarter', from: 2022, to: 2023, filters: { cohort: ['mag7', 'other'] }, ...stats }, cohorts)],
  ['departures of other (no cohort) by company', (s) => trend(s, { by: ['company'], filters: { cohort: ['other'] }, from: 2019, to: 2024, ...stats }, cohorts)],
  ['headcount by metro, default suppression', (s) => trend(s, { by: ['metro'], from: 2019, to: 2024 }, cohorts)],
  ['departures by quarter, no replicates (cell sums)', (s) => trend(s, { by: ['company'], grain: 'quarter', from: 2020, to: 2023, minCell: 1, bootstrap: { replicates: 0 } }, cohorts)],
  ['headcount by cohort with totals and a base year, no replicates', (s) => trend(s, { by: ['cohort'], from: 2021, to: 2024, base: 2019, totals: true, minCell: 2, bootstrap: { replicates: 0 } }, cohorts)],
  ['retention by company', (s) => retention(s, { by: ['company'], ks: [6, 12, 24], minCell: 1, curve: true }, cohorts)],
  ['retention by cohort and hire year', (s) => retention(s, { by: ['cohort', 'year'], minCell: 1 }, cohorts)],
  ['retention of mag7 and other hires, by cohort', (s) => retention(s, { by: ['cohort'], filters: { cohort: ['mag7', 'other'] }, minCell: 1 }, cohorts)],
  ['retention of bigtech15 hires', (s) => retention(s, { filters: { cohort: ['bigtech15'] }, minCell: 1 }, cohorts)],
  ['tenure by company', (s) => tenure(s, { by: ['company'], minCell: 1 }, cohorts)],
  ['tenure by seniority, from 2018', (s) => tenure(s, { by: ['seniority'], filters: { from: 2018 }, minCell: 1 }, cohorts)],
  ['flows, top pairs', (s) => flows(s, { ...stats, top: 0 }, cohorts)],
  ['flows between Acme and Globex', (s) => flows(s, { ...stats, between: ['Acme', 'Globex'] }, cohorts)],
  ['flows by cohort', (s) => flows(s, { ...stats, level: 'cohort' }, cohorts)],
  ['flows by company, out of or into mag7', (s) => flows(s, { ...stats, filters: { cohort: ['mag7'] } }, cohorts)],
  ['geography by metro', (s) => geography(s, { level: 'metro', from: 2019, to: 2024, ...stats }, cohorts)],
  ['geography by country, quarters', (s) => geography(s, { level: 'country', grain: 'quarter', from: 2020, to: 2022, ...stats }, cohorts)],
  ['hires --ci by cohort and year', (s) => hiresWithStats(s, { by: ['cohort', 'year'] }, cohorts, stats)],
  ['hires --ci by company', (s) => hiresWithStats(s, { by: ['company'] }, cohorts, stats)],
  ['hires --ci by cohort and year, no replicates', (s) => hiresWithStats(s, { by: ['cohort', 'year'] }, cohorts, { minCell: 2, bootstrap: { replicates: 0 } })],
  ['hires and people of a filtered cell', async (s) => {
    const only = { function: ['engineering', 'data', 'product'], seniority: [2, 3, 4], new_grad: [false] };
    const { rows } = await hiresWithPeople(s, { by: ['cohort', 'year'], only }, cohorts);
    return { sql: '', rows: rows.map((r) => [r.cohort, r.year, r.hires, r.people]).sort() };
  }],
];

/** A result without its SQL (engines write different SQL for the same rows). */
export const rowsOf = (r: { sql: string; patternSql?: string }) => {
  const { sql: _sql, patternSql: _patterns, ...rest } = r;
  return rest;
};
