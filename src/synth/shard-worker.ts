/** Worker-thread entry: runs the shard tasks it is sent, posting progress and results. */
import { parentPort } from 'node:worker_threads';
import { runShard, type ShardTask } from './shard.js';

parentPort?.on('message', (task: ShardTask | null) => {
  if (task === null) {
    parentPort?.close();
    return;
  }
  runShard(task, (people) => parentPort?.postMessage({ kind: 'progress', index: task.index, people }))
    .then((result) => parentPort?.postMessage({ kind: 'result', result }))
    .catch((e: unknown) => parentPort?.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) }));
});
