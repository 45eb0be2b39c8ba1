/** Trend test helpers: SQL rows merged as `trend` merges them, and careers that exercise both query forms. */
import { person } from './people.js';

/** SQL rows merged as `trend` merges them — (cell, vector) → people. */
export function merged(rows: Record<string, unknown>[]): string[] {
  const m = new Map<string, number>();
  for (const r of rows) {
    const { n, ...rest } = r;
    const key = JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k] === null ? null : String(rest[k])]));
    m.set(key, (m.get(key) ?? 0) + Number(n));
  }
  return [...m].map(([k, n]) => `${k} ${n}`).sort();
}

/**
 * Four careers the trend forms must agree on: a move between companies, two spells at one
 * company with a gap (a return), overlapping spells at two companies, and two short spells far apart.
 */
export function spellMix(): Record<string, unknown>[] {
  return [
    person({ id: 'a', grad: '2015-06', jobs: [['Acme', 'Engineer', '2017-01', '2020-03'], ['Globex', 'Engineer', '2020-04', null]] }),
    person({ id: 'b', grad: '2015-06', jobs: [['Acme', 'Engineer', '2016-01', '2019-05'], ['Acme', 'Manager', '2020-01', '2021-02']] }),
    person({ id: 'c', grad: '2019-06', jobs: [['Globex', 'Engineer', '2019-07', '2021-12'], ['Initech', 'Engineer', '2021-06', null]] }),
    person({ id: 'd', grad: '2015-06', jobs: [['Initech', 'Engineer', '2018-03', '2018-04'], ['Initech', 'Engineer', '2020-02', '2020-02']] }),
  ];
}
