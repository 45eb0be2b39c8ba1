/**
 * Write a reader's profiles as canonical JSONL (each line keeps `source_line`, its place in the
 * original input) and hand back its rejects.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ReadResult, Reject } from '../model/profile.js';

export async function writeCanonical(results: AsyncIterable<ReadResult>, path: string): Promise<Reject[]> {
  const out = createWriteStream(path);
  const rejects: Reject[] = [];
  let buffer = '';
  for await (const r of results) {
    if (r.kind === 'reject') {
      rejects.push(r.reject);
      continue;
    }
    buffer += JSON.stringify({ ...r.profile, source_line: r.line }) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rejects;
}
