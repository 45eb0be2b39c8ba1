/**
 * Employment spells and their places, for the metrics. Both tables are built by `derive`
 * (src/derive/spells-sql.ts, src/derive/resolve-places.ts); a database derived by an older
 * version lacks them (or their hash keys) and gets them here, once, on first use.
 */
import type { Store } from '../engines/engine.js';
import { resolvePlaces, spellsSql } from '../derive/index.js';

async function hasColumn(store: Store, table: string, column: string): Promise<boolean> {
  const d = store.dialect;
  const [t] = await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ${d.literal(table)} AND column_name = ${d.literal(column)}`,
  );
  return (t?.n ?? 0) > 0;
}

/** Build `spells` unless derive did (a database from before spells carried `place_key`). */
export async function ensureSpells(store: Store): Promise<void> {
  if (await hasColumn(store, 'spells', 'place_key')) return;
  await store.run(spellsSql());
  await store.run('DROP TABLE IF EXISTS place_map');
}

/** Build `place_map(place_key, place, country, region, metro)` unless derive did. */
export async function ensurePlaceMap(store: Store): Promise<void> {
  await ensureSpells(store);
  if (await hasColumn(store, 'place_map', 'place_key')) return;
  await resolvePlaces(store);
}
