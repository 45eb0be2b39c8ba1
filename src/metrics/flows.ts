/**
 * Flows: company-to-company moves. A move A→B is a departure from A (a spell's end, see
 * spells.ts) followed by the person's next hire at another company B whose start lies between
 * 1 month before and 6 months after A's last month (a new job often starts in the month the old
 * one ends). One departure makes at most one move: the earliest such hire. Moves are dated by
 * the departure's year.
 *
 * Three views: the top A→B pairs, an origin × destination matrix (companies or cohorts), and
 * the directed ratio between two (`--between A,B`): moves A→B over moves B→A, with counts and a
 * bootstrap CI over people (a person who moves both ways moves both counts).
 *
 * A departure's move is mostly its spell's next one in the person's (start, hire) order, which
 * each spell carries (`next_*`, src/derive/spells-sql.ts); only the departures where it may not
 * be (~7% at 2M profiles) are joined with every spell of the person. Joining all of them
 * (6.6M × 7.9M rows at 2M profiles) and grouping the pairs back per departure was two thirds of
 * the query.
 */
import { requireCapabilities, type Dialect, type Store } from '../engines/engine.js';
import { DEFINITIONS } from '../derive/index.js';
import { CellBootstrap, DEFAULT_BOOTSTRAP, ratio, type BootstrapOptions, type PatternRow } from '../analyze/bootstrap.js';
import { wilson, type Estimate } from '../analyze/intervals.js';
import { DEFAULT_MIN_CELL, planSuppression, primaryOnly, suppressionNote, type CellSize } from '../analyze/suppress-cells.js';
import { OTHER_COHORT, type Cohort } from '../resolve/index.js';
import { cohortJoinSql, cohortListsSql, ensureCohortMembers } from './cohort-members.js';
import { companyNamesSql, scopeSql, withLabels, type MetricFilters } from './metric-scope.js';
import { ensurePlaceMap, ensureSpells } from './spells.js';

/** The move window around A's last month e: B's start in [e − before, e + after]. */
export const FLOW_WINDOW = { before: 1, after: 6 } as const;

/** `l_m` of a last spell: a month past every window (no move). */
const NO_NEXT = 2147483647;

export type FlowLevel = 'company' | 'cohort';

export interface FlowsQuery {
  metric: 'flows';
  level: FlowLevel;
  /** `between`: only the pairs (A, B) and (B, A), one row per person pattern. */
  between?: [string, string];
  /**
   * A top list of this many pairs (by moves, among pairs of at least `minCell` people): only
   * their patterns are returned, and a row (`hidden`) counting the pairs under `minCell`.
   * Absent or 0: every pair (the matrix).
   */
  top?: number;
  minCell?: number;
  filters: MetricFilters;
  cohortSet?: string;
}

