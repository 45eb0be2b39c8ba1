/**
 * `data import`: build a title reference from O*NET and exposure files and store it with its
 * version; titles already in the database are re-classified with it (a new version, recorded).
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import {
  buildTitleReference,
  EXPOSURE_LABELS,
  importEmployment,
  importExposure,
  loadTitleReference,
  quintileCuts,
  quintileOf,
  type ExposureSource,
  type TitleReference,
} from '../reference/index.js';
import { resolveTitles } from '../derive/resolve-values.js';
import { loadReference, saveReference } from './reference-store.js';

/** O*NET release folder (optionally with OEWS employment for the occupation prior). */
export async function importOnetReference(store: Store, onetDir: string, oews?: string): Promise<TitleReference> {
  return store_(store, buildTitleReference(onetDir, { oews }));
}

/** A folder laid out like the project's shared data (onet-*, exposure/, soc/, bls/). */
export async function importReferenceFolder(store: Store, dir: string, source: ExposureSource | null): Promise<TitleReference> {
  return store_(store, loadTitleReference(dir, source));
}

/** Add (or replace) the AI-exposure scores of the stored O*NET reference. */
export async function importExposureScores(
  store: Store,
  file: string,
  options: { source: ExposureSource; oews: string; crosswalk?: string },
): Promise<TitleReference> {
  const base = await loadReference(store);
  if (!base) throw new UserError('no O*NET reference in the database', 'reference_missing', 'run `talentflow data import onet DIR` first');
  const codes = base.occupations.map((o) => o.code);
  const scores = importExposure(options.source, file, codes, options.crosswalk);
  const employment = importEmployment(options.oews);
  const { cuts, coverage } = quintileCuts(scores, employment);
  const onetVersion = base.version.split('; ')[0];
  const year = /(20\d\d)/.exec(options.oews)?.[1];
  return store_(store, {
    ...base,
    version: [onetVersion, options.source, year && `OEWS ${year}`].filter(Boolean).join('; '),
    exposure: { source: options.source, label: EXPOSURE_LABELS[options.source], cuts, coverage },
    occupations: base.occupations.map((o) => {
      const s = scores.get(o.code);
      return { ...o, exposure: s ?? null, exposure_quintile: s === undefined ? null : quintileOf(s, cuts) };
    }),
  });
}

async function store_(store: Store, reference: TitleReference): Promise<TitleReference> {
  await saveReference(store, reference);
  if (await store.tableExists('positions_raw')) await resolveTitles(store, reference);
  return reference;
}
