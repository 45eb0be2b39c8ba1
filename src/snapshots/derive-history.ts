/**
 * The snapshot half of the derive step. `derive` asks `hasSnapshots` once; without snapshots it
 * runs exactly as before. With them, `prepareHistory` replaces the people step (people, the
 * records of each snapshot, raw views over every snapshot for resolution) and `buildHistory`
 * runs after resolution (the union history, and the raw views the rest of derive reads).
 */
import type { Store } from '../engines/engine.js';
import { RECORD_HASHES_SQL } from './record-hash.js';
import {
  allEducationsRawSql,
  allPositionsRawSql,
  educationHistorySql,
  historyRawViewsSql,
  personKeysSql,
  posInstSql,
  positionHistorySql,
  snapRecordsSql,
  snapshotPeopleSql,
  snapVersionsSql,
} from './history-sql.js';

/** Whether any file was ingested with `--snapshot`. */
export async function hasSnapshots(store: Store): Promise<boolean> {
  const [row] = await store.all<{ n: number }>('SELECT count(*) AS n FROM files WHERE snapshot IS NOT NULL');
  return (row?.n ?? 0) > 0;
}

export async function prepareHistory(store: Store): Promise<void> {
  await store.run(RECORD_HASHES_SQL);
  await store.run(personKeysSql());
  await store.run(snapRecordsSql());
  await store.run(snapshotPeopleSql());
  await store.run(snapVersionsSql());
  await store.run(allPositionsRawSql());
  await store.run(allEducationsRawSql());
}

/** Needs `company_map` (positions are matched across snapshots by resolved company). */
export async function buildHistory(store: Store): Promise<void> {
  await store.run(posInstSql());
  await store.run(positionHistorySql());
  await store.run(educationHistorySql());
  await store.run(historyRawViewsSql());
}
