/**
 * The hires metric with its statistics (`talentflow hires --ci/--bootstrap/--min-cell`): the
 * same rows as `hires`, plus a bootstrap CI over people for each count and its YoY change, and
 * small cells suppressed. Only keys are added (`hires_lo`, `hires_hi`, `yoy_lo`, `yoy_hi`,
 * `people`); a suppressed row is left out, and a note says how many.
 *
 * The engine returns, per group and year, each distinct per-person vector (hires this year,
 * hires the year before) with its number of people (src/analyze/bootstrap.ts): the query runs
 * once, whatever B. With B = 0 no interval is drawn and the patterns are not needed: the hires
 * and people per cell come from the lighter per-person count (hire-people.ts), with the same
 * rows, people, suppression and notes (every bound null).
 */
import type { Dialect, Store } from '../engines/engine.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import { DEFAULT_MIN_CELL, primaryOnly, suppressionNote } from '../analyze/suppress-cells.js';
import type { Cohort } from '../resolve/index.js';
import { DEFINITIONS } from '../derive/index.js';
import { withYoy } from '../analyze/yoy.js';
import { hires, hiresSql, type HireDim, type HiresQuery, type HiresResult, type HiresRow } from './hires.js';
import { hiresWithPeople, type HirePeople, type HirePeopleRow } from './hire-people.js';

export interface HiresStats {
  /** Suppress groups with fewer than this many hired people (default 10). */
  minCell?: number;
  bootstrap?: Partial<BootstrapOptions>;
}

export interface HiresStatRow extends HiresRow {
  hires_lo: number | null;
  hires_hi: number | null;
  yoy_lo?: number | null;
  yoy_hi?: number | null;
  /** People hired in the cell (the n the count rests on). */
  people: number;
}

export interface HiresStatResult extends Omit<HiresResult, 'rows'> {
  rows: HiresStatRow[];
  /** The per-person pattern SQL behind the intervals (not run when `replicates` is 0). */
  patternSql: string;
  notes: string[];
  parameters: { level: number; replicates: number; seed: number; minCell: number };
}

/**
 * Grouped dimensions that are never NULL in the per-person rows: a hire with no cohort is
 * `other`, and a hire is at a resolved company, whose id comes with its name (derive keeps only
 * positions with a company id; resolution gives both or neither).
 */
const NEVER_NULL: readonly HireDim[] = ['cohort', 'year', 'company'];

/**
 * SQL: per group and year, each distinct (hires this year, hires the year before) per person,
 * with `n` people. Without `year` grouped, the second component is 0. Three forms, one result:
 * a self-join of person-years (`joinedPatternSql`) where every grouped dimension is non-NULL, a
 * window (`windowedPatternSql`) otherwise, a grouping (`groupedPatternSql`) on engines with
 * neither named subqueries nor window functions.
 */
export function hiresPatternSql(q: HiresQuery, d: Dialect): string {
  if (!q.by.includes('year')) {
    const { inner, g } = personRows(q, d);
    return `SELECT ${g}hires AS h0, 0 AS h1, count(*) AS n FROM (${inner}) AS c GROUP BY ${g}hires`;
  }
  if (d.capabilities.cteSubqueries && q.by.every((b) => NEVER_NULL.includes(b))) return joinedPatternSql(q, d);
  if (d.capabilities.windowFunctions) return windowedPatternSql(q, d);
  return groupedPatternSql(q, d);
}

/** The per-person hires of a pattern query, and its grouped dimensions other than `year`, each as
 *  an identifier (`others`) and as a select-list prefix (`g`: "a, b, "). */
function personRows(q: HiresQuery, d: Dialect): { inner: string; others: string[]; g: string } {
  const others = q.by.filter((b) => b !== 'year').map((b) => d.ident(b));
  return { inner: hiresSql({ ...q, perPerson: true, monthly: false }, d), others, g: others.map((o) => `${o}, `).join('') };
}

/**
 * `hiresPatternSql` as a FULL JOIN of each person-year row to the person's row of the year
 * before, on (group, person, year): at 300k profiles 1.2–1.3 s against the window's 1.9–2.6 s (a
 * window partitioned by a million (group, person) pairs sorts them all). The join keys must not be
 * NULL (NULL matches nothing): only for dimensions that never are (`NEVER_NULL`), `year` grouped.
 * An unmatched side is told by its count (`hires > 0`), which reads the same whether the engine
 * fills it with NULL (DuckDB) or with 0 (ClickHouse's default).
 */
