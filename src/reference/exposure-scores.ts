/**
 * AI-exposure scores per O*NET-SOC 2019 occupation, from the published files, each joined
 * through the crosswalk its SOC vintage needs:
 *
 * - `eloundou` (default): Eloundou et al. 2023, "GPTs are GPTs", occupation-level β
 *   (`occ_level.csv`, human ratings; `eloundou-gpt4` uses the GPT-4 ratings). O*NET-SOC 2019
 *   codes, joined directly; an O*NET code the file lacks takes the mean of its SOC 6-digit
 *   siblings.
 * - `microsoft`: Tomlinson et al. 2025, "Working with AI", AI applicability score per SOC 2018
 *   code (`soc_ai_applicability_scores.csv`); an O*NET code takes its SOC 2018 parent's score,
 *   or its broad group's (OEWS-style aggregate codes like 13-1020) when the detail is absent.
 * - `felten`: Felten, Raj & Seamans 2021, AIOE per SOC 2010 code (`appendixA_AIOE_by_SOC.tsv`),
 *   mapped to SOC 2018 through the BLS 2010→2018 crosswalk (the mean where several 2010 codes
 *   feed one 2018 code).
 */
import { UserError } from '../model/errors.js';
import { readCsv, readTsv, pick } from './read-table.js';

export type ExposureSource = 'eloundou' | 'eloundou-gpt4' | 'microsoft' | 'felten';
export const EXPOSURE_SOURCES: readonly ExposureSource[] = ['eloundou', 'eloundou-gpt4', 'microsoft', 'felten'];

/** What each source's score means, for output and docs. */
export const EXPOSURE_LABELS: Record<ExposureSource, string> = {
  eloundou: 'Eloundou et al. 2023 β (human ratings)',
  'eloundou-gpt4': 'Eloundou et al. 2023 β (GPT-4 ratings)',
  microsoft: 'Tomlinson et al. 2025 AI applicability',
  felten: 'Felten, Raj & Seamans 2021 AIOE',
};

/** Read `source`'s file and score each of `codes` (O*NET-SOC 2019); missing ones are absent. */
export function importExposure(source: ExposureSource, file: string, codes: readonly string[], crosswalk2010to2018?: string): Map<string, number> {
  switch (source) {
    case 'eloundou':
    case 'eloundou-gpt4': {
      const column = source === 'eloundou' ? 'human_rating_beta' : 'dv_rating_beta';
      const byCode = new Map<string, number>();
      for (const row of readCsv(file)) {
        const v = Number(pick(row, column));
        if (Number.isFinite(v)) byCode.set(pick(row, 'O*NET-SOC Code'), v);
      }
      const bySoc = meanBy(byCode, (c) => c.slice(0, 7));
      return assign(codes, (c) => byCode.get(c) ?? bySoc.get(c.slice(0, 7)));
    }
    case 'microsoft': {
      const bySoc = new Map<string, number>();
      for (const row of readCsv(file)) {
        const v = Number(pick(row, 'ai_applicability_score'));
        if (Number.isFinite(v)) bySoc.set(pick(row, 'SOC Code'), v);
      }
      return assign(codes, (c) => bySoc.get(c.slice(0, 7)) ?? bySoc.get(broadOf(c)));
    }
    case 'felten': {
      if (!crosswalk2010to2018) throw new UserError('invalid exposure import: felten needs the soc 2010→2018 crosswalk', 'usage');
      const by2010 = new Map<string, number>();
      for (const row of readTsv(file)) {
        const v = Number(pick(row, 'AIOE', 'Language Modeling AIOE'));
        if (Number.isFinite(v)) by2010.set(pick(row, 'SOC Code'), v);
      }
      const sums = new Map<string, [number, number]>();
      for (const row of readCsv(crosswalk2010to2018)) {
        const v = by2010.get(pick(row, 'soc_2010_code', 'soc2010'));
        if (v === undefined) continue;
        const to = pick(row, 'soc_2018_code', 'soc2018');
        const s = sums.get(to) ?? [0, 0];
        s[0] += v;
        s[1] += 1;
        sums.set(to, s);
      }
      const by2018 = new Map([...sums].map(([k, [s, n]]) => [k, s / n] as const));
      return assign(codes, (c) => by2018.get(c.slice(0, 7)) ?? by2018.get(broadOf(c)));
    }
  }
}

/** The broad-group code an aggregate uses: `13-1021.00` → `13-1020`. */
export function broadOf(code: string): string {
  return code.slice(0, 6) + '0';
}

function meanBy(scores: Map<string, number>, key: (code: string) => string): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const [code, v] of scores) {
    const s = sums.get(key(code)) ?? [0, 0];
    s[0] += v;
    s[1] += 1;
    sums.set(key(code), s);
  }
  return new Map([...sums].map(([k, [s, n]]) => [k, s / n] as const));
}

function assign(codes: readonly string[], score: (code: string) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of codes) {
    const v = score(c);
    if (v !== undefined) out.set(c, v);
  }
  return out;
}
