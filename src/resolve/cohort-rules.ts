/**
 * Rule-based cohorts: a cohort defined by company attributes instead of a list,
 * `startups: {where: {founded_within_years: 10, stage: [seed, series_a, series_b, series_c]}}`.
 * A rule is evaluated as of each month of a hire: a company is in the cohort for the months the
 * rule holds (`ruleSpans`), which become the `from_m`/`to_m` bounds of `cohort_members`.
 * Unknown attributes never match (a company with no founded year is in no `founded_*` rule).
 */
import { COARSE_STAGES, STAGES, type CompanyRecord, type Stage } from './company-registry.js';
import { ALWAYS, intersectSpans, unionSpans, type MonthSpan } from './month-spans.js';

export interface CohortRule {
  /** Founded at most N−1 years before the year judged: founded 2015, N 10 → 2015–2024. */
  founded_within_years?: number;
  /** Founded in or after / in or before this year. */
  founded_from?: number;
  founded_to?: number;
  /** Funding stage held in the month judged (any of). */
  stage?: Stage[];
  /** Industry, case-insensitive (any of). */
  industry?: string[];
  /** Employees, inclusive bounds. */
  size_min?: number;
  size_max?: number;
  /** Has a ticker (true) or none (false). */
  public?: boolean;
  /** Record source: `yc`, `sp500`, `builtin`, `file` (any of). */
  source?: string[];
}

export const RULE_KEYS = ['founded_within_years', 'founded_from', 'founded_to', 'stage', 'industry', 'size_min', 'size_max', 'public', 'source'] as const;

/** Validates a parsed `where:` mapping; `fail(key, problem)` throws with the place. */
export function parseCohortRule(raw: Record<string, unknown>, fail: (key: string | null, problem: string) => never): CohortRule {
  const rule: CohortRule = {};
  const int = (k: string, v: unknown, min: number): number => (Number.isInteger(v) && (v as number) >= min ? (v as number) : fail(k, `must be a whole number ≥ ${min}`));
  const texts = (k: string, v: unknown): string[] => {
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0 || list.some((x) => typeof x !== 'string' || x.trim() === '')) fail(k, 'must be a name or a list of names');
    return list.map((x) => (x as string).trim());
  };
  for (const [k, v] of Object.entries(raw)) {
    switch (k) {
      case 'founded_within_years': rule.founded_within_years = int(k, v, 1); break;
      case 'founded_from': rule.founded_from = int(k, v, 1000); break;
      case 'founded_to': rule.founded_to = int(k, v, 1000); break;
      case 'size_min': rule.size_min = int(k, v, 0); break;
      case 'size_max': rule.size_max = int(k, v, 0); break;
      case 'public': rule.public = typeof v === 'boolean' ? v : fail(k, 'must be true or false'); break;
      case 'industry': rule.industry = texts(k, v).map((s) => s.toLowerCase()); break;
      case 'source': rule.source = texts(k, v).map((s) => s.toLowerCase()); break;
      case 'stage':
        rule.stage = texts(k, v).map((s) => {
          const st = s.toLowerCase().replace(/[\s-]+/g, '_');
          return (STAGES as readonly string[]).includes(st) ? (st as Stage) : fail(k, `unknown stage "${s}" (stages: ${STAGES.join(', ')})`);
        });
        break;
      default:
        fail(k, `unknown rule key (expected ${RULE_KEYS.join(', ')})`);
    }
  }
  if (Object.keys(rule).length === 0) fail(null, 'must state at least one condition');
  return rule;
}

/** Whether a company at stage `s` satisfies a rule listing `wanted`. */
export function stageMatches(s: Stage, wanted: readonly Stage[]): boolean {
  if (wanted.includes(s)) return true;
  const fine = COARSE_STAGES[s];
  if (fine && fine.some((f) => wanted.includes(f))) return true;
  return wanted.some((w) => COARSE_STAGES[w]?.includes(s) ?? false);
}

/**
 * The months in which `company` satisfies `rule` (empty when never). Dated stages hold from their
 * month to the month before the next dated stage; an undated stage holds before the first dated
 * one (every month when none is dated).
 */
export function ruleSpans(rule: CohortRule, company: CompanyRecord): MonthSpan[] {
  let spans: MonthSpan[] = [...ALWAYS];
  const f = company.founded;
  if (rule.founded_within_years !== undefined || rule.founded_from !== undefined || rule.founded_to !== undefined) {
    if (f === null) return [];
    if (rule.founded_from !== undefined && f < rule.founded_from) return [];
    if (rule.founded_to !== undefined && f > rule.founded_to) return [];
    if (rule.founded_within_years !== undefined) {
      spans = intersectSpans(spans, [{ from_m: f * 12, to_m: (f + rule.founded_within_years) * 12 - 1 }]);
    }
  }
  if (rule.industry && !(company.industry !== null && rule.industry.includes(company.industry.toLowerCase()))) return [];
  if (rule.size_min !== undefined && !(company.size !== null && company.size >= rule.size_min)) return [];
  if (rule.size_max !== undefined && !(company.size !== null && company.size <= rule.size_max)) return [];
  if (rule.public !== undefined && (company.ticker !== null) !== rule.public) return [];
  if (rule.source && !company.source.split(',').some((s) => rule.source!.includes(s))) return [];
  if (rule.stage) spans = intersectSpans(spans, stageSpans(company, rule.stage));
  return spans;
}

function stageSpans(company: CompanyRecord, wanted: readonly Stage[]): MonthSpan[] {
  const dated = company.stages.filter((s) => s.from_m !== null).sort((a, b) => a.from_m! - b.from_m!);
  const undated = company.stages.find((s) => s.from_m === null);
  const out: MonthSpan[] = [];
  if (undated && stageMatches(undated.stage, wanted)) out.push({ from_m: null, to_m: dated[0] ? dated[0].from_m! - 1 : null });
  dated.forEach((s, i) => {
    const next = dated[i + 1];
    if (stageMatches(s.stage, wanted)) out.push({ from_m: s.from_m, to_m: next ? next.from_m! - 1 : null });
  });
  return unionSpans(out);
}
