/**
 * Employment spells and their places, for the metrics. Both tables are built by `derive`
 * (src/derive/spells-sql.ts, src/derive/resolve-places.ts); a database derived by an older
 * version lacks them (or their hash keys) and gets them here, once, on first use; likewise the
 * integer company keys of `hires`. A store that does not derive in place (ClickHouse receives
 * the facts ingest derived) cannot build them: there a missing table asks for a new ingest.
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
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

/** On a store that cannot derive in place: the user error for a table ingest did not ship. */
function notShipped(store: Store, table: string): UserError | null {
  if (store.dialect.capabilities.derivesInPlace) return null;
  return new UserError(
    `no ${table} in database: it was ingested by an older talentflow`,
    'no_data',
    `ingest again with --reset (talentflow ingest FILES --engine ${store.dialect.name} --url ... --reset)`,
  );
}

/** Build `spells` unless derive did (a database from before spells carried their next spell). */
export async function ensureSpells(store: Store): Promise<void> {
  if (await hasColumn(store, 'spells', 'next_start_m')) return;
  const missing = notShipped(store, 'spells');
  if (missing) throw missing;
  await store.run(spellsSql());
  await store.run('DROP TABLE IF EXISTS place_map');
}

/** Build `place_map(place_key, place, country, region, metro)` unless derive did. */
export async function ensurePlaceMap(store: Store): Promise<void> {
  await ensureSpells(store);
  if (await hasColumn(store, 'place_map', 'place_key')) return;
  const missing = notShipped(store, 'place_map');
  if (missing) throw missing;
  await resolvePlaces(store);
}

/** Add `cid` and `name_key` to `hires` unless derive did (src/derive/derive-sql.ts). */
export async function ensureHireKeys(store: Store): Promise<void> {
  if (await hasColumn(store, 'hires', 'name_key')) return;
  const missing = notShipped(store, 'hire keys');
  if (missing) throw missing;
  await store.run(`CREATE OR REPLACE TABLE hires AS SELECT *, hash(company_id) AS cid, hash(company_name) AS name_key FROM hires`);
}
