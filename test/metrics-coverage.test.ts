import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flows, retention } from '../src/api.js';
import { world } from './helpers/people.js';
import { simulateFlows } from './helpers/simulate-flows.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const spec = { perCompany: 300, hazard: 0.03, pAB: 0.3, pBA: 0.15 };

test('95% CIs cover the planted retention and flow ratio in at least 18 of 20 seeded worlds', async () => {
  // all 20 worlds in one database: each seed has its own companies
  const { store } = await world(SEEDS.flatMap((seed) => simulateFlows({ seed, ...spec })));
  const r = await retention(store, { by: ['company'], ks: [6, 12, 24] }, []);
  const truth = (k: number) => (1 - spec.hazard) ** k;
  const covered = { 6: 0, 12: 0, 24: 0 } as Record<number, number>;
  for (const seed of SEEDS) {
    const row = r.rows.find((x) => x.group.company === `Alpha ${seed}`);
    assert.ok(row, `Alpha ${seed} has hires`);
    for (const p of row.points) if (p.lo! <= truth(p.k) && truth(p.k) <= p.hi!) covered[p.k]!++;
  }
  let ratioCovered = 0;
  for (const seed of SEEDS) {
    const f = await flows(store, { between: [`Alpha ${seed}`, `Beta ${seed}`], bootstrap: { replicates: 200, seed } }, []);
    const ci = f.ratio!.ratio;
    if (ci.lo !== null && ci.hi !== null && ci.lo <= spec.pAB / spec.pBA && spec.pAB / spec.pBA <= ci.hi) ratioCovered++;
  }
  console.log(`coverage of 20: R(k) ${JSON.stringify(covered)}, ratio ${ratioCovered}`);
  assert.ok(covered[6]! >= 18 && covered[12]! >= 18 && covered[24]! >= 18, `R(k) coverage of 20: ${JSON.stringify(covered)}`);
  assert.ok(ratioCovered >= 18, `flow ratio coverage: ${ratioCovered} of 20`);
});
