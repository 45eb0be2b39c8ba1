/**
 * A purpose-built simulator for coverage tests: invented people with a planted monthly leaving
 * hazard and planted A→B / B→A move probabilities, written through `person()`.
 *
 * For each seed s there are two companies `Alpha s` and `Beta s` with the same number of hires,
 * hired uniformly over 2018–2019. Each month after the hire a person leaves with probability
 * `hazard`, so R(k) = (1 − hazard)^k. A leaver from Alpha joins Beta with probability `pAB`
 * (Beta → Alpha: `pBA`), 0–3 months later, else another company; that next job has the same
 * hazard, and ends without a further move.
 * Profiles are last updated uniformly over 2020–2023 (censoring): nothing after the update is
 * written. Both companies are alike in all else, so E[moves A→B] / E[moves B→A] = pAB / pBA.
 */
import { person } from './people.js';
import { SeededRandom } from '../../src/analyze/seeded-random.js';

export interface FlowWorldSpec {
  seed: number;
  perCompany: number;
  hazard: number;
  pAB: number;
  pBA: number;
}

const month = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export function simulateFlows(spec: FlowWorldSpec): Record<string, unknown>[] {
  const rng = new SeededRandom(spec.seed * 7919 + 1);
  const out: Record<string, unknown>[] = [];
  const [alpha, beta] = [`Alpha ${spec.seed}`, `Beta ${spec.seed}`];
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  for (const [from, to, p] of [[alpha, beta, spec.pAB], [beta, alpha, spec.pBA]] as const) {
    for (let i = 0; i < spec.perCompany; i++) {
      const start = int(2018 * 12, 2019 * 12 + 11);
      const update = int(2020 * 12, 2023 * 12 + 11);
      let stay = 0;
      while (rng.next() >= spec.hazard) stay++;
      const end = start + stay;
      const jobs: [string, string, string | null, string | null][] = [];
      if (end >= update) jobs.push([from, 'Engineer', month(start), null]);
      else {
        jobs.push([from, 'Engineer', month(start), month(end)]);
        const next = end + int(0, 3);
        const where = rng.next() < p ? to : `Elsewhere ${spec.seed}-${int(1, 20)}`;
        if (next <= update) {
          // the next job has the same hazard; whoever leaves it goes elsewhere (no second A/B move)
          let stay2 = 0;
          while (rng.next() >= spec.hazard) stay2++;
          const end2 = next + stay2;
          jobs.push([where, 'Engineer', month(next), end2 >= update ? null : month(end2)]);
        }
      }
      out.push(person({ id: `s${spec.seed}-${from === alpha ? 'a' : 'b'}${i}`, grad: '2015-06', jobs, updated: `${month(update)}-15` }));
    }
  }
  return out;
}