export function joinedPatternSql(q: HiresQuery, d: Dialect): string {
  const { inner, others, g } = personRows(q, d);
  const keys = others.map((o) => `CASE WHEN a.hires > 0 THEN a.${o} ELSE b.${o} END AS ${o}, `).join('');
  const on = [...others, 'pid'].map((o) => `a.${o} = b.${o}`).join(' AND ');
  return `WITH c AS (${inner})
SELECT ${g}yr AS year, h0, h1, count(*) AS n FROM (
  SELECT ${keys}CASE WHEN a.hires > 0 THEN a.year ELSE b.year + 1 END AS yr,
         CASE WHEN a.hires > 0 THEN a.hires ELSE 0 END AS h0, CASE WHEN b.hires > 0 THEN b.hires ELSE 0 END AS h1
  FROM c AS a FULL JOIN c AS b ON ${on} AND a.year = b.year + 1
) AS j GROUP BY ${g}yr, h0, h1`;
}

/**
 * `hiresPatternSql` with a window, `year` grouped: each person-year row is its year's vector,
 * with the person's count of the year before (lag); it is the next year's previous count too, in
 * a row of its own when the person has no hire then. One window over (group, person) instead of
 * grouping twice as many rows by (group, year, person).
 */
export function windowedPatternSql(q: HiresQuery, d: Dialect): string {
  const { inner, others, g } = personRows(q, d);
  const w = `OVER (PARTITION BY ${[...others, 'pid'].join(', ')} ORDER BY year)`;
  return `SELECT ${g}year, h0, h1, count(*) AS n FROM (
  SELECT ${g}year + j AS year, CASE WHEN j = 0 THEN hires ELSE 0 END AS h0,
         CASE WHEN j = 1 THEN hires WHEN py = year - 1 THEN ph ELSE 0 END AS h1
  FROM (SELECT *, ${d.expandRange('0', 'CASE WHEN nx = year + 1 THEN 1 ELSE 2 END')} AS j FROM (
    SELECT ${g}year, hires, lag(year) ${w} AS py, lag(hires) ${w} AS ph, lead(year) ${w} AS nx FROM (${inner}) AS c
  ) AS l) AS x
) AS y GROUP BY ${g}year, h0, h1`;
}

/** `hiresPatternSql` by grouping person-years (engines without window functions), `year` grouped. */
export function groupedPatternSql(q: HiresQuery, d: Dialect): string {
  const { inner, g } = personRows(q, d);
  // each person-year row counts for its year (j = 0) and, as the previous year, for the next (j = 1)
  // the shifted year is `yr`: ClickHouse 18.16 reads an alias `year` inside `year + j` too
  return `SELECT ${g}yr AS year, h0, h1, count(*) AS n FROM (
  SELECT ${g}year + j AS yr, pid, sum(CASE WHEN j = 0 THEN hires ELSE 0 END) AS h0, sum(CASE WHEN j = 1 THEN hires ELSE 0 END) AS h1
  FROM (SELECT *, ${d.expandRange('0', '2')} AS j FROM (${inner}) AS c) AS x
  GROUP BY ${g}yr, pid
) AS y GROUP BY ${g}yr, h0, h1`;
}

const keyOf = (r: Record<string, unknown>, dims: readonly HireDim[]) => JSON.stringify(dims.map((b) => r[b] ?? null));

/** A cell's people: hired in it, hired in its group the year before, and their patterns (none without replicates). */
interface CellPeople {
  people: number;
  before: number;
  patterns: PatternRow[];
}

/** Cells from the pattern query's rows. */
function patternCells(raw: readonly Record<string, unknown>[], by: readonly HireDim[]): Map<string, CellPeople> {
  const cells = new Map<string, CellPeople>();
  for (const r of raw) {
    const k = keyOf(r, by);
    const cell = cells.get(k) ?? { people: 0, before: 0, patterns: [] };
    const p: PatternRow = { v: [Number(r.h0), Number(r.h1)], n: Number(r.n) };
    cell.patterns.push(p);
    if (p.v[0]! > 0) cell.people += p.n;
    if (p.v[1]! > 0) cell.before += p.n;
    cells.set(k, cell);
  }
  // a canonical pattern order: the draws (hence the intervals) do not depend on the engine's row order
  for (const { patterns } of cells.values()) patterns.sort((a, b) => a.v[0]! - b.v[0]! || a.v[1]! - b.v[1]!);
  return cells;
}

