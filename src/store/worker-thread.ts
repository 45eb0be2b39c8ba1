/**
 * Running one of this folder's worker modules (a TypeScript reader of `ingest --workers N`:
 * canonical-worker.ts) on a worker thread and waiting for its result. From
 * TypeScript sources (tests, tsx) the worker registers tsx first, as the synth workers do.
 */
import { Worker } from 'node:worker_threads';

/** The messages a worker posts: progress ticks, then one `done` with its result. */
export type WorkerMessage<R> = { kind: 'progress' } | { kind: 'done'; result: R };

function newWorker(module: string, task: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${module}.js`, import.meta.url), { workerData: task });
  const entry = new URL(`./${module}.ts`, import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: task });
}

/** Run `module` (a file of src/store/, without extension) on `task`; resolves with its result
 *  once it has exited. */
export function runWorker<R>(module: string, task: unknown, onProgress: () => void = () => {}): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = newWorker(module, task);
    let done: { result: R } | null = null;
    worker.on('message', (m: WorkerMessage<R>) => {
      if (m.kind === 'progress') onProgress();
      else done = { result: m.result };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (done ? resolve(done.result) : reject(new Error(`${module} exited with code ${code}`))));
  });
}
