/**
 * What the benchmarks share: their common options, and the generated world they measure on,
 * reused from `OUT/world-PEOPLE-SEED` when an earlier run left it (generating 2M people takes
 * minutes; reusing it keeps each figure about what it names).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorldSummary } from '../src/synth/index.js';

/** `parseArgs` options every benchmark takes; `people` defaults to `people`. */
export function benchOptions(people: string) {
  return {
    people: { type: 'string', default: people },
    out: { type: 'string', default: 'bench/out' },
    seed: { type: 'string', default: '7' },
    threads: { type: 'string', default: '2' },
    'memory-limit': { type: 'string', default: '1.5GB' },
  } as const;
}

/** The folder of the world of `people` people and `seed`, under `out`. */
export function worldDir(out: string, people: number, seed: string): string {
  return join(out, `world-${people}-${seed}`);
}

/** The world a run left in `dir` (paths made absolute), or null when there is none. */
export function savedWorld(dir: string): WorldSummary | null {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as WorldSummary;
  return { ...saved, files: saved.files.map((f) => resolve(dir, f)), cohorts_file: resolve(dir, saved.cohorts_file) };
}
