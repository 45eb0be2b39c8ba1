/** What the database holds, in numbers that add up: records = people + duplicates_merged. */
import type { Store } from '../engines/engine.js';

export interface DbTotals {
  files: number;
  /** Accepted records over all files. */
  records: number;
  people: number;
  duplicates_merged: number;
  positions: number;
  educations: number;
  quarantined: number;
  hires: number;
}

export async function dbTotals(store: Store): Promise<DbTotals> {
  const [row] = await store.all<Omit<DbTotals, 'duplicates_merged'>>(`SELECT
    (SELECT count(*) FROM files) AS files,
    (SELECT count(*) FROM records) AS records,
    (SELECT count(*) FROM people) AS people,
    (SELECT count(*) FROM positions_raw) AS positions,
    (SELECT count(*) FROM educations_raw) AS educations,
    (SELECT count(*) FROM quarantine) AS quarantined,
    (SELECT count(*) FROM hires) AS hires`);
  if (!row) throw new Error('totals query returned no row');
  return { ...row, duplicates_merged: row.records - row.people };
}
