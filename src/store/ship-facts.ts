/**
 * Ship what an ingest worker derived (in its embedded DuckDB) to a fact sink (ClickHouse), in
 * batches of newline-delimited JSON. Per-person facts are sharded by person (`pid`), so every
 * fact of a person lands on one shard and per-person queries stay shard-local; the worker sends
 * each shard its rows itself, so the shards parse at once instead of one node parsing every row
 * and forwarding it. The small tables (resolution maps, files, quarantine) go to the node
 * queries are sent to.
 *
 * Many workers ship to one sink (`ingest --shard I/N` on many machines), so what they ship must
 * not clash:
 * - `pid`, the integer person key metrics group and join by, is numbered per worker; it ships as
 *   `hash(person_id)` (64 bits: ~0.01 expected collisions among 650M people), the same on every
 *   worker. `rec_id` and `file_id` stay per worker (no metric reads them).
 * - each worker resolves and ships every title, place, degree and employer it saw, so a map key
 *   arrives once per worker: rows are appended to `<map>_rows` and `<map>` is a view with one
 *   row per key (`MAP_TABLES`).
 * - the same person shipped twice (by two shares, or one share run again) is not merged: its
 *   facts would count twice. `repeatedPeople` counts such people after each ship.
 *
 * A worker with snapshots (`ingest --snapshot --state`) also ships the snapshot tables the query
 * commands read, and after an incremental derive only what it changed (`ShipScope`; the sink
 * then mirrors the worker's database: docs/snapshots.md, "Snapshots on ClickHouse").
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect, FactSink, Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { hasSnapshots } from '../snapshots/derive-history.js';

/** The person key on the sink: one per `person_id`, whichever worker ships it. */
const personKey = (personId = 'person_id') => `hash(${personId})`;

/** The SQL that reads a table's rows to ship, those where `rows` holds (a condition on the
 *  table's own columns), with its `person_id` and the global `pid`. */
type Select = (rows: string) => string;

/** Derived per-person tables. */
export const SHARDED_TABLES: Record<string, Select> = {
  people: (rows) => `SELECT * REPLACE (${personKey()} AS pid) FROM people WHERE ${rows}`,
  positions: (rows) => `SELECT * REPLACE (${personKey()} AS pid) FROM positions WHERE ${rows}`,
  graduations: (rows) => `SELECT g.* REPLACE (${personKey('p.person_id')} AS pid), p.person_id FROM (SELECT * FROM graduations WHERE ${rows}) g JOIN people p ON p.pid = g.pid`,
  hires: (rows) => `SELECT * REPLACE (${personKey()} AS pid) FROM hires WHERE ${rows}`,
  // the unit of headcount, departures, retention, tenure, flows and geography
  spells: (rows) => `SELECT * REPLACE (${personKey()} AS pid) FROM spells WHERE ${rows}`,
};

/**
 * Snapshot tables (a worker whose database has snapshots: `ingest --snapshot`), sharded by person
 * like the facts: what `changes` and `hires --nowcast` read. `position_history` and
 * `snap_records` ship only the columns the nowcast reads.
 */
export const SNAPSHOT_TABLES: Record<string, Select> = {
  position_history: (rows) => `SELECT ${personKey('p.person_id')} AS pid, p.person_id, h.idx, h.company_id, h.start_m, h.start_prec, h.end_m,
    h.first_seen, h.last_seen, h.disappeared FROM (SELECT * FROM position_history WHERE ${rows}) h JOIN people p ON p.pid = h.pid`,
  snap_records: (rows) => `SELECT ${personKey('p.person_id')} AS pid, p.person_id, s.snapshot, s.seq FROM (SELECT * FROM snap_records WHERE ${rows}) s JOIN people p ON p.pid = s.pid`,
  changes: (rows) => `SELECT * FROM changes WHERE ${rows}`,
};

/**
 * Resolution maps (one row per distinct value, keyed by a hash of it), node-local: rows go to
 * `<map>_rows`, read through the view `<map>` with one row per key. Every worker resolves a
 * value alike (registry and reference data are the same everywhere), so any row of a key will
 * do; `sums` are counts, which add up (`company_map.n`: positions per employer key).
 */
export const MAP_TABLES: Record<string, { key: string; sums: string[] }> = {
  company_map: { key: 'company_key', sums: ['n'] },
  title_map: { key: 'title_key', sums: [] },
  degree_map: { key: 'degree_key', sums: [] },
  place_map: { key: 'place_key', sums: [] },
};

/** Node-local tables appended to as they are: files and quarantine. */
export const LOCAL_TABLES: Record<string, Select> = {
  files: (rows) => `SELECT * FROM files WHERE ${rows}`,
  quarantine: (rows) => `SELECT * FROM quarantine WHERE ${rows}`,
};

/** Reference tables (the company registry, by version): the same in every worker, shipped by
 *  the first worker whose sink lacks them. */
export const REFERENCE_TABLES = ['company_registry_versions', 'company_registry', 'company_keys', 'company_stages', 'reference'];

