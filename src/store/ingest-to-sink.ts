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
import { ingestParallel } from './parallel-ingest.js';
import { repeatedPeople, shipFacts, type Shipped } from './ship-facts.js';

export interface SinkIngestOptions extends IngestOptions {
  /** Parallel readers on this machine (default 1). */
  workers?: number;
  /** This worker's share: `{ index: i, count: n }`, 0 ≤ i < n (default the whole input). */
  shard?: { index: number; count: number };
  /** Size of one insert batch (default `64MB`). */
  batchBytes?: string;
}

export interface SinkIngestSummary extends IngestSummary {
  /** The inputs this worker took. */
  inputs: string[];
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

export async function ingestToSink(sink: FactSink, local: Store, paths: string[], options: SinkIngestOptions): Promise<SinkIngestSummary> {
  const say = options.progress ?? (() => {});
  const units = await planUnits(paths, options.format ?? 'auto');
  const shard = options.shard ?? { index: 0, count: 1 };
  const mine = units.map((u) => u.path).sort().filter((_, k) => k % shard.count === shard.index);
  const opts = { ...options, format: options.format ?? 'auto' };
  const summary =
    (options.workers ?? 1) > 1 ? await ingestParallel(local, mine, { ...opts, workers: options.workers }) : await ingestFiles(local, mine, opts);
  say('shipping facts');
  const shipped = await shipFacts(local, sink, { batchBytes: options.batchBytes });
  return { ...summary, inputs: mine, shipped, duplicate_people: await repeatedPeople(sink) };
}
