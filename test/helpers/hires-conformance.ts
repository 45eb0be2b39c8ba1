/**
 * The hires conformance suite: one small world of invented people and the queries every engine
 * must answer with the same rows. Each engine's test file runs it (engine-chdb, cluster-*).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { person, type PersonSpec } from './people.js';
import { hires, selectCohorts, type HireDim, type Store } from '../../src/api.js';

const p = (spec: PersonSpec) => person(spec);

/** Hires that exercise every rule: promotions, boomerangs, interns, cohorts, bands, new grads,
 *  year-only dates, dates before 1970, duplicates, a record to quarantine. */
export function conformanceWorld(): (Record<string, unknown> | string)[] {
  return [
    p({ id: 'ng1', grad: '2022-05', jobs: [['Google', 'Software Engineer', '2022-07', null]] }),
    p({ id: 'ng2', grad: '2023-06', jobs: [['Meta', 'Data Scientist', '2023-08', null]] }),
    p({ id: 'ng3', grad: '2023-06', jobs: [['Facebook', 'Product Manager', '2023-09', '2024-02'], ['Acme', 'Product Manager', '2024-03', null]] }),
    p({ id: 'mid', grad: '2015-06', jobs: [['Acme', 'Engineer', '2015-08', '2019-12'], ['Apple Inc.', 'Senior Engineer', '2020-01', null]] }),
    p({ id: 'promo', grad: '2016-06', jobs: [['Amazon', 'Engineer', '2016-09', '2019-03'], ['Amazon', 'Senior Engineer', '2019-03', null]] }),
    p({ id: 'boom', grad: '2012-06', jobs: [['Microsoft', 'Engineer', '2012-08', '2018-01'], ['Globex', 'Engineer', '2018-02', '2020-06'], ['Microsoft', 'Principal Engineer', '2020-10', null]] }),
    p({ id: 'intern', grad: '2021-06', jobs: [['Google', 'Software Engineering Intern', '2020-06', '2020-09'], ['Google', 'Software Engineer', '2021-08', null]] }),
    p({ id: 'alg', grad: '2018', jobs: [['Apple Leisure Group', 'Travel Agent', '2019', '2021'], ['Intel471', 'Analyst', '2021', null]] }),
    p({ id: 'old', grad: '1962-06', jobs: [['IBM', 'Programmer', '1962-09', '1969-12'], ['Xerox', 'Researcher', '1970-01', '1985-06'], ['Apple', 'Fellow', '1985-07', '1999-12']] }),
    p({ id: 'nograd', jobs: [['Nvidia', 'Engineer', '2019-04', '2021-04'], ['Nvidia', 'Manager', '2021-04', null], ['Netflix', 'Director', '2023-01', null]] }),
    p({ id: 'dup', grad: '2020-06', jobs: [['Acme', 'Engineer', '2020-08', null]], updated: '2024-01-01' }),
    p({ id: 'dup', grad: '2020-06', jobs: [['Acme', 'Engineer', '2020-08', '2023-12'], ['Google', 'Engineer', '2024-01', null]], updated: '2025-01-01' }),
    p({ id: 'slugdup', linkedin: 'linkedin.com/in/person-ng1', grad: '2022-05', jobs: [['Google', 'Software Engineer', '2022-07', null]], updated: '2020-01-01' }),
    ...Array.from({ length: 6 }, (_, i) => p({ id: `y${i}`, grad: `${2018 + i}-06`, jobs: [['Alphabet', 'Engineer', `${2018 + i}-09`, null]] })),
    '{"id": "broken", "experience": [',
    p({ id: 'bad', jobs: [['Acme', 'Engineer', '2023-13-45', null]] }),
  ];
}

export interface ConformanceQuery {
  by: HireDim[];
  from?: number;
  to?: number;
}

/** The queries compared on every engine (cohorts: bigtech15 and mag7). */
export const CONFORMANCE_QUERIES: ConformanceQuery[] = [
  { by: [] },
  { by: ['year'] },
  { by: ['cohort', 'year'] },
  { by: ['cohort', 'year', 'band', 'new_grad'] },
  { by: ['cohort', 'company'] },
  { by: ['company', 'year'], from: 2019, to: 2024 },
  { by: ['band', 'new_grad'] },
  { by: ['seniority', 'function'] },
  { by: ['cohort', 'seniority'], from: 2020 },
];

/** One test per conformance query: `engine` (read when the test runs) gives `duck`'s rows, and
 *  the rows are not empty. */
export function conformanceTests(name: (q: ConformanceQuery) => string, stores: () => { duck: Store; engine: Store }, skip: string | false): void {
  for (const q of CONFORMANCE_QUERIES) {
    test(name(q), { skip }, async () => {
      const { duck, engine } = stores();
      const cohorts = selectCohorts('bigtech15,mag7');
      const a = await hires(duck, q, cohorts);
      const b = await hires(engine, q, cohorts);
      assert.ok(a.rows.length > 0);
      assert.deepEqual(b.rows, a.rows);
    });
  }
}
