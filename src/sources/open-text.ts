/**
 * Text input for readers: plain or gzip-compressed (`.gz`) files, decoded as UTF-8, streamed.
 * A BOM at the start is dropped. Missing paths are a `UserError`, not a stack trace.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../model/errors.js';

const GZ = /\.gz$/i;
const BOM = '\uFEFF';

/** True when the path names a gzip file (by its `.gz` extension). */
export function isGzipPath(path: string): boolean {
  return GZ.test(path);
}

/** The path without a trailing `.gz`, for extension checks (`a.jsonl.gz` → `a.jsonl`). */
export function withoutGz(path: string): string {
  return path.replace(GZ, '');
}

/** Whether the path is a file or a folder; throws a `UserError` when it does not exist. */
export async function pathKind(path: string): Promise<'file' | 'dir'> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    throw new UserError(`invalid path: ${path}`, 'file_not_found', 'no such file or folder', { file: path });
  }
}

/**
 * A UTF-8 text stream of the file, gunzipped on the fly when the name ends in `.gz`.
 * @example for await (const chunk of openText('profiles.json.gz')) ...
 */
export function openText(path: string): Readable {
  const raw = createReadStream(path);
  const bytes = isGzipPath(path) ? raw.pipe(createGunzip()) : raw;
  if (bytes !== raw) raw.on('error', (e) => bytes.destroy(e));
  let first = true;
  async function* decoded(): AsyncGenerator<string> {
    bytes.setEncoding('utf8');
    try {
      for await (const chunk of bytes as AsyncIterable<string>) {
        if (first) {
          first = false;
          yield chunk.startsWith(BOM) ? chunk.slice(1) : chunk;
        } else yield chunk;
      }
    } finally {
      raw.destroy();
      if (bytes !== raw) bytes.destroy();
    }
  }
  return Readable.from(decoded(), { objectMode: false, encoding: 'utf8' });
}

/** The file's lines with their 1-based numbers (line endings dropped, `\r\n` handled). */
export async function* readLines(path: string): AsyncGenerator<{ text: string; line: number }> {
  const rl = createInterface({ input: openText(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    yield { text, line };
  }
}

/**
 * Up to `maxChars` of the file's decoded text (gunzipped for `.gz`), for sniffing.
 * Stops reading as soon as enough has arrived.
 */
export async function readHead(path: string, maxChars = 65536): Promise<string> {
  let head = '';
  const stream = openText(path);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      head += chunk;
      if (head.length >= maxChars) break;
    }
  } catch (e) {
    // A truncated or corrupt gzip still has a usable head; anything else is a real failure.
    if (head === '') throw e;
  } finally {
    stream.destroy();
  }
  return head.length > maxChars ? head.slice(0, maxChars) : head;
}
