/**
 * A small seeded world of invented people for report, API and dashboard tests: a few hundred
 * careers at Big Tech and invented startups, 2014–2025, with new-grad hiring at Big Tech falling
 * after 2021. Same seed → same people.
 */
import { person, world, type Job, type World } from './people.js';

const BIG = ['Google', 'Meta', 'Apple', 'Microsoft', 'Netflix', 'Salesforce'];
const SMALL = ['Acme Robotics', 'Tiny Robots', 'Quill Analytics', 'Harbor Health'];
const TITLES = ['Software Engineer', 'Data Scientist', 'Product Manager', 'Account Executive', 'Recruiter', 'Financial Analyst'];

/** Park–Miller LCG: enough for fixtures, identical on every platform. */
function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** The people of the world, as PDL records. */
export function reportPeople(seed = 7, n = 420): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const grad = 2012 + Math.floor(r() * 13); // 2012..2024
    let y = grad, m = 7 + Math.floor(r() * 4);
    const jobs: Job[] = [];
    const stints = 1 + Math.floor(r() * 3);
    for (let j = 0; j < stints && y <= 2025; j++) {
      // new grads go to Big Tech less often after 2021
      const bigOdds = j === 0 ? (y <= 2021 ? 0.6 : 0.25) : 0.5;
      const company = r() < bigOdds ? pick(BIG) : pick(SMALL);
      const years = 1 + Math.floor(r() * 4);
      const endY = y + years, endM = 1 + Math.floor(r() * 12);
      const last = j === stints - 1 || endY > 2025;
      jobs.push([company, pick(TITLES), ym(y, m), last ? null : ym(endY, endM)]);
      y = endY;
      m = Math.min(12, endM + 1);
    }
    if (jobs.length === 0) continue;
    if (i % 9 === 0) jobs[0]![2] = jobs[0]![2]!.slice(0, 4); // some year-only starts
    out.push(person({ id: `w${i}`, grad: i % 11 === 0 ? undefined : ym(grad, 6), jobs, updated: '2025-06-01' }));
  }
  return out;
}

/** The world ingested into a fresh in-memory database, plus two unreadable lines for the quarantine. */
export async function reportWorld(seed = 7): Promise<World> {
  return world([...reportPeople(seed), '{"id": "broken", ', '[1, 2, 3]'], '2025-06-30');
}
