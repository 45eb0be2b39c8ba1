/**
 * Reporting lag and the nowcast. People add a new position to their profile months after it
 * starts, so the latest months are under-counted. From successive snapshots we see when each
 * hire first appeared: π(k), the completeness curve, is the share of a month's eventual hires
 * already visible k months later. Estimated over hires that started at least `horizon` months
 * before their person's latest snapshot (assumed complete then: π(k ≥ horizon) = 1), from every
 * snapshot the person was in; month-precise starts only. Made non-decreasing in k.
 *
 * The nowcast of a month's hires is O/π(k), k = latest snapshot − month. Its variance adds the
 * binomial thinning, O(1 − π)/π², and the error of π̂, (O/π)²(se/π)²; a period's band is the
 * sum over its months, ± z·sd. A period with a month of π < 0.9 is provisional.
 */
import { requireCapabilities, type Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { zOf } from '../analyze/intervals.js';
import { hires, hiresSql, type HireDim, type HiresQuery, type HiresRow } from '../metrics/hires.js';
import type { Cohort } from '../resolve/index.js';
import { hasSnapshots } from './derive-history.js';
import { monthOfDate } from './snapshot-date.js';

export interface CompletenessPoint {
  /** Months after the start month (0 = the snapshot's own month). */
  k: number;
  pi: number;
  se: number;
  /** Hires the estimate rests on. */
  n: number;
}

export interface CompletenessCurve {
  /** Month index of the latest snapshot, the "now" of the nowcast. */
  as_of_m: number;
  horizon: number;
  points: CompletenessPoint[];
}

/** Below this completeness a period is provisional. */
export const PROVISIONAL_BELOW = 0.9;

const SNAP_M = "CAST(substr(snapshot, 1, 4) AS INTEGER) * 12 + CAST(substr(snapshot, 6, 2) AS INTEGER) - 1";

/** π(k) from the snapshots in the database; `horizon` defaults to 12 months or the span of the
 *  snapshots, whichever is shorter. */
export async function completenessCurve(store: Store, horizon?: number): Promise<CompletenessCurve> {
  if (!(await hasSnapshots(store))) {
    throw new UserError('invalid --nowcast: no snapshots in the database', 'usage', 'ingest two or more snapshots with --snapshot DATE (docs/snapshots.md)');
  }
  const [span] = await store.all<{ lo: string; hi: string }>('SELECT min(snapshot) AS lo, max(snapshot) AS hi FROM snap_records');
  const asOf = monthOfDate(span!.hi);
  const h = horizon ?? Math.min(12, asOf - monthOfDate(span!.lo));
  if (h < 1) throw new UserError('invalid --nowcast: one snapshot tells nothing about the lag', 'usage', 'ingest a later snapshot with --snapshot DATE');
  // each person's latest snapshot from their snapshot rows, not `people`: a ClickHouse sink keeps
  // the people row of someone unchanged by a later snapshot as it was (docs/snapshots.md)
  const rows = await store.all<{ k: number; n: number; seen: number }>(
    `SELECT s.sm - ph.start_m AS k, count(*) AS n, count(CASE WHEN ph.first_seen <= s.snapshot THEN 1 END) AS seen
     FROM hires h JOIN position_history ph ON ph.pid = h.pid AND ph.idx = h.idx
     JOIN (SELECT s.pid, s.snapshot, ${SNAP_M.replaceAll('snapshot', 's.snapshot')} AS sm, ${SNAP_M.replaceAll('snapshot', 'l.last_snapshot')} AS lm
           FROM snap_records s JOIN (SELECT pid, max(snapshot) AS last_snapshot FROM snap_records GROUP BY pid) l ON l.pid = s.pid) s ON s.pid = h.pid
     WHERE ph.start_prec >= 2 AND s.lm - ph.start_m >= $h AND s.sm >= ph.start_m AND s.sm - ph.start_m < $h
     GROUP BY 1 ORDER BY 1`,
    { h },
  );
  const byK = new Map(rows.map((r) => [r.k, r]));
  const points: CompletenessPoint[] = [];
  let floor = 0;
  for (let k = 0; k < h; k++) {
    const r = byK.get(k);
    const n = r?.n ?? 0;
    const raw = n > 0 ? r!.seen / n : floor;
    const pi = Math.min(1, Math.max(floor, raw));
    floor = pi;
    points.push({ k, pi, se: n > 0 ? Math.sqrt(Math.max(pi * (1 - pi), 0.25 / n) / n) : 0.5, n });
  }
  return { as_of_m: asOf, horizon: h, points };
}

/** A hires row with its nowcast (the existing keys unchanged). */
export interface NowcastRow extends HiresRow {
  nowcast: number;
  nowcast_lo: number;
  nowcast_hi: number;
  /** Lowest π of the period's months (1 when all are complete). */
  completeness: number;
  provisional: boolean;
}

export interface NowcastResult {
  curve: CompletenessCurve;
  rows: NowcastRow[];
}

export interface NowcastOptions {
  horizon?: number;
  /** Band coverage (default 0.95). */
  level?: number;
}

/** `hires` with each recent count divided by π and banded. */
export async function nowcastHires(
  store: Store, q: Omit<HiresQuery, 'metric' | 'cohortSet' | 'monthly'>, cohorts: readonly Cohort[], options: NowcastOptions = {},
): Promise<NowcastResult> {
  // the curve joins hires, position history and snapshot rows in one SELECT
  requireCapabilities(store.dialect, 'hires --nowcast', ['multipleJoins']);
  const curve = await completenessCurve(store, options.horizon);
  const z = zOf(options.level ?? 0.95);
  const base = await hires(store, q, cohorts);
  const monthly = await store.all<HiresRow & { hire_m: number }>(hiresSql({ ...base.query, monthly: true }, store.dialect));
  const keyOf = (r: HiresRow) => q.by.map((d: HireDim) => String(r[d] ?? '')).join('\u0001');
  const acc = new Map<string, { est: number; v: number; pi: number }>();
  for (const m of monthly) {
    const k = Math.max(0, curve.as_of_m - m.hire_m);
    const p = k < curve.horizon ? curve.points[k]! : { pi: 1, se: 0 };
    const a = acc.get(keyOf(m)) ?? { est: 0, v: 0, pi: 1 };
    const o = m.hires;
    const pi = Math.max(p.pi, 1e-3);
    a.est += o / pi;
    a.v += (o * (1 - pi)) / (pi * pi) + ((o / pi) * (p.se / pi)) ** 2;
    a.pi = Math.min(a.pi, p.pi);
    acc.set(keyOf(m), a);
  }
  const rows = base.rows.map((r): NowcastRow => {
    const a = acc.get(keyOf(r)) ?? { est: r.hires, v: 0, pi: 1 };
    const sd = Math.sqrt(a.v);
    return {
      ...r, nowcast: round1(a.est), nowcast_lo: round1(Math.max(r.hires, a.est - z * sd)), nowcast_hi: round1(a.est + z * sd),
      completeness: Math.round(a.pi * 1000) / 1000, provisional: a.pi < PROVISIONAL_BELOW,
    };
  });
  return { curve, rows };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