/** Sink tables of one incremental ship: the keys whose rows it replaces. */
const SHIP_KEYS = ['ship_pids', 'ship_pids_whole', ...Object.keys(MAP_TABLES).map((m) => `${m}_changed`)];

/** The per-person tables a later update month changes (the end of what is ongoing): for a person
 *  whose snapshot only moved it (`derive_touched` not `whole`) only these are shipped again. */
const MOVED_MONTH_TABLES = ['people', 'positions', 'spells'];

/**
 * An incremental ship (a worker database that mirrors the sink and derived one later snapshot
 * incrementally, `derive_touched` naming the people whose rows changed): the sink drops those
 * people's facts and receives their new ones (of a person whose update month only moved:
 * `MOVED_MONTH_TABLES`), the snapshot's `snap_records` rows, the new change
 * events, the map rows that changed and the snapshot's files.
 */
export interface ShipScope {
  /** The snapshot just derived (YYYY-MM-DD). */
  snapshot: string;
  /** The first change batch it recorded. */
  batch: number;
}

export interface ShipOptions {
  /** Rough size of one insert batch (default 64 MB of JSON). */
  batchBytes?: string;
  /** Ship only what one incremental derive changed (default: every row). */
  scope?: ShipScope;
}

/** Rows shipped, by table. */
export type Shipped = Record<string, number>;

/** The local copy of a map as last shipped (a snapshot worker's database): the next incremental
 *  ship sends the rows that differ from it. */
const shippedCopy = (map: string) => `shipped_${map}`;

