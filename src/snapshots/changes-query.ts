/**
 * Reading the change feed: events first seen in a snapshot on or after `since`, optionally only
 * those at companies of some cohorts (membership at the event's month: the start of a position,
 * the end of one left), or only batches after one already read (`--follow`).
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { cohortListsSql, ensureCohortMembers } from '../metrics/cohort-members.js';
import type { Cohort } from '../resolve/index.js';
import { CHANGE_KINDS, CHANGES_TABLE_SQL, type ChangeKind } from './change-events.js';
import { parseSnapshotDate } from './snapshot-date.js';

export interface ChangesQuery {
  /** First snapshot date reported (inclusive, YYYY-MM-DD). */
  since?: string;
  kinds?: ChangeKind[];
  /** Keep events at companies of these cohorts only. */
  cohorts?: readonly Cohort[];
  /** Only batches after this one (what a follower has not seen yet). */
  afterBatch?: number;
}

/** One event as a reader sees it: dates as the profile claims them (`YYYY` or `YYYY-MM`). */
export interface ChangeRow {
  batch: number;
  snapshot: string;
  prev_snapshot: string;
  person_id: string;
  kind: ChangeKind;
  company: string | null;
  company_id: string | null;
  /** `internal` or `new_employer` for `started`. */
  move: string | null;
  title: string | null;
  prev_title: string | null;
  location: string | null;
  prev_location: string | null;
  school: string | null;
  degree: string | null;
  start: string | null;
  end: string | null;
  /** Cohorts holding the company at the event's month (comma list), when cohorts were given. */
  cohorts?: string | null;
}

export const CHANGE_COLUMNS = ['snapshot', 'person_id', 'kind', 'company', 'move', 'title', 'prev_title', 'location', 'prev_location', 'school', 'degree', 'start', 'end'] as const;

export function parseKinds(spec: string): ChangeKind[] {
  const kinds = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!(CHANGE_KINDS as readonly string[]).includes(k)) throw new UserError(`unknown change kind: ${k}`, 'usage', `kinds: ${CHANGE_KINDS.join(', ')}`);
  }
  return kinds as ChangeKind[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A month index with its precision as the profile gave it. */
function claimed(m: number | null, prec: number | null): string | null {
  if (m === null) return null;
  const y = Math.floor(m / 12);
  return prec === 1 ? String(y) : `${y}-${pad((m % 12) + 1)}`;
}

interface Raw extends Omit<ChangeRow, 'start' | 'end' | 'company'> {
  event_key?: unknown;
  company_name: string | null;
  start_m: number | null;
  start_prec: number | null;
  end_m: number | null;
  end_prec: number | null;
  /** With cohorts: the event's month, and its company's cohorts with their month windows. */
  event_m?: number;
  m_cohorts?: string[];
  m_from?: number[];
  m_to?: number[];
}

/**
 * The events, oldest batch first. One SELECT, one equi-JOIN (cohort membership as each company's
 * lists, `cohortListsSql`), so it runs on ClickHouse too; there `changes` is shipped by ingest
 * workers (`ingest --engine clickhouse --snapshot`), never created here.
 */
export async function listChanges(store: Store, q: ChangesQuery = {}): Promise<ChangeRow[]> {
  const d = store.dialect;
  if (d.capabilities.derivesInPlace) await store.run(CHANGES_TABLE_SQL);
  else if (!(await store.tableExists('changes'))) {
    throw new UserError('no change events in this database', 'no_data', 'ingest snapshots with --snapshot DATE (on ClickHouse with --state FILE: docs/snapshots.md)');
  }
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.since !== undefined) {
    where.push('snapshot >= $since');
    params.since = parseSnapshotDate(q.since);
  }
  if (q.afterBatch !== undefined) {
    where.push('batch > $after');
    params.after = q.afterBatch;
  }
  if (q.kinds?.length) where.push(`kind IN (${q.kinds.map((k) => d.literal(k)).join(', ')})`);
  let sql = `SELECT * FROM changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  if (q.cohorts?.length) {
    // membership at the event's month: the end of a position left, else its start, else the snapshot's
    const month = `coalesce(CASE WHEN kind = 'left' THEN end_m ELSE start_m END,
      CAST(substr(snapshot, 1, 4) AS INTEGER) * 12 + CAST(substr(snapshot, 6, 2) AS INTEGER) - 1)`;
    const lists = cohortListsSql(d, d.literal(await ensureCohortMembers(store, q.cohorts)));
    // a LEFT JOIN filtered by the count: ClickHouse 18.16 cannot sort the rows of an inner one
    sql = `SELECT c.*, m.m_cohorts, m.m_from, m.m_to FROM (SELECT *, ${month} AS event_m FROM (${sql}) AS e) AS c LEFT JOIN (${lists}) AS m USING (company_id)
      WHERE ${d.countInWindow('c.event_m', 'm.m_cohorts', 'm.m_from', 'm.m_to')} > 0`;
  }
  // event_key last: a total order on every engine
  const rows = await store.all<Raw>(
    `${sql} ORDER BY batch, snapshot, person_id, kind, start_m NULLS LAST, company_name, event_key`,
    params,
  );
  return rows.map((r) => {
    const { event_key: _key, company_name, start_m, start_prec, end_m, end_prec, event_m, m_cohorts, m_from, m_to, ...rest } = r;
    const row: ChangeRow = { ...rest, company: company_name, start: claimed(start_m, start_prec), end: claimed(end_m, end_prec) };
    if (m_cohorts) {
      const held = m_cohorts.filter((_, i) => Number(m_from![i]) <= event_m! && event_m! <= Number(m_to![i]));
      row.cohorts = [...new Set(held)].sort().join(',');
    }
    return row;
  });
}