export function flowsSql(d: Dialect, q: FlowsQuery): string {
  // company and cohort filters keep moves touching them at either end (at the cohort level);
  // every other filter is about the spell that was left
  const { company, cohort: cohortFilter, ...rest } = q.filters;
  const cohort = q.level === 'cohort' ? cohortFilter : undefined;
  const origin: MetricFilters = { ...rest, ...(q.level === 'company' && cohortFilter ? { cohort: cohortFilter } : {}) };
  const scope = scopeSql(d, [], { ...origin, from: undefined, to: undefined }, q.cohortSet);
  const where = ['s.departed', ...scope.where];
  if (q.filters.from !== undefined) where.push(`s.stop_m >= ${Math.trunc(q.filters.from) * 12}`);
  if (q.filters.to !== undefined) where.push(`s.stop_m <= ${Math.trunc(q.filters.to) * 12 + 11}`);
  const key = 'CAST(b.start_m AS BIGINT) * 100000 + b.hire_idx';
  // a departure is grouped by its spell's integer identity (person, opening hire), and companies
  // travel as integer keys (`cid` to tell them apart, `name_key` to report them by name): the
  // names are put on the few result rows at the end (the text made every step 2–3× slower)
  const set = q.cohortSet ? d.literal(q.cohortSet) : "''";
  const byCompany = q.level === 'company';
  const label = byCompany
    ? { from: 'mv.a_key', to: 'mv.b_key', joins: '' }
    : {
        from: `coalesce(nullif(ma.cohort, ''), ${d.literal(OTHER_COHORT)})`,
        to: `coalesce(nullif(mb.cohort, ''), ${d.literal(OTHER_COHORT)})`,
        // the origin's cohorts as of the departure month, the destination's as of the hire
        joins: `LEFT JOIN cm ma ON ma.cid = mv.a_cid AND ma.m = mv.e
  LEFT JOIN cm mb ON mb.cid = mv.b_cid AND mb.m = mv.b_m`,
      };
  const lowerList = (xs: readonly string[]) => xs.map((x) => d.literal(x.toLowerCase())).join(', ');
  // companies named (any case) → their name keys
  const named = (xs: readonly string[]) => `(SELECT DISTINCT name_key FROM spells WHERE lower(company_name) IN (${lowerList(xs)}))`;
  const either: string[] = [];
  if (company?.length) either.push(`(mv.a_key IN ${named(company)} OR mv.b_key IN ${named(company)})`);
  if (cohort?.length) either.push(`(lower(${label.from}) IN (${lowerList(cohort)}) OR lower(${label.to}) IN (${lowerList(cohort)}))`);
  const pairs = `SELECT ${label.from} AS f, ${label.to} AS t, mv.pid, count(*) AS c
  FROM mv ${label.joins}${either.length ? `\n  WHERE ${either.join(' AND ')}` : ''}
  GROUP BY 1, 2, 3`;
  // the cohort level looks membership up once per (company, month) among the moves' ends, by
  // company id (`cm`), and joins it to the moves by equality; without non-equi JOINs, as lists
  // whose windows are tested per month (no cohort: one row of `other`). Only the companies of
  // some cohort of the set (`mc`) are looked up: every other end misses `cm` and is `other` (a
  // miss is NULL on DuckDB, '' on ClickHouse: no cohort is named '', so '' reads as a miss too);
  // the lookup and its two joins were a third of the query's time at 300k profiles
  const lists = !d.capabilities.nonEquiJoins;
  const members = `, mc AS (
  SELECT cid, company_id FROM (SELECT cid, ${d.anyValue('company_id')} AS company_id FROM spells GROUP BY cid) AS i
  WHERE company_id IN (SELECT company_id FROM cohort_members WHERE cohort_set = ${set})
), cm AS (
  SELECT k.cid, k.m, ${lists ? d.unnestInWindowOr('k.m', 'm.m_cohorts', 'm.m_from', 'm.m_to', d.literal(OTHER_COHORT)) : 'm.cohort'} AS cohort FROM (
    SELECT x.cid, x.m, i.company_id FROM (
      SELECT a_cid AS cid, e AS m FROM mv WHERE a_cid IN (SELECT cid FROM mc)
      UNION DISTINCT SELECT b_cid, b_m FROM mv WHERE b_cid IN (SELECT cid FROM mc)
    ) x
    JOIN mc i ON i.cid = x.cid
  ) k
  ${lists ? `LEFT JOIN (${cohortListsSql(d, set)}) AS m ON m.company_id = k.company_id` : cohortJoinSql('m', 'k.company_id', 'k.m', set)}
)`;
  // a move carries only what its level reads: the name keys (company level, or a company filter)
  // and the company ids and months (cohort level). The departure's columns are grouping keys
  // (they depend on its spell, pid and ai); the earliest hire's start is min(start_m), the key
  // being ordered by start first. Three arg_min and three any_value were 1.5× the cost of these
  const byName = byCompany || Boolean(company?.length);
  const aCols = [...(byName ? ['a.a_key'] : []), ...(byCompany ? [] : ['a.a_cid', 'a.e'])];
  const bCols = [
    ...(byName ? [`${d.argMinIf('b.name_key', key, 'true')} AS b_key`] : []),
    ...(byCompany ? [] : [`${d.argMinIf('b.cid', key, 'true')} AS b_cid`, 'min(b.start_m) AS b_m']),
  ];
  // each departure's next spell in the person's (start, hire) order: the move when it is at
  // another company and starts in the window, none when it starts after the window. The rest
  // ("hard": the spell left was 1–2 months long, so an earlier spell may start in the window;
  // the next spell is at the same company or started before the window, so a later one may be
  // the move) take the join with every spell of the person, as all did before: ~7% of them
  const { before, after } = FLOW_WINDOW;
  const hard = `coalesce(a.a_m >= a.e - ${before} OR a.l_m < a.e - ${before} OR (a.l_m <= a.e + ${after} AND a.l_cid = a.a_cid), true)`;
  const easy = [...(byName ? ['a.l_key AS b_key'] : []), ...(byCompany ? [] : ['a.l_cid AS b_cid', 'a.l_m AS b_m'])];
  const head = `WITH a AS (
  SELECT s.pid, s.hire_idx AS ai, s.cid AS a_cid, s.name_key AS a_key, s.start_m AS a_m, s.stop_m AS e,
         s.next_cid AS l_cid, s.next_name_key AS l_key, coalesce(s.next_start_m, ${NO_NEXT}) AS l_m
  FROM ${scope.from}
  WHERE ${where.join(' AND ')}
), mv AS (
  SELECT ${['a.pid', ...aCols, ...easy].join(', ')}
  FROM a WHERE NOT ${hard} AND a.l_m <= a.e + ${after}
  UNION ALL
  SELECT ${['a.pid', ...aCols, ...bCols].join(', ')}
  FROM a JOIN spells b ON b.pid = a.pid
  WHERE ${hard} AND b.cid <> a.a_cid AND b.start_m BETWEEN a.e - ${before} AND a.e + ${after}
  GROUP BY ${['a.pid', 'a.ai', ...aCols].join(', ')}
)${byCompany ? '' : members}, pairs AS (
  ${pairs}
)`;
  if (q.between) {
    const [x, y] = q.between;
    const is = (col: string, v: string) => (byCompany ? `${col} IN ${named([v])}` : `lower(${col}) = ${d.literal(v.toLowerCase())}`);
    const [ab, ba] = [`${is('f', x)} AND ${is('t', y)}`, `${is('f', y)} AND ${is('t', x)}`];
    return `${head}, pp AS (
  SELECT pid, sum(CASE WHEN ${ab} THEN c ELSE 0 END) AS ab, sum(CASE WHEN ${ba} THEN c ELSE 0 END) AS ba
  FROM pairs WHERE (${ab}) OR (${ba})
  GROUP BY pid
)
SELECT ab, ba, count(*) AS n FROM pp GROUP BY ab, ba ORDER BY ab, ba`;
  }
  const out = q.top ? topPairsSql(head, q.top, q.minCell ?? DEFAULT_MIN_CELL) : `${head}
SELECT f, t, c, count(*) AS n FROM pairs GROUP BY f, t, c`;
  const columns = ['f', 't', 'c', 'n', ...(q.top ? ['hidden'] : [])];
  if (!byCompany) return `${out} ORDER BY f, t, c`;
  const names = companyNamesSql(d);
  return withLabels(out, columns, [{ key: 'f', dictionary: names }, { key: 't', dictionary: names }], ['f', 't', 'c']);
}

