/**
 * A title reference: the O*NET taxonomy plus, optionally, one AI-exposure source with its
 * employment-weighted quintiles. Plain data (JSON-serializable) so it can be stored in the
 * database with its version and handed to `classifyTitles(titles, { reference })`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../model/errors.js';
import { importOnet, type TitleSource } from './onet-taxonomy.js';
import { importExposure, EXPOSURE_LABELS, broadOf, type ExposureSource } from './exposure-scores.js';
import { importEmployment, quintileCuts, quintileOf, type Quintile } from './exposure-quintiles.js';

export interface ReferenceOccupation {
  /** O*NET-SOC 2019 code. */
  code: string;
  title: string;
  exposure: number | null;
  exposure_quintile: Quintile | null;
  /** US employment (OEWS), split evenly among O*NET codes sharing a SOC code; the match prior. */
  employment: number | null;
}

export interface TitleReference {
  taxonomy: 'O*NET-SOC 2019';
  /** Names every input, e.g. `O*NET 29.3; eloundou; OEWS 2024`. Changes when any input does. */
  version: string;
  exposure: { source: ExposureSource; label: string; cuts: number[]; coverage: number } | null;
  occupations: ReferenceOccupation[];
  /** [title as written, index into `occupations`, source: 0 occupation name, 1 reported, 2 alternate]. */
  titles: Array<[string, number, TitleSource]>;
}

export interface ExposureFiles {
  source: ExposureSource;
  /** The source's score file. */
  file: string;
  /** BLS SOC 2010→2018 crosswalk CSV (needed for `felten`). */
  crosswalk2010to2018?: string;
}

/**
 * Build a reference from an O*NET folder and, optionally, an OEWS national employment file
 * (the occupation prior and the quintile weights) and one exposure source (needs `oews`).
 */
export function buildTitleReference(onetDir: string, options: { oews?: string; exposure?: ExposureFiles } = {}): TitleReference {
  const onet = importOnet(onetDir);
  const codes = onet.occupations.map((o) => o.code);
  const employment = options.oews ? importEmployment(options.oews) : null;
  let scores = new Map<string, number>();
  let ex: TitleReference['exposure'] = null;
  const exposure = options.exposure;
  if (exposure) {
    if (!employment) throw new UserError('invalid exposure import: quintiles need an oews employment file', 'usage');
    scores = importExposure(exposure.source, exposure.file, codes, exposure.crosswalk2010to2018);
    const { cuts, coverage } = quintileCuts(scores, employment);
    ex = { source: exposure.source, label: EXPOSURE_LABELS[exposure.source], cuts, coverage };
  }
  const oewsYear = options.oews ? /(20\d\d)/.exec(path.basename(options.oews))?.[1] : undefined;
  const siblings = new Map<string, number>();
  for (const c of codes) siblings.set(c.slice(0, 7), (siblings.get(c.slice(0, 7)) ?? 0) + 1);
  const employmentOf = (code: string): number | null => {
    if (!employment) return null;
    const soc = code.slice(0, 7);
    const n = employment.get(soc);
    if (n !== undefined) return n / (siblings.get(soc) ?? 1);
    const broad = employment.get(broadOf(code));
    if (broad === undefined) return null;
    let members = 0;
    for (const [s, k] of siblings) if (broadOf(s) === broadOf(code)) members += k;
    return broad / Math.max(1, members);
  };
  return {
    taxonomy: 'O*NET-SOC 2019',
    version: [onet.version, ex?.source, oewsYear && `OEWS ${oewsYear}`].filter(Boolean).join('; '),
    exposure: ex,
    occupations: onet.occupations.map((o) => {
      const s = scores.get(o.code);
      return {
        code: o.code,
        title: o.title,
        exposure: s ?? null,
        exposure_quintile: s !== undefined && ex ? quintileOf(s, ex.cuts) : null,
        employment: employmentOf(o.code),
      };
    }),
    titles: onet.titles,
  };
}

/**
 * Build a reference from a folder laid out like `../shared/data`: `onet-*` (O*NET text files),
 * `exposure/<source>/…`, `soc/bls_soc_2010_to_2018_crosswalk.csv`, `bls/oews_national_<year>*.csv`
 * (the newest year). A folder that is itself an O*NET release works too (no exposure then).
 */
export function loadTitleReference(dataDir: string, source: ExposureSource | null = 'eloundou'): TitleReference {
  if (existsSync(path.join(dataDir, 'Occupation Data.txt'))) return buildTitleReference(dataDir);
  const entries = existsSync(dataDir) ? readdirSync(dataDir) : [];
  const onet = entries.filter((e) => /^onet/i.test(e)).sort().pop();
  if (!onet) throw new UserError(`invalid reference folder: ${dataDir}`, 'reference_missing', 'expected an onet-<version> folder inside it');
  const bls = path.join(dataDir, 'bls');
  const oewsName = (existsSync(bls) ? readdirSync(bls) : []).filter((f) => /^oews_national_20\d\d.*\.csv$/.test(f)).sort().pop();
  const oews = oewsName ? path.join(bls, oewsName) : undefined;
  if (!source) return buildTitleReference(path.join(dataDir, onet), { oews });
  if (!oews) throw new UserError(`invalid reference folder: ${dataDir}`, 'reference_missing', 'expected bls/oews_national_<year>.csv for the quintile weights');
  const file = {
    eloundou: 'exposure/eloundou-gpts-are-gpts/occ_level.csv',
    'eloundou-gpt4': 'exposure/eloundou-gpts-are-gpts/occ_level.csv',
    microsoft: 'exposure/microsoft-working-with-ai/soc_ai_applicability_scores.csv',
    felten: 'exposure/felten-aioe/appendixA_AIOE_by_SOC.tsv',
  }[source];
  return buildTitleReference(path.join(dataDir, onet), {
    oews,
    exposure: { source, file: path.join(dataDir, file), crosswalk2010to2018: path.join(dataDir, 'soc/bls_soc_2010_to_2018_crosswalk.csv') },
  });
}
