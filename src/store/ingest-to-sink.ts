/**
 * Cluster ingest: this worker takes its share of the inputs (`--shard i/n`: every n-th input in
 * sorted order, from the i-th), ingests them into a worker-local embedded database (parse,
 * validate, quarantine, dedupe, resolve, derive — with `workers` threads), and ships the derived
 * facts to the sink (ClickHouse) in batches.
 *
 * What the cluster path guarantees: everything within one worker's share is exactly as the
 * embedded ingest of that share; across shares people are deduplicated only when the inputs are
 * partitioned by person (a person's records all in inputs of one share), and employers that are
 * in neither the company registry nor a cohort file are resolved per share (their names may be
 * spelled differently between shares; registry and cohort companies resolve identically). A
 * person in two shares is not merged: the summary counts such people (`duplicate_people`).
 */
import type { FactSink, Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { ingestFiles, planUnits, type IngestOptions, type IngestSummary } from './ingest-files.js';
import { dropFacts, repeatedPeople, shipFacts, shippedSnapshot, type ShipScope, type Shipped } from './ship-facts.js';

export interface SinkIngestOptions extends IngestOptions {
  /** This worker's share: `{ index: i, count: n }`, 0 ≤ i < n (default the whole input). */
  shard?: { index: number; count: number };
  /** Size of one insert batch (default `64MB`). */
  batchBytes?: string;
}

export interface SinkIngestSummary extends IngestSummary {
  /** The inputs this worker took. */
  inputs: string[];
  /** What reached the sink: appended to it (no snapshot), every fact again after dropping them
   *  (a snapshot derived in full), or the changes of an incremental snapshot. */
  ship: 'append' | 'full' | 'incremental';
  shipped: Shipped;
  /** People the sink now holds more than once (`repeatedPeople`): 0 unless a person's records
   *  were in two shares or a share was shipped twice; their counts are doubled. */
  duplicate_people: number;
}

/** Parse `--shard i/n`. */
export function parseShard(spec: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new UserError(`invalid --shard: ${spec}`, 'usage', 'i/n with 0 ≤ i < n, e.g. --shard 0/4');
  return { index, count };
}

/**
 * With `snapshot`, `local` is the worker's state (kept between snapshots) and the sink mirrors
 * it: a snapshot derived incrementally on top of the snapshot the sink holds ships what changed
 * (`ShipScope`); any other replaces the sink's facts with all of the state's.
 */
export async function ingestToSink(sink: FactSink, local: Store, paths: string[], options: SinkIngestOptions): Promise<SinkIngestSummary> {
  const say = options.progress ?? (() => {});
  const snapshot = options.snapshot !== undefined;
  if (snapshot && ((options.workers ?? 1) > 1 || (options.shard?.count ?? 1) > 1)) {
    throw new UserError('invalid option: --snapshot on ClickHouse takes one reader and the whole input (no --workers, no --shard)', 'usage', 'docs/snapshots.md, "Limits"');
  }
  const units = await planUnits(paths, options.format ?? 'auto');
  const shard = options.shard ?? { index: 0, count: 1 };
  const mine = units.map((u) => u.path).sort().filter((_, k) => k % shard.count === shard.index);
  const opts = { ...options, format: options.format ?? 'auto' };
  const before = snapshot ? await latestSnapshot(local) : null;
  const summary = await ingestFiles(local, mine, opts);
  let scope: ShipScope | undefined;
  if (snapshot) {
    const now = await latestSnapshot(local);
    const incremental = summary.derive.incremental && summary.changes && now !== null && before !== null && before !== now;
    if (incremental && (await shippedSnapshot(sink)) === before && (await local.tableExists('shipped_company_map'))) {
      scope = { snapshot: now, batch: summary.changes!.batch };
    } else {
      say('dropping the facts on the sink');
      await dropFacts(sink);
    }
  }
  say('shipping facts');
  const shipped = await shipFacts(local, sink, { batchBytes: options.batchBytes, scope });
  const ship = scope ? 'incremental' : snapshot ? 'full' : 'append';
  return { ...summary, inputs: mine, ship, shipped, duplicate_people: await repeatedPeople(sink) };
}

/** The latest snapshot of a worker's database, or null. */
async function latestSnapshot(local: Store): Promise<string | null> {
  const [row] = await local.all<{ s: string | null }>('SELECT max(snapshot) AS s FROM files');
  return row?.s ?? null;
}
