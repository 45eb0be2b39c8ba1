/**
 * The ingest webhook: each batch of new change events is POSTed as JSON
 * (`{"batch": n, "part": 1, "parts": 1, "events": [...]}`), in parts of at most `partSize` events
 * (`part`, `parts` say which). A receiver that answers other than 2xx fails the ingest's
 * exit status, but the events stay recorded: `talentflow changes` lists them.
 */
import { UserError } from '../model/errors.js';
import type { ChangeRow } from './changes-query.js';

export interface WebhookResult {
  posts: number;
  events: number;
}

export async function postChanges(url: string, batch: number, events: readonly ChangeRow[], partSize = 1000): Promise<WebhookResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new UserError(`invalid --webhook: ${url}`, 'usage', 'an http:// or https:// URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new UserError(`invalid --webhook: ${url}`, 'usage', 'an http:// or https:// URL');
  const parts = Math.max(1, Math.ceil(events.length / partSize));
  if (events.length === 0) return { posts: 0, events: 0 };
  for (let i = 0; i < parts; i++) {
    const body = JSON.stringify({ batch, part: i + 1, parts, events: events.slice(i * partSize, (i + 1) * partSize) });
    let res: Response;
    try {
      res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } catch (e) {
      throw new UserError(`webhook unreachable: ${url}`, 'webhook', (e as Error).message);
    }
    if (!res.ok) throw new UserError(`webhook refused: ${url} answered ${res.status}`, 'webhook', 'the events are recorded; `talentflow changes` lists them');
  }
  return { posts: parts, events: events.length };
}