/** Cells from people per cell (no patterns): the year before is the same group's cell a year earlier. */
function peopleCells(raw: readonly HirePeopleRow[], by: readonly HireDim[]): Map<string, CellPeople> {
  const people = new Map(raw.map((r) => [keyOf(r, by), r.people]));
  const byYear = by.includes('year');
  return new Map(
    raw.map((r) => {
      const before = byYear ? (people.get(keyOf({ ...r, year: Number(r.year) - 1 }, by)) ?? 0) : 0;
      return [keyOf(r, by), { people: r.people, before, patterns: [] }];
    }),
  );
}

/** The `hires` result read off the hires-and-people query (its cohort set, its SQL). */
function fromPeople(counted: HirePeople, q: Omit<HiresQuery, 'metric' | 'cohortSet'>): HiresResult {
  const cohortSet = counted.query.cohortSet;
  const query: HiresQuery = { metric: 'hires', ...q, ...(cohortSet ? { cohortSet } : {}) };
  const raw: HiresRow[] = counted.rows.map(({ people: _, ...row }) => row as HiresRow);
  return { definition: DEFINITIONS.version, query, sql: counted.sql, rows: q.by.includes('year') ? withYoy(raw, q.by, q.from) : raw };
}

/**
 * Run `hires` and add intervals and suppression. With no replicates, one query gives the hires
 * and the people per cell (`hiresWithPeople`, whose SQL is then the result's `sql`): the hires
 * query alone would count the same hires a second time.
 */
export async function hiresWithStats(store: Store, q: Omit<HiresQuery, 'metric' | 'cohortSet'>, cohorts: readonly Cohort[], stats: HiresStats = {}): Promise<HiresStatResult> {
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...stats.bootstrap };
  const minCell = stats.minCell ?? DEFAULT_MIN_CELL;
  const counted = boot.replicates === 0 ? await hiresWithPeople(store, { by: q.by, from: q.from, to: q.to }, cohorts) : null;
  const base = counted ? fromPeople(counted, q) : await hires(store, q, cohorts);
  const patternSql = hiresPatternSql(base.query, store.dialect);
  const cells = counted ? peopleCells(counted.rows, q.by) : patternCells(await store.all<Record<string, unknown>>(patternSql), q.by);
  const byYear = q.by.includes('year');
  const rows: HiresStatRow[] = [];
  let hidden = 0;
  let hiddenYoy = 0;
  for (const row of base.rows) {
    const k = keyOf(row as unknown as Record<string, unknown>, q.by);
    const { people, before, patterns } = cells.get(k) ?? { people: 0, before: 0, patterns: [] };
    if (people > 0 && people < minCell) {
      hidden++;
      continue;
    }
    const b = new CellBootstrap(patterns, 2, `hires|${k}`, boot);
    const h = b.intervalOf('sum', 0);
    const out: HiresStatRow = { ...row, hires_lo: h.lo, hires_hi: h.hi, people };
    if (byYear) {
      // a change against a hidden previous year would give it back: hidden too
      if (before > 0 && before < minCell) {
        out.yoy = null;
        out.prev_hires = null;
        out.yoy_lo = null;
        out.yoy_hi = null;
        hiddenYoy++;
      } else {
        const y = b.intervalOf('change', 0, 1);
        out.yoy_lo = y.lo;
        out.yoy_hi = y.hi;
      }
    }
    b.release();
    rows.push(out);
  }
  const notes: string[] = [];
  const note = suppressionNote(primaryOnly(hidden, minCell), 'group');
  if (note) notes.push(note);
  if (hiddenYoy) notes.push(`${hiddenYoy} YoY change${hiddenYoy === 1 ? '' : 's'} hidden: the previous year has fewer than ${minCell} people`);
  return { ...base, rows, patternSql, notes, parameters: { level: boot.level, replicates: boot.replicates, seed: boot.seed, minCell } };
}
