/**
 * The options every metric command shares: filters, statistics (`--ci`, `--bootstrap`,
 * `--seed`, `--min-cell`), output (`--format`, `--explain`), cohorts and the database.
 */
import { DEFAULT_COHORTS, type MetricFilters } from '../api.js';
import { checkLevel, DEFAULT_LEVEL } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL } from '../analyze/suppress-cells.js';
import { UserError } from '../model/errors.js';
import { countryCode, metroName } from '../resolve/place-normalize.js';
import { intOption, type Options } from './args.js';

export const METRIC_OPTIONS = {
  by: { type: 'string' },
  cohort: { type: 'string' },
  company: { type: 'string' },
  band: { type: 'string' },
  'new-grad': { type: 'string' },
  seniority: { type: 'string' },
  function: { type: 'string' },
  occupation: { type: 'string' },
  'exposure-quintile': { type: 'string' },
  metro: { type: 'string' },
  country: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  cohorts: { type: 'string' },
  ci: { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  'min-cell': { type: 'string' },
  format: { type: 'string' },
  explain: { type: 'boolean' },
  db: { type: 'string' },
} as const satisfies Options;

/** The `--by` lines of a command grouping by the group dimensions (GROUP_DIMS). */
export const BY_HELP = `  --by DIMS        cohort, company, band, new_grad, seniority, function, occupation,
                   exposure_quintile, metro, region, country`;

export const METRIC_HELP = `filters (comma lists mean "any of"):
  --cohort LIST            cohorts (other = in no selected cohort)
  --company LIST           company names
  --band LIST              experience bands at hire: <1, 1, 2-5, 6-10, 11+
  --new-grad yes|no        new-grad hires only / none
  --seniority LIST         seniority labels (title at hire)
  --function LIST          job functions (title at hire)
  --occupation LIST        occupation titles or SOC codes/prefixes (15-1252, 15-)
  --exposure-quintile LIST AI-exposure quintiles 1-5
  --metro LIST             metro areas ("San Francisco Bay Area", "london")
  --country LIST           countries (US, GB, "united kingdom")
  --from YEAR, --to YEAR   years reported
statistics:
  --ci LEVEL               interval coverage (default ${DEFAULT_LEVEL})
  --bootstrap B            bootstrap replicates over people (default 200; 0 = none)
  --seed N                 bootstrap seed (default 1)
  --min-cell K             hide figures resting on fewer than K people (default ${DEFAULT_MIN_CELL})
output:
  --cohorts LIST           shipped cohort names and cohort files (default ${DEFAULT_COHORTS})
  --format F               table (default), json or csv
  --explain                print the SQL instead of the result
  --db FILE                database file (default ./talentflow.duckdb)`;

type Values = Partial<Record<keyof typeof METRIC_OPTIONS, string | boolean | undefined>>;

const listOf = (v: string | boolean | undefined) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function parseFilters(v: Values): MetricFilters {
  const f: MetricFilters = {};
  const set = <K extends keyof MetricFilters>(k: K, x: MetricFilters[K] | undefined) => {
    if (x !== undefined) f[k] = x;
  };
  set('cohort', listOf(v.cohort));
  set('company', listOf(v.company));
  set('band', listOf(v.band));
  set('seniority', listOf(v.seniority));
  set('function', listOf(v.function));
  set('occupation', listOf(v.occupation));
  set('metro', listOf(v.metro)?.map(metroName));
  set('country', listOf(v.country)?.map(countryCode));
  const q = listOf(v['exposure-quintile']);
  if (q) {
    const nums = q.map(Number);
    if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) throw new UserError(`invalid --exposure-quintile: ${String(v['exposure-quintile'])}`, 'usage', 'quintiles are 1 to 5');
    f.exposure_quintile = nums;
  }
  const ng = v['new-grad'];
  if (typeof ng === 'string') {
    if (!['yes', 'no', 'true', 'false'].includes(ng)) throw new UserError(`invalid --new-grad: ${ng}`, 'usage', 'yes or no');
    f.new_grad = ng === 'yes' || ng === 'true';
  }
  if (typeof v.from === 'string') f.from = intOption('from', v.from, 0);
  if (typeof v.to === 'string') f.to = intOption('to', v.to, 0);
  return f;
}

export interface StatOptions {
  level: number;
  minCell: number;
  bootstrap: { replicates: number; seed: number; level: number };
}

export function parseStats(v: Values): StatOptions {
  const level = checkLevel(typeof v.ci === 'string' ? Number(v.ci) : DEFAULT_LEVEL);
  const replicates = intOption('bootstrap', v.bootstrap as string | undefined, 200);
  if (replicates < 0) throw new UserError(`invalid --bootstrap: ${replicates}`, 'usage', 'a whole number of replicates, 0 or more');
  const minCell = intOption('min-cell', v['min-cell'] as string | undefined, DEFAULT_MIN_CELL);
  if (minCell < 1) throw new UserError(`invalid --min-cell: ${minCell}`, 'usage', 'at least 1');
  return { level, minCell, bootstrap: { replicates, seed: intOption('seed', v.seed as string | undefined, 1), level } };
}
