/**
 * Reading the change feed: events first seen in a snapshot on or after `since`, optionally only
 * those at companies of some cohorts (membership at the event's month: the start of a position,
 * the end of one left), or only batches after one already read (`--follow`).
 */
import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { cohortMonthSql, ensureCohortMembers } from '../metrics/cohort-members.js';
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
  company_name: string | null;
  start_m: number | null;
  start_prec: number | null;
  end_m: number | null;
  end_prec: number | null;
}

export async function listChanges(store: Store, q: ChangesQuery = {}): Promise<ChangeRow[]> {
  await store.run(CHANGES_TABLE_SQL);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.since !== undefined) {
    where.push('c.snapshot >= $since');
    params.since = parseSnapshotDate(q.since);
  }
  if (q.afterBatch !== undefined) {
    where.push('c.batch > $after');
    params.after = q.afterBatch;
  }
  if (q.kinds?.length) where.push(`c.kind IN (${q.kinds.map((k) => store.dialect.literal(k)).join(', ')})`);
  let cohorts = '';
  if (q.cohorts?.length) {
    const set = store.dialect.literal(await ensureCohortMembers(store, q.cohorts));
    const month = `coalesce(CASE WHEN c.kind = 'left' THEN c.end_m ELSE c.start_m END,
      CAST(substr(c.snapshot, 1, 4) AS INTEGER) * 12 + CAST(substr(c.snapshot, 6, 2) AS INTEGER) - 1)`;
    const members = `FROM cohort_members m WHERE m.cohort_set = ${set} AND m.cohort <> '' AND m.company_id = c.company_id AND ${cohortMonthSql('m', month)}`;
    cohorts = `, (SELECT string_agg(DISTINCT m.cohort, ',') ${members}) AS cohorts`;
    where.push(`EXISTS (SELECT 1 ${members})`);
  }
  const rows = await store.all<Raw>(
    `SELECT c.* EXCLUDE (event_key)${cohorts} FROM changes c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.batch, c.snapshot, c.person_id, c.kind, c.start_m NULLS LAST, c.company_name`,
    params,
  );
  return rows.map((r) => {
    const { company_name, start_m, start_prec, end_m, end_prec, ...rest } = r;
    return { ...rest, company: company_name, start: claimed(start_m, start_prec), end: claimed(end_m, end_prec) };
  });
}
