import type { Store } from '../engines/engine.js';
import { UserError } from '../model/errors.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

/** Create the tables of a new database, or check that an existing one is of this version. */
export async function initSchema(store: Store): Promise<void> {
  await store.run(SCHEMA_SQL);
  const [row] = await store.all<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!row) {
    await store.run("INSERT INTO meta VALUES ('schema_version', $v)", { v: String(SCHEMA_VERSION) });
  } else if (row.value !== String(SCHEMA_VERSION)) {
    throw new UserError(`unknown schema version: ${row.value}`, 'schema_version', `this talentflow writes version ${SCHEMA_VERSION}; re-ingest into a new --db`);
  }
  // additive columns (snapshots, docs/snapshots.md) on databases made before them
  for (const [table, column, type] of [['files', 'snapshot', 'VARCHAR'], ['records', 'content_rec', 'BIGINT']]) {
    const [col] = await store.all<{ n: number }>(
      'SELECT count(*) AS n FROM information_schema.columns WHERE table_name = $t AND column_name = $c', { t: table, c: column },
    );
    if (!col?.n) await store.run(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
