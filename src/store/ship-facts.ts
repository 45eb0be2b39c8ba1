/**
 * Ship what an ingest worker derived (in its embedded DuckDB) to a fact sink (ClickHouse), in
 * batches of newline-delimited JSON. Per-person facts are sharded by `person_id`, so every fact
 * of a person lands on one shard and per-person queries stay shard-local; the small tables
 * (resolution maps, files, quarantine) go to the node queries are sent to.
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
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialect, FactSink, Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';

/** The person key on the sink: one per `person_id`, whichever worker ships it. */
const personKey = (personId = 'person_id') => `hash(${personId})`;

/** Derived per-person tables, with the SQL that reads each with its `person_id` and the global `pid`. */
export const SHARDED_TABLES: Record<string, string> = {
  people: `SELECT * REPLACE (${personKey()} AS pid) FROM people`,
  positions: `SELECT * REPLACE (${personKey()} AS pid) FROM positions`,
  graduations: `SELECT g.* REPLACE (${personKey('p.person_id')} AS pid), p.person_id FROM graduations g JOIN people p ON p.pid = g.pid`,
  hires: `SELECT * REPLACE (${personKey()} AS pid) FROM hires`,
  // the unit of headcount, departures, retention, tenure, flows and geography
  spells: `SELECT * REPLACE (${personKey()} AS pid) FROM spells`,
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
export const LOCAL_TABLES: Record<string, string> = {
  files: 'SELECT * FROM files',
  quarantine: 'SELECT * FROM quarantine',
};

/** Reference tables (the company registry, by version): the same in every worker, shipped by
 *  the first worker whose sink lacks them. */
export const REFERENCE_TABLES = ['company_registry_versions', 'company_registry', 'company_keys', 'company_stages', 'reference'];

export interface ShipOptions {
  /** Rough size of one insert batch (default 64 MB of JSON). */
  batchBytes?: string;
}

/** Rows shipped, by table. */
export type Shipped = Record<string, number>;

/** Create the sink's tables (if new) and append this worker's rows to them. */
export async function shipFacts(local: Store, sink: FactSink, options: ShipOptions = {}): Promise<Shipped> {
  const dir = await mkdtemp(join(tmpdir(), 'talentflow-ship-'));
  const shipped: Shipped = {};
  const columnsOf: Record<string, string[]> = {};
  try {
    const tables: Record<string, string> = { ...SHARDED_TABLES, ...LOCAL_TABLES };
    for (const map of Object.keys(MAP_TABLES)) {
      if ((await sink.tableExists(map)) && !(await sink.tableExists(`${map}_rows`))) {
        throw new UserError(`unsupported database: its ${map} is from an older talentflow`, 'no_data', 'ingest again with --reset');
      }
      tables[`${map}_rows`] = `SELECT * FROM ${map}`;
    }
    for (const name of REFERENCE_TABLES) {
      if (!(await local.tableExists(name))) continue;
      if (await sink.tableExists(name)) {
        const [have] = await sink.all<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
        if ((have?.n ?? 0) > 0) continue;
      }
      tables[name] = `SELECT * FROM ${name}`;
    }
    for (const [name, select] of Object.entries(tables)) {
      const columns = await local.all<{ column_name: string; column_type: string }>(`DESCRIBE ${select}`);
      const sharded = name in SHARDED_TABLES;
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
      const out = join(dir, name);
      await local.run(
        `COPY (SELECT ${cols.join(', ')} FROM (${select})) TO '${out}' (FORMAT json, FILE_SIZE_BYTES '${options.batchBytes ?? '64MB'}')`,
      );
      for (const file of (await readdir(out)).sort()) await sink.insertJsonLines(name, createReadStream(join(out, file)));
      const [n] = await local.all<{ n: number }>(`SELECT count(*) AS n FROM (${select})`);
      shipped[name] = n?.n ?? 0;
    }
    for (const [map, spec] of Object.entries(MAP_TABLES)) await sink.run(mapViewSql(sink.dialect, map, spec, columnsOf[`${map}_rows`]!));
    // cohort membership is cached per cohort set from company_map: new companies, new membership
    await sink.dropTable('cohort_members');
    return shipped;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
  for (const name of [...Object.keys(SHARDED_TABLES), ...Object.keys(LOCAL_TABLES), ...maps, ...REFERENCE_TABLES, 'cohort_members']) await sink.dropTable(name);
}
