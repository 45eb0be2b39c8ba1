/**
 * The company registry: canonical companies with their identifying keys (aliases, domains,
 * LinkedIn slugs), a parent they roll up to (with the acquisition month), and attributes that
 * rule-based cohorts read (founded year, size, industry, funding stage, ticker). The registry is
 * stored in the database with a version (src/store/company-tables.ts), so the same database
 * resolves and builds cohorts the same way until a new version is imported.
 */
import type { RegistryEntry } from './company-resolver.js';

/** Funding stages, in order. `early` and `growth` are the coarse stages some sources give (YC). */
export const STAGES = [
  'pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'series_d_plus',
  'early', 'growth', 'private', 'public', 'acquired', 'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The fine stages a coarse stage stands for: a rule listing any of them matches a company known
 * only by the coarse stage, and a rule listing the coarse stage matches any of them.
 */
export const COARSE_STAGES: Readonly<Partial<Record<Stage, readonly Stage[]>>> = {
  early: ['pre_seed', 'seed', 'series_a'],
  growth: ['series_b', 'series_c', 'series_d_plus'],
};

/** A stage and the month it began (null: undated, taken to hold for every month). */
export interface StageEvent {
  stage: Stage;
  from_m: number | null;
}

/** One registry company. Ids are lowercase (`microsoft`, `github`); see `companyIdFor`. */
export interface CompanyRecord {
  id: string;
  name: string;
  aliases: string[];
  /** Registrable domains (`github.com`). */
  domains: string[];
  /** LinkedIn slugs (`github`, `1418841`). */
  linkedin: string[];
  /** The company this one rolls up to, by id; null for a top-level company. */
  parent: string | null;
  /** Month index from which it is part of `parent` (the acquisition); null = always. */
  parent_from_m: number | null;
  founded: number | null;
  /** Employees (a headcount, or the lower bound of a size band). */
  size: number | null;
  industry: string | null;
  stages: StageEvent[];
  ticker: string | null;
  /** Where the record came from: `builtin`, `yc`, `sp500`, `file`; several joined by `,`. */
  source: string;
}

/** A registry at one version. */
export class CompanyRegistry {
  readonly byId = new Map<string, CompanyRecord>();

  constructor(readonly records: readonly CompanyRecord[], readonly version: number) {
    for (const r of records) this.byId.set(r.id, r);
  }

  get(id: string): CompanyRecord | undefined {
    return this.byId.get(id);
  }

  /** The registry as resolver entries, in record order. */
  entries(): RegistryEntry[] {
    return this.records.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, domains: r.domains, linkedin: r.linkedin }));
  }
}

/** An empty record for `id`, to fill in. */
export function blankCompany(id: string, name: string, source: string): CompanyRecord {
  return { id, name, aliases: [], domains: [], linkedin: [], parent: null, parent_from_m: null, founded: null, size: null, industry: null, stages: [], ticker: null, source };
}

/**
 * `b` merged into `a` (same company): keys are unioned, attributes `b` states replace `a`'s,
 * dated stage events are added, an undated stage replaces the undated one.
 */
export function mergeCompany(a: CompanyRecord, b: CompanyRecord): CompanyRecord {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  const names = new Set([a.name.toLowerCase(), ...a.aliases.map((s) => s.toLowerCase())]);
  const aliases = [...a.aliases];
  for (const n of [b.name, ...b.aliases]) {
    if (!names.has(n.toLowerCase())) {
      names.add(n.toLowerCase());
      aliases.push(n);
    }
  }
  const stages = a.stages.filter((s) => !(s.from_m === null && b.stages.some((t) => t.from_m === null)) && !b.stages.some((t) => t.from_m !== null && t.from_m === s.from_m));
  stages.push(...b.stages);
  stages.sort((x, y) => (x.from_m ?? -Infinity) - (y.from_m ?? -Infinity));
  const sources = union(a.source.split(','), b.source.split(',')).filter(Boolean).join(',');
  return {
    id: a.id,
    name: a.name,
    aliases,
    domains: union(a.domains, b.domains),
    linkedin: union(a.linkedin, b.linkedin),
    parent: b.parent ?? a.parent,
    parent_from_m: b.parent !== null ? b.parent_from_m : a.parent_from_m,
    founded: b.founded ?? a.founded,
    size: b.size ?? a.size,
    industry: b.industry ?? a.industry,
    stages,
    ticker: b.ticker ?? a.ticker,
    source: sources,
  };
}
