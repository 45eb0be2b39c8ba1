/**
 * Which cohorts a query reports: `--cohorts` is a comma list of shipped cohort names
 * (`bigtech15`) and cohort files (`world/cohorts.yaml`, every cohort in it). Default: every
 * shipped cohort.
 */
import { existsSync } from 'node:fs';
import { UserError } from '../model/errors.js';
import { builtinCohortFiles, DEFAULT_ROLLUP, loadCohortFiles, type Cohort, type RollupMode } from '../resolve/index.js';

export const DEFAULT_COHORTS = 'bigtech15,mag7';

/**
 * @param rollup how parent roll-ups apply to membership: `point-in-time` (default; a child counts
 *   as its parent from the acquisition month) or `pro-forma` (always)
 */
export function selectCohorts(spec: string = DEFAULT_COHORTS, rollup: RollupMode = DEFAULT_ROLLUP): Cohort[] {
  const builtin = loadCohortFiles(builtinCohortFiles());
  const out: Cohort[] = [];
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const named = builtin.find((c) => c.name === item);
    if (named) out.push(named);
    else if (existsSync(item)) out.push(...loadCohortFiles([item]));
    else {
      throw new UserError(`unknown cohort: ${item}`, 'unknown_cohort', `shipped cohorts: ${builtin.map((c) => c.name).join(', ')}; or pass a cohort file path`);
    }
  }
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.name)) throw new UserError(`invalid cohorts: ${c.name} selected twice`, 'usage');
    seen.add(c.name);
  }
  return out.map((c) => ({ ...c, rollup }));
}
