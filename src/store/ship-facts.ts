/**
 * Ship what an ingest worker derived (in its embedded DuckDB) to a fact sink (ClickHouse), in
 * batches of newline-delimited JSON. Per-person facts are sharded by `person_id`, so every fact
 * of a person lands on one shard and per-person queries stay shard-local; the small tables
 * (resolution maps, files, quarantine) go to the node queries are sent to.
 *
 * Keys that are worker-local (`pid`, `rec_id`, `file_id`) travel as they are: on the sink the
 * person key is `person_id`.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FactSink, Store } from '../engines/engine.js';

/** Derived per-person tables, with the SQL that reads each with its `person_id`. */
export const SHARDED_TABLES: Record<string, string> = {
  people: 'SELECT * FROM people',
  positions: 'SELECT * FROM positions',
  graduations: 'SELECT g.*, p.person_id FROM graduations g JOIN people p ON p.pid = g.pid',
  hires: 'SELECT * FROM hires',
};

/** Node-local tables: resolution maps (per distinct value), files and quarantine. */
export const LOCAL_TABLES: Record<string, string> = {
  company_map: 'SELECT * FROM company_map',
  title_map: 'SELECT * FROM title_map',
  degree_map: 'SELECT * FROM degree_map',
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
  try {
    const tables: Record<string, string> = { ...SHARDED_TABLES, ...LOCAL_TABLES };
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
      await sink.createTable({
        name,
        sharded,
        columns: columns.map((c) => [c.column_name, sink.sinkType(c.column_type, !(sharded && c.column_name === 'person_id'))]),
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
    // cohort membership is cached per cohort set from company_map: new companies, new membership
    await sink.dropTable('cohort_members');
    return shipped;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Drop every table `shipFacts` writes (a fresh start: `ingest --reset`). */
export async function dropFacts(sink: FactSink): Promise<void> {
  for (const name of [...Object.keys(SHARDED_TABLES), ...Object.keys(LOCAL_TABLES), ...REFERENCE_TABLES, 'cohort_members']) await sink.dropTable(name);
}
