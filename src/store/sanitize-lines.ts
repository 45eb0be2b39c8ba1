/**
 * The fallback for files the engine's line reader refuses as a whole (invalid UTF-8, a line over
 * `MAX_LINE_BYTES`): copy
 * the file line by line, keeping every line's number — a line that is not valid UTF-8 becomes an
 * empty line in the copy and a reject here — so the engine can read the copy line by line.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import type { Reject } from '../model/profile.js';
import { MAX_LINE_BYTES } from '../sources/json-lines-sql.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Write a sanitized copy of `path` (gunzipped) to `out`; returns the rejected lines. */
export async function sanitizeLines(path: string, out: string, label = path): Promise<Reject[]> {
  const input = createReadStream(path);
  const stream = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  const sink = createWriteStream(out);
  const rejects: Reject[] = [];
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  const emit = async (buf: Buffer) => {
    line++;
    let body = buf.length && buf[buf.length - 1] === 13 ? buf.subarray(0, buf.length - 1) : buf;
    if (body.length > MAX_LINE_BYTES) {
      rejects.push({ file: label, line, reason: 'line_too_long', detail: `${body.length} bytes, more than ${MAX_LINE_BYTES}`, raw: body.subarray(0, 4096).toString('latin1') });
      body = Buffer.alloc(0);
    }
    try {
      decoder.decode(body);
    } catch {
      rejects.push({ file: label, line, reason: 'invalid_encoding', detail: 'not valid UTF-8', raw: body.subarray(0, 4096).toString('latin1') });
      body = Buffer.alloc(0);
    }
    // both writes always (a full buffer must not skip the newline); the second reports it full
    sink.write(body);
    if (!sink.write('\n')) await once(sink, 'drain');
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      await emit(data.subarray(start, nl));
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length) await emit(carry);
  sink.end();
  await once(sink, 'finish');
  return rejects;
}
