/**
 * Employment spells: the unit behind headcount, departures, retention, tenure and flows.
 *
 * A spell at company c is a run of a person's full-time positions at c with no gap of 3+ months
 * between them (the same rule that makes a hire: every spell opens with exactly one hire). It
 * ends at the last month of its last position. A spell is a **departure** when that end is a
 * stated end date (not ongoing) on or before the profile's last update; otherwise it is
 * censored at the update (`stop_m` = the last month the person is known to be there).
 *
 * A spell's place is its first stated position location, else the person's profile location
 * (where most profiles say they are; it can be wrong for old spells of people who moved).
 *
 * Built once per ingest on first use (the derive step drops it with the other derived tables).
 */
import type { Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { normalizePlace } from '../resolve/place-normalize.js';
import type { Dialect } from '../engines/engine.js';

export function spellsSql(d: Dialect): string {
  const gap = DEFINITIONS.hireGapMonths;
  const opens = 'opens = 1';
  return `CREATE TABLE spells AS
WITH ft AS (
  SELECT person_id, idx, company_id, company_name, title, location, start_m, end_eff, ongoing
  FROM positions WHERE fulltime AND start_m IS NOT NULL AND company_id IS NOT NULL
), prev AS (
  SELECT *, max(end_eff) OVER (PARTITION BY person_id, company_id ORDER BY start_m, idx
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM ft
), marked AS (
  SELECT *, CASE WHEN prev_end IS NULL OR start_m - prev_end >= ${gap} THEN 1 ELSE 0 END AS opens FROM prev
), numbered AS (
  SELECT *, sum(opens) OVER (PARTITION BY person_id, company_id ORDER BY start_m, idx ROWS UNBOUNDED PRECEDING) AS spell
  FROM marked
), g AS (
  SELECT person_id, company_id, spell, ${d.anyValue('company_name')} AS company_name, min(start_m) AS start_m,
         max(end_eff) AS end_m, max(CASE WHEN ongoing THEN 1 ELSE 0 END) = 1 AS ongoing,
         ${d.aggIf('max', 'idx', opens)} AS hire_idx, ${d.aggIf('max', 'title', opens)} AS title,
         ${d.argMinIf('location', 'start_m', 'location IS NOT NULL')} AS pos_place
  FROM numbered GROUP BY person_id, company_id, spell
)
SELECT g.person_id, g.company_id, g.company_name, g.spell, g.hire_idx, g.title, g.start_m, g.end_m, g.ongoing,
       p.as_of_m, NOT g.ongoing AND g.end_m <= p.as_of_m AS departed, least(g.end_m, p.as_of_m) AS stop_m,
       coalesce(g.pos_place, p.location) AS place,
       h.band, coalesce(h.new_grad, false) AS new_grad, h.boomerang
FROM g JOIN people p ON p.person_id = g.person_id
LEFT JOIN hires h ON h.person_id = g.person_id AND h.idx = g.hire_idx`;
}

async function tableExists(store: Store, name: string): Promise<boolean> {
  const [t] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${store.dialect.literal(name)}`);
  return (t?.n ?? 0) > 0;
}

/** Build `spells` if this ingest has not yet. */
export async function ensureSpells(store: Store): Promise<void> {
  if (await tableExists(store, 'spells')) return;
  await store.run(spellsSql(store.dialect));
}

/**
 * `place_map(place, country, region, metro)`: every distinct place string of spells and
 * people, normalized once in TypeScript (src/resolve/place-normalize.ts).
 */
export async function ensurePlaceMap(store: Store): Promise<void> {
  if (await tableExists(store, 'place_map')) return;
  await ensureSpells(store);
  const places = await store.all<{ place: string }>(
    'SELECT DISTINCT place FROM (SELECT place FROM spells UNION ALL SELECT location AS place FROM people) WHERE place IS NOT NULL',
  );
  await store.run('CREATE TABLE place_map (place VARCHAR, country VARCHAR, region VARCHAR, metro VARCHAR)');
  await store.append(
    'place_map',
    ['place', 'country', 'region', 'metro'],
    places.map(({ place }) => {
      const p = normalizePlace(place);
      return [place, p?.country ?? null, p?.region ?? null, p?.metro ?? null];
    }),
  );
}