/**
 * The patterns of the top pairs only: those with at least `minCell` people whose moves reach the
 * `top`-th most among them (ties included: the caller orders them by name), and one more row
 * whose `hidden` counts the pairs under `minCell` people. A top list prints no totals, so those
 * are all it hides; the rest of the pairs never leave the engine (at 2M profiles ~1M rows,
 * whose fetch and grouping in JavaScript took longer than the query).
 */
function topPairsSql(head: string, top: number, minCell: number): string {
  if (!Number.isFinite(minCell) || !Number.isFinite(top)) throw new Error(`flows: invalid top list ${top} / ${minCell}`);
  const k = minCell;
  return `${head}, pat AS (
  SELECT f, t, c, count(*) AS n FROM pairs GROUP BY f, t, c
), cells AS (
  SELECT f, t, sum(n) AS people, sum(c * n) AS moves FROM pat GROUP BY f, t
), shown AS (
  SELECT f, t FROM cells
  WHERE people >= ${k} AND moves >= (SELECT min(moves) FROM (SELECT moves FROM cells WHERE people >= ${k} ORDER BY moves DESC LIMIT ${Math.trunc(top)}) AS x)
)
SELECT * FROM (
  SELECT p.f AS f, p.t AS t, p.c AS c, p.n AS n, NULL AS hidden FROM pat p JOIN shown s ON s.f = p.f AND s.t = p.t
  UNION ALL
  SELECT NULL AS f, NULL AS t, NULL AS c, NULL AS n, count(*) AS hidden FROM cells WHERE people < ${k}
) AS u`;
}

export interface FlowRow {
  from: string | null;
  to: string | null;
  moves: Estimate;
  /** People who made these moves. */
  people: number;
}

export interface FlowRatio {
  a: string;
  b: string;
  /** Moves A→B and B→A; null when hidden (fewer than minCell people). */
  a_to_b: Estimate;
  b_to_a: Estimate;
  /** (A→B) / (B→A), bootstrap CI over people. */
  ratio: Estimate;
  /** Share of the moves between the two that go A→B, Wilson CI. */
  share_a_to_b: Estimate;
  moves: number | null;
}

export interface FlowsOptions {
  level?: FlowLevel;
  between?: [string, string];
  filters?: MetricFilters;
  /** Top list length (0 = all pairs, the matrix). Default 20. */
  top?: number;
  minCell?: number;
  bootstrap?: Partial<BootstrapOptions>;
}

export interface FlowsResult {
  definition: string;
  query: FlowsQuery;
  sql: string;
  rows: FlowRow[];
  ratio?: FlowRatio;
  notes: string[];
  parameters: { level: number; replicates: number; seed: number; minCell: number; window: typeof FLOW_WINDOW };
}

