/** chdb (a modern ClickHouse in-process) for the engine tests: whether it is installed, the
 *  reason tests skip without it, and a chdb store holding the facts of a DuckDB ingest. */
import { createRequire } from 'node:module';
import { ingestFiles, openDatabase, type Store } from '../../src/api.js';
import { ClickHouseStore } from '../../src/engines/clickhouse/index.js';
import { dropFacts, shipFacts } from '../../src/store/ship-facts.js';
import { jsonl } from './people.js';

export const hasChdb = (() => {
  try {
    createRequire(import.meta.url).resolve('chdb');
    return true;
  } catch {
    return false;
  }
})();

/** The `skip` option of a test that needs chdb. */
export const chdbSkip = !hasChdb && 'chdb not installed (npm install --save-dev chdb)';

/** `world` ingested into an in-memory DuckDB, and its facts shipped to a fresh chdb. */
export async function chdbWithFacts(world: (Record<string, unknown> | string)[]): Promise<{ duck: Store; ch: ClickHouseStore }> {
  const duck = await openDatabase(':memory:', { threads: 2 });
  await ingestFiles(duck, [jsonl(world)], { format: 'pdl', now: '2025-06-30' });
  const ch = await ClickHouseStore.connect('chdb:');
  await dropFacts(ch);
  await shipFacts(duck, ch);
  return { duck, ch };
}
