/**
 * The cohorts employers are resolved with at ingest: the shipped cohort files and the user's
 * (`talentflow ingest --cohorts FILE`). The user's files are recorded in `meta` with their text,
 * so a later re-derive of the same database (`talentflow data import companies`) resolves with
 * the same cohorts' aliases, even after a file has moved or changed. Each ingest re-derives
 * everything with its own files: its set replaces the one recorded before.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '../engines/engine.js';
import { builtinCohortFiles, loadCohortFiles, parseCohorts, type Cohort } from '../resolve/index.js';

const KEY = 'ingest_cohort_files';

/** One user cohort file as an ingest read it. */
interface RecordedCohortFile {
  /** Absolute path at ingest (names the file in errors). */
  file: string;
  text: string;
}

/** The shipped cohorts and those of `files` (validated first: a bad file records nothing), recording `files`. */
export async function ingestCohorts(store: Store, files: readonly string[]): Promise<Cohort[]> {
  const cohorts = loadCohortFiles([...builtinCohortFiles(), ...files]);
  const recorded: RecordedCohortFile[] = files.map((f) => ({ file: resolve(f), text: readFileSync(f, 'utf8') }));
  await store.run('DELETE FROM meta WHERE key = $key', { key: KEY });
  await store.run('INSERT INTO meta VALUES ($key, $value)', { key: KEY, value: JSON.stringify(recorded) });
  return cohorts;
}

/** The cohorts the latest ingest resolved with: the shipped ones and its recorded files' text. */
export async function ingestedCohorts(store: Store): Promise<Cohort[]> {
  const [row] = await store.all<{ value: string }>('SELECT value FROM meta WHERE key = $key', { key: KEY });
  const files = row ? (JSON.parse(row.value) as RecordedCohortFile[]) : [];
  return [...loadCohortFiles(builtinCohortFiles()), ...files.flatMap((f) => parseCohorts(f.text, f.file))];
}
