#!/usr/bin/env node
import { availableParallelism } from 'node:os';
// each concurrent reader of `ingest --workers N` runs its statements on a libuv pool thread
// (4 by default): room for one per core, set before the pool's first use
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
