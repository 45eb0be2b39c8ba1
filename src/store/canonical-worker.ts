/**
 * A TypeScript reader on a worker thread (`ingest --workers N` with formats the engine does not
 * parse: JSON Resume, LinkedIn and scraper exports): writes the input as canonical JSONL and
 * hands back its rejects, while other readers parse on their own threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Reject } from '../model/profile.js';
import { readerFor, type ReadableFormat } from '../sources/index.js';
import { writeCanonical } from './write-canonical.js';
import type { WorkerMessage } from './worker-thread.js';

export interface CanonicalTask {
  format: ReadableFormat;
  path: string;
  out: string;
}

const task = workerData as CanonicalTask;
const rejects = await writeCanonical(readerFor(task.format)(task.path), task.out);
parentPort?.postMessage({ kind: 'done', result: rejects } satisfies WorkerMessage<Reject[]>);
