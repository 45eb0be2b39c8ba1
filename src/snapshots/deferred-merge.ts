/**
 * When an ingest's checkpoint may merge row groups.
 *
 * An incremental snapshot deletes the rows of the people it rebuilds from every derived table and
 * appends their new rows. At the next checkpoint DuckDB "vacuums": it rewrites runs of row groups
 * whose live rows fit in fewer groups — with 5% of rows deleted everywhere, that is every run
 * next to a partly filled group, so most of `spells`, `hires` and their neighbours are rewritten
 * for a few rows gained (second snapshot of 200k people, 5% changed: a 5.4 s checkpoint, 1.0 s
 * without the merge). Deleted rows stay marked as deleted either way; only the space and the
 * scan of dead rows are at stake.
 *
 * So the checkpoint after an incremental derive does not merge (`max_vacuum_tasks = 0`) until the
 * people rebuilt since the last merge reach a third of all people — the point from which DuckDB
 * can merge three row groups into two on deletes alone. That checkpoint merges, and the count
 * (`meta.rebuilt_since_merge`, absent after a merge) starts again. Any other ingest (a full derive writes its tables anew) merges as before.
 */
import type { Store } from '../engines/engine.js';

const KEY = 'rebuilt_since_merge';
/** Share of people rebuilt since the last merge at which the checkpoint merges again. */
export const MERGE_AT_SHARE = 1 / 3;

/** What the derive did that matters here: people rebuilt incrementally (null: a full derive). */
export interface DeriveChurn {
  rebuilt: number | null;
  people: number;
}

/** Checkpoint the database, merging row groups only when the churn since the last merge makes it
 *  worth it. Returns whether this checkpoint merged. */
export async function checkpointAfterDerive(store: Store, churn: DeriveChurn): Promise<boolean> {
  const [row] = await store.all<{ value: string }>('SELECT value FROM meta WHERE key = $key', { key: KEY });
  const since = churn.rebuilt === null ? null : Number(row?.value ?? 0) + churn.rebuilt;
  const merge = since === null || since >= MERGE_AT_SHARE * churn.people;
  await store.run('DELETE FROM meta WHERE key = $key', { key: KEY });
  if (!merge) await store.run('INSERT INTO meta VALUES ($key, $value)', { key: KEY, value: String(since) });
  if (merge) {
    await store.run('CHECKPOINT');
    return true;
  }
  const [setting] = await store.all<{ v: string }>("SELECT current_setting('max_vacuum_tasks')::VARCHAR AS v");
  await store.run('SET max_vacuum_tasks = 0');
  try {
    await store.run('CHECKPOINT');
  } finally {
    await store.run(`SET max_vacuum_tasks = ${Number(setting!.v)}`);
  }
  return false;
}
