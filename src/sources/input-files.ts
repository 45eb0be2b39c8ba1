/**
 * The files a reader reads for a path: the file itself, or the matching files of a folder
 * (one level, sorted by name so runs are reproducible). An empty selection is a `UserError`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { pathKind } from './open-text.js';

/**
 * @param accept matches the file names a folder contributes (`/\.jsonl?(\.gz)?$/i`).
 * @param format names the format in the error when a folder holds none.
 */
export async function inputFiles(path: string, accept: RegExp, format: string): Promise<string[]> {
  if ((await pathKind(path)) === 'file') return [path];
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((d) => d.isFile() && accept.test(d.name))
    .map((d) => d.name)
    .sort();
  if (names.length === 0) {
    throw new UserError(`invalid ${format} folder: ${path}`, 'wrong_format', `no ${format} files in the folder`, { file: path });
  }
  return names.map((n) => join(path, n));
}
