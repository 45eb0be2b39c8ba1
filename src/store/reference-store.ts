/**
 * The imported title reference (O*NET taxonomy, AI exposure, quintiles) lives in the database
 * with its version, so classification is reproducible: the same database classifies the same
 * way until a new reference (a new version) is imported.
 */
import type { Store } from '../engines/engine.js';
import type { TitleReference } from '../reference/index.js';

export async function saveReference(store: Store, reference: TitleReference): Promise<void> {
  await store.run('CREATE TABLE IF NOT EXISTS reference (name VARCHAR PRIMARY KEY, version VARCHAR, body VARCHAR)');
  await store.run("DELETE FROM reference WHERE name = 'titles'");
  await store.run("INSERT INTO reference VALUES ('titles', $version, $body)", { version: reference.version, body: JSON.stringify(reference) });
}

export async function loadReference(store: Store): Promise<TitleReference | null> {
  if (!(await store.tableExists('reference'))) return null;
  const [row] = await store.all<{ body: string }>("SELECT body FROM reference WHERE name = 'titles'");
  return row ? (JSON.parse(row.body) as TitleReference) : null;
}

/** The version of the imported reference, without reading it; null without one. */
export async function referenceVersion(store: Store): Promise<string | null> {
  if (!(await store.tableExists('reference'))) return null;
  const [row] = await store.all<{ version: string }>("SELECT version FROM reference WHERE name = 'titles'");
  return row?.version ?? null;
}