export async function flows(store: Store, o: FlowsOptions, cohorts: readonly Cohort[]): Promise<FlowsResult> {
  // written with named subqueries (WITH): not on ClickHouse 18.16
  requireCapabilities(store.dialect, 'flows', ['cteSubqueries']);
  await ensureSpells(store);
  const filters = o.filters ?? {};
  const level = o.level ?? 'company';
  const top = o.top ?? 20;
  const minCell = o.minCell ?? DEFAULT_MIN_CELL;
  const query: FlowsQuery = { metric: 'flows', level, filters, ...(o.between ? { between: o.between } : top > 0 ? { top, minCell } : {}) };
  if (level === 'cohort' || filters.cohort) query.cohortSet = await ensureCohortMembers(store, cohorts);
  if (scopeSql(store.dialect, [], filters, query.cohortSet).needsPlaces) await ensurePlaceMap(store);
  const boot: BootstrapOptions = { ...DEFAULT_BOOTSTRAP, ...o.bootstrap };
  const sql = flowsSql(store.dialect, query);
  const raw = await store.all<Record<string, unknown>>(sql);
  const parameters = { level: boot.level, replicates: boot.replicates, seed: boot.seed, minCell, window: FLOW_WINDOW };
  if (o.between) {
    const patterns: PatternRow[] = raw.map((r) => ({ v: [Number(r.ab), Number(r.ba)], n: Number(r.n) }));
    const b = new CellBootstrap(patterns, 2, `between|${o.between.join('|')}`, boot);
    const peopleAB = patterns.reduce((s, p) => s + (p.v[0]! > 0 ? p.n : 0), 0);
    const peopleBA = patterns.reduce((s, p) => s + (p.v[1]! > 0 ? p.n : 0), 0);
    const small = (n: number) => n > 0 && n < minCell;
    const hide = small(peopleAB) || small(peopleBA);
    const nullE = { value: null, lo: null, hi: null };
    const [ab, ba] = [b.total[0]!, b.total[1]!];
    const result: FlowRatio = hide
      ? { a: o.between[0], b: o.between[1], a_to_b: nullE, b_to_a: nullE, ratio: nullE, share_a_to_b: nullE, moves: null }
      : {
          a: o.between[0],
          b: o.between[1],
          a_to_b: b.interval((s) => s[0]!),
          b_to_a: b.interval((s) => s[1]!),
          ratio: b.interval((s) => ratio(s[0]!, s[1]!)),
          share_a_to_b: wilson(ab, ab + ba, boot.level),
          moves: ab + ba,
        };
    const notes = hide ? [`the moves between ${o.between.join(' and ')} are hidden: fewer than ${minCell} people in one direction`] : [];
    return { definition: DEFINITIONS.version, query, sql, rows: [], ratio: result, notes, parameters };
  }
  const cells = new Map<string, { from: string | null; to: string | null; patterns: PatternRow[] }>();
  // a top list: the engine sent the candidate pairs and, in a row of its own, the hidden count
  let hiddenPairs = 0;
  for (const r of raw) {
    if (r.hidden !== undefined && r.hidden !== null) {
      hiddenPairs = Number(r.hidden);
      continue;
    }
    const key = JSON.stringify([r.f, r.t]);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { from: r.f as string | null, to: r.t as string | null, patterns: [] }));
    c.patterns.push({ v: [Number(r.c)], n: Number(r.n) });
  }
  const list = [...cells.entries()].map(([key, c]) => ({ key, c, people: c.patterns.reduce((s, p) => s + p.n, 0), moves: c.patterns.reduce((s, p) => s + p.n * p.v[0]!, 0) }));
  // the matrix prints origin totals: complementary suppression within each origin; a top list's
  // small pairs were left in the engine
  const sizes: CellSize[] = list.map(({ key, c, people }) => ({ key, margin: top === 0 ? String(c.from) : null, people }));
  const plan = top > 0 ? primaryOnly(hiddenPairs, minCell) : planSuppression(sizes, minCell);
  let shown = list.filter(({ key }) => !plan.hidden.has(key));
  shown.sort((x, y) => y.moves - x.moves || String(x.c.from).localeCompare(String(y.c.from)) || String(x.c.to).localeCompare(String(y.c.to)));
  if (top > 0) shown = shown.slice(0, top);
  // replicates only for the rows printed
  const rows: FlowRow[] = shown.map(({ key, c, people }) => ({ from: c.from, to: c.to, moves: new CellBootstrap(c.patterns, 1, key, boot).interval((s) => s[0]!), people }));
  const note = suppressionNote(plan);
  return { definition: DEFINITIONS.version, query, sql, rows, notes: note ? [note] : [], parameters };
}
