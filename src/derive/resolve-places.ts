/**
 * `place_map(place_key, place, country, region, metro)`: every distinct place string of spells,
 * normalized once in TypeScript (src/resolve/place-normalize.ts) and joined back by `place_key`,
 * the 64-bit hash `spells` carries. A place seen a million times is normalized once.
 */
import type { Store } from '../engines/engine.js';
import { normalizePlace } from '../resolve/place-normalize.js';
import type { MapMode } from './resolve-values.js';

/** Build `place_map` from `spells` (`add`: append the places `main.place_map` lacks); returns
 *  the number of places resolved. */
export async function resolvePlaces(store: Store, mode: MapMode = 'replace'): Promise<number> {
  const places = await store.all<{ k: string; place: string }>(
    `SELECT place_key::VARCHAR AS k, any_value(place) AS place FROM spells WHERE place IS NOT NULL
     ${mode === 'add' ? 'AND place_key NOT IN (SELECT place_key FROM main.place_map)' : ''} GROUP BY place_key`,
  );
  await store.run('CREATE OR REPLACE TEMP TABLE place_map_load (k VARCHAR, place VARCHAR, country VARCHAR, region VARCHAR, metro VARCHAR)');
  await store.append(
    'place_map_load',
    ['k', 'place', 'country', 'region', 'metro'],
    places.map(({ k, place }) => {
      const p = normalizePlace(place);
      return [k, place, p?.country ?? null, p?.region ?? null, p?.metro ?? null];
    }),
  );
  const typed = 'SELECT k::UBIGINT AS place_key, place, country, region, metro FROM place_map_load';
  await store.run(mode === 'add' ? `INSERT INTO main.place_map ${typed}` : `CREATE OR REPLACE TABLE place_map AS ${typed}`);
  await store.run('DROP TABLE place_map_load');
  return places.length;
}
