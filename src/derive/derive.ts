/**
 * Rebuild everything derived from the raw tables: people, resolved positions, graduations,
 * hires. Heavy work is SQL in the engine; resolution runs once per distinct value. In snapshot
 * mode a newer snapshot may derive incrementally (only the people who changed: docs/snapshots.md).
 */
import type { Store } from '../engines/engine.js';
import type { RegistryEntry } from '../resolve/index.js';
import { loadReference } from '../store/reference-store.js';
import { educationsRawSql, peopleSql, positionsRawSql } from './derive-sql.js';
import { perPersonSql } from './per-person-sql.js';
import { resolveCompanies, resolveDegrees, resolveTitles } from './resolve-values.js';
import { buildHistory, hasSnapshots, prepareHistory } from '../snapshots/derive-history.js';
import { deriveFingerprint, deriveIncrementally, markDerived } from '../snapshots/incremental-derive.js';
import { updateChanges, type ChangeUpdate } from '../snapshots/change-events.js';
import { resolvePlaces } from './resolve-places.js';

export interface DeriveStats {
  distinct_companies: number;
  distinct_titles: number;
  distinct_degrees: number;
  /** Snapshot mode: the change events this derive recorded. */
  changes?: ChangeUpdate;
  /** Set when the derive was incremental: people of the new snapshot rebuilt, updated in place
   *  (update month only), and untouched. */
  incremental?: { rebuilt: number; as_of_updated: number; unchanged: number };
}

export interface DeriveOptions {
  /** The records after this id are one new snapshot of a database derived through it
   *  (`incrementalBase`): derive only what they change. */
  incrementalFrom?: number | null;
}

export async function derive(store: Store, registry: readonly RegistryEntry[], step: (name: string) => void = () => {}, options: DeriveOptions = {}): Promise<DeriveStats> {
  // snapshot mode (docs/snapshots.md): a person's history is the union of their snapshots
  const snapshots = await hasSnapshots(store);
  const reference = await loadReference(store);
  const fingerprint = deriveFingerprint(registry, reference?.version ?? null);
  if (snapshots && options.incrementalFrom != null) {
    const inc = await deriveIncrementally(store, registry, reference, options.incrementalFrom, step);
    if (inc) {
      await markDerived(store, fingerprint);
      const { distinct_companies, distinct_titles, distinct_degrees, changes, ...incremental } = inc;
      return { distinct_companies, distinct_titles, distinct_degrees, changes, incremental };
    }
  }
  step('deduplicating people');
  if (snapshots) await prepareHistory(store);
  else {
    await store.run(peopleSql());
    await store.run(positionsRawSql());
    await store.run(educationsRawSql());
  }
  step('resolving companies, titles, degrees');
  const distinct_companies = await resolveCompanies(store, registry);
  const distinct_titles = await resolveTitles(store, reference);
  const distinct_degrees = await resolveDegrees(store);
  if (snapshots) await buildHistory(store);
  step('deriving hires');
  for (const { sql } of perPersonSql()) await store.run(sql);
  await store.run('DROP TABLE IF EXISTS cohort_members');
  step('deriving employment spells and places');
  await resolvePlaces(store);
  if (!snapshots) return { distinct_companies, distinct_titles, distinct_degrees };
  const changes = await updateChanges(store);
  await markDerived(store, fingerprint);
  return { distinct_companies, distinct_titles, distinct_degrees, changes };
}
