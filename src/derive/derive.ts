/**
 * Rebuild everything derived from the raw tables: people, resolved positions, graduations,
 * hires. Heavy work is SQL in the engine; resolution runs once per distinct value.
 */
import type { Store } from '../engines/engine.js';
import type { RegistryEntry } from '../resolve/index.js';
import { loadReference } from '../store/reference-store.js';
import { educationsRawSql, graduationsSql, hiresSql, peopleSql, positionsRawSql, positionsSql, stintsSql } from './derive-sql.js';
import { resolveCompanies, resolveDegrees, resolveTitles } from './resolve-values.js';
import { buildHistory, hasSnapshots, prepareHistory } from '../snapshots/derive-history.js';
import { resolvePlaces } from './resolve-places.js';
import { spellsSql } from './spells-sql.js';

export interface DeriveStats {
  distinct_companies: number;
  distinct_titles: number;
  distinct_degrees: number;
}

export async function derive(store: Store, registry: readonly RegistryEntry[], step: (name: string) => void = () => {}): Promise<DeriveStats> {
  step('deduplicating people');
  // snapshot mode (docs/snapshots.md): a person's history is the union of their snapshots
  const snapshots = await hasSnapshots(store);
  if (snapshots) await prepareHistory(store);
  else {
    await store.run(peopleSql());
    await store.run(positionsRawSql());
    await store.run(educationsRawSql());
  }
  step('resolving companies, titles, degrees');
  const distinct_companies = await resolveCompanies(store, registry);
  const distinct_titles = await resolveTitles(store, await loadReference(store));
  const distinct_degrees = await resolveDegrees(store);
  if (snapshots) await buildHistory(store);
  step('deriving hires');
  await store.run(positionsSql());
  await store.run(graduationsSql());
  await store.run(stintsSql());
  await store.run(hiresSql());
  await store.run('DROP TABLE IF EXISTS cohort_members');
  step('deriving employment spells and places');
  await store.run(spellsSql());
  await resolvePlaces(store);
  return { distinct_companies, distinct_titles, distinct_degrees };
}
