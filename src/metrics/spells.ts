/**
 * Employment spells and their places, for the metrics. Both tables are built by `derive`
 * (src/derive/spells-sql.ts, src/derive/resolve-places.ts); a database derived by an older
 * version lacks them (or their hash keys) and gets them here, once, on first use.
 */
import type { Store } from '../engines/engine.js';
import { resolvePlaces, spellsSql } from '../derive/index.js';

/** Whether `table` exists and has `column` (portable: no information_schema needed). */
async function hasColumn(store: Store, table: string, column: string): Promise<boolean> {
  if (!(await store.tableExists(table))) return false;
  try {
    await store.all(`SELECT ${column} FROM ${table} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
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