/** Create the sink's tables (if new) and append this worker's rows to them. */
export async function shipFacts(local: Store, sink: FactSink, options: ShipOptions = {}): Promise<Shipped> {
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-ship-'));
  const shipped: Shipped = {};
  const columnsOf: Record<string, string[]> = {};
  const scope = options.scope;
  const snapshots = await hasSnapshots(local);
  /** Create `name` on the sink (if new), append the rows of `select`, count them. */
  const ship = async (name: string, select: string, sharded: boolean): Promise<void> => {
    const columns = await local.all<{ column_name: string; column_type: string }>(`DESCRIBE ${select}`);
    columnsOf[name] = columns.map((c) => c.column_name);
    await sink.createTable({
      name,
      sharded,
      // the person keys are never NULL: the sharding key, and the key metrics group by
      columns: columns.map((c) => [c.column_name, sink.sinkType(c.column_type, !(sharded && (c.column_name === 'person_id' || c.column_name === 'pid')))]),
    });
    // booleans travel as 0/1 (ClickHouse 18.16 has no Bool); types DuckDB has and the sink
    // does not (lists, structs, huge integers) travel as text
    const cols = columns.map((c) => {
      const q = `"${c.column_name}"`;
      if (c.column_type === 'BOOLEAN') return `${q}::UTINYINT AS ${q}`;
      return sink.sinkType(c.column_type, false) === 'String' && c.column_type !== 'VARCHAR' ? `${q}::VARCHAR AS ${q}` : q;
    });
    const copy = async (where: string, out: string) =>
      local.run(`COPY (SELECT ${cols.join(', ')} FROM (${select}) WHERE ${where}) TO '${out}' (FORMAT json, FILE_SIZE_BYTES '${options.batchBytes ?? '64MB'}')`);
    const send = async (out: string, shard?: number) => {
      for (const file of (await readdir(out)).sort()) await sink.insertJsonLines(name, createReadStream(join(out, file)), shard);
    };
    // a table sharded by `pid` takes each shard's rows straight into that shard, all shards at
    // once (each parses its own); otherwise the sink's table routes them. One COPY per shard,
    // each scanning the table: DuckDB writes no partitioned JSON (PARTITION_BY is refused)
    const shards = sharded ? await sink.directShards(name) : 0;
    if (shards > 0) {
      const outs = Array.from({ length: shards }, (_, k) => join(dir, `${name}-${k}`));
      for (const [k, out] of outs.entries()) await copy(`pid % ${shards} = ${k}`, out);
      await Promise.all(outs.map((out, k) => send(out, k)));
    } else {
      const out = join(dir, name);
      await copy('true', out);
      await send(out);
    }
    const [n] = await local.all<{ n: number }>(`SELECT count(*) AS n FROM (${select})`);
    shipped[name] = n?.n ?? 0;
  };
  try {
    for (const map of Object.keys(MAP_TABLES)) {
      if ((await sink.tableExists(map)) && !(await sink.tableExists(`${map}_rows`))) {
        throw new UserError(`unsupported database: its ${map} is from an older talentflow`, 'no_data', 'ingest again with --reset');
      }
    }
    const perPerson = { ...SHARDED_TABLES, ...(snapshots ? { position_history: SNAPSHOT_TABLES.position_history! } : {}) };
    /** The people whose rows of `table` an incremental ship replaces, as a condition on its `pid`. */
    const touched = (table: string) => `pid IN (SELECT pid FROM derive_touched${MOVED_MONTH_TABLES.includes(table) ? '' : ' WHERE whole'})`;
    if (scope) {
      // the changed people's old facts go first: a mutation per table (and shard)
      for (const [keys, table] of [['ship_pids', 'people'], ['ship_pids_whole', 'hires']] as const) {
        await ship(keys, `SELECT ${personKey()} AS pid, person_id FROM people WHERE ${touched(table)}`, true);
      }
      for (const name of Object.keys(perPerson)) await sink.deleteKeys(name, 'pid', MOVED_MONTH_TABLES.includes(name) ? 'ship_pids' : 'ship_pids_whole', true);
    }
    for (const [name, select] of Object.entries(perPerson)) await ship(name, select(scope ? touched(name) : 'true'), true);
    for (const [map, { key }] of Object.entries(MAP_TABLES)) {
      if (!scope) {
        await ship(`${map}_rows`, `SELECT * FROM ${map}`, false);
        continue;
      }
      // the keys whose row changed (a new key, a count or a name) replace their rows
      const delta = `SELECT * FROM ${map} EXCEPT SELECT * FROM ${shippedCopy(map)}`;
      await ship(`${map}_changed`, `SELECT ${key} FROM (${delta})`, false);
      await sink.deleteKeys(`${map}_rows`, key, `${map}_changed`, false);
      await ship(`${map}_rows`, delta, false);
    }
    for (const name of REFERENCE_TABLES) {
      if (!(await local.tableExists(name))) continue;
      if (await sink.tableExists(name)) {
        const [have] = await sink.all<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
        if ((have?.n ?? 0) > 0) continue;
      }
      await ship(name, `SELECT * FROM ${name}`, false);
    }
    if (snapshots) {
      await ship('changes', SNAPSHOT_TABLES.changes!(scope ? `batch >= ${Math.trunc(scope.batch)}` : 'true'), true);
      await ship('snap_records', SNAPSHOT_TABLES.snap_records!(scope ? `snapshot = ${local.dialect.literal(scope.snapshot)}` : 'true'), true);
    }
    // files last: the sink's latest snapshot file says this ship is complete (`shippedSnapshot`)
    const newFiles = scope ? `file_id IN (SELECT file_id FROM files WHERE snapshot = ${local.dialect.literal(scope.snapshot)})` : 'true';
    await ship('quarantine', LOCAL_TABLES.quarantine!(newFiles), false);
    await ship('files', LOCAL_TABLES.files!(newFiles), false);
    for (const [map, spec] of Object.entries(MAP_TABLES)) await sink.run(mapViewSql(sink.dialect, map, spec, columnsOf[`${map}_rows`]!));
    for (const name of SHIP_KEYS) {
      if (name in shipped) await sink.dropTable(name);
      delete shipped[name];
    }
    if (snapshots) for (const map of Object.keys(MAP_TABLES)) await local.run(`CREATE OR REPLACE TABLE ${shippedCopy(map)} AS SELECT * FROM ${map}`);
    // cohort membership is cached per cohort set from company_map: new companies, new membership
    await sink.dropTable('cohort_members');
    return shipped;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The latest snapshot whose ship completed on the sink (its files are shipped last), or null. */
export async function shippedSnapshot(sink: FactSink): Promise<string | null> {
  if (!(await sink.tableExists('files'))) return null;
  const [row] = await sink.all<{ s: string | null }>('SELECT max(snapshot) AS s FROM files');
  return row?.s ?? null;
}

/** `CREATE VIEW` of a map: one row per key over the rows every worker appended. */
function mapViewSql(d: Dialect, map: string, spec: { key: string; sums: string[] }, columns: string[]): string {
  const select = columns.map((c) => {
    const q = d.ident(c);
    if (c === spec.key) return q;
    return `${spec.sums.includes(c) ? `sum(${q})` : d.anyValue(q)} AS ${q}`;
  });
  return `CREATE VIEW IF NOT EXISTS ${map} AS SELECT ${select.join(', ')} FROM ${map}_rows GROUP BY ${d.ident(spec.key)}`;
}

/**
 * People whose facts the sink holds more than once: `people` rows sharing a `pid` with another
 * row (the same person shipped by two shares, or a share shipped twice; or, rarely, two ids
 * with one hash). Their hires and spells count twice, so any is an error: re-ingest with
 * `--reset`, a person's records in one share. Counted shard by shard (a person's rows are on one).
 */
export async function repeatedPeople(sink: FactSink): Promise<number> {
  return sink.repeatedKeys('people', 'pid');
}

/** Drop every table `shipFacts` writes (a fresh start: `ingest --reset`). */
export async function dropFacts(sink: FactSink): Promise<void> {
  const maps = Object.keys(MAP_TABLES).flatMap((m) => [m, `${m}_rows`]);
  const tables = [...Object.keys(SHARDED_TABLES), ...Object.keys(SNAPSHOT_TABLES), ...Object.keys(LOCAL_TABLES), ...maps, ...REFERENCE_TABLES, ...SHIP_KEYS];
  for (const name of [...tables, 'cohort_members']) await sink.dropTable(name);
}
