/** A local HTTP receiver for `ingest --webhook` tests: it keeps every JSON body POSTed to it. */
import { createServer } from 'node:http';

export interface Receiver<T> {
  /** The URL to give `--webhook`. */
  url: string;
  /** The bodies received, parsed, in order. */
  posts: T[];
  close(): void;
}

export async function webhookReceiver<T>(): Promise<Receiver<T>> {
  const posts: T[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push(JSON.parse(body) as T);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  return { url, posts, close: () => server.close() };
}
