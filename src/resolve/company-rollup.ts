/**
 * Parent roll-up: a child company (GitHub) counts as its parent (Microsoft) in cohorts.
 * `point-in-time` (the default) applies the roll-up from the acquisition month on, so a 2017
 * GitHub hire is not a Microsoft hire and a 2019 one is; `pro-forma` applies it always, as if the
 * company had always been one (the constant composition of a cohort file's aliases).
 */
import { UserError } from '../model/errors.js';
import type { CompanyRegistry } from './company-registry.js';

export const ROLLUP_MODES = ['point-in-time', 'pro-forma'] as const;
export type RollupMode = (typeof ROLLUP_MODES)[number];
export const DEFAULT_ROLLUP: RollupMode = 'point-in-time';

/** Parses a `--rollup` value; undefined gives the default. */
export function parseRollup(value: string | undefined): RollupMode {
  if (value === undefined) return DEFAULT_ROLLUP;
  if (!(ROLLUP_MODES as readonly string[]).includes(value)) {
    throw new UserError(`invalid --rollup: ${value}`, 'usage', `one of ${ROLLUP_MODES.join(', ')}`);
  }
  return value as RollupMode;
}

/** An ancestor a company rolls up to, and the month from which it does (null = always). */
export interface RollupStep {
  ancestor: string;
  from_m: number | null;
}

/**
 * The ancestors of `id`, nearest first. Through a chain (A → B from t1, B → C from t2) A rolls
 * up to C from the later of the two months. Under `pro-forma` every month is null. A cycle in the
 * parent links stops at the first repeated id (the importer rejects cycles; this is a guard).
 */
export function rollupChain(registry: CompanyRegistry, id: string, mode: RollupMode): RollupStep[] {
  const steps: RollupStep[] = [];
  const seen = new Set([id]);
  let from: number | null = null;
  let at = registry.get(id);
  while (at?.parent && !seen.has(at.parent)) {
    if (mode === 'point-in-time' && at.parent_from_m !== null) from = from === null ? at.parent_from_m : Math.max(from, at.parent_from_m);
    steps.push({ ancestor: at.parent, from_m: mode === 'pro-forma' ? null : from });
    seen.add(at.parent);
    at = registry.get(at.parent);
  }
  return steps;
}

/** The first cycle in the parent links, as ids (`[a, b, a]`), or null. */
export function parentCycle(registry: CompanyRegistry): string[] | null {
  for (const r of registry.records) {
    const path = [r.id];
    let at = r;
    while (at.parent) {
      if (path.includes(at.parent)) return [...path.slice(path.indexOf(at.parent)), at.parent];
      path.push(at.parent);
      const next = registry.get(at.parent);
      if (!next) break;
      at = next;
    }
  }
  return null;
}
