/**
 * One query at a time on the store's single connection, each with a time limit, and a bounded
 * wait line. A query past its limit answers 503 at once; the engine finishes it in the background
 * (the `Store` has no interrupt yet), and the next query waits for it, so the engine is never
 * asked for two things at once.
 */
export class QueryTimeout extends Error {
  constructor(readonly ms: number) {
    super(`query took longer than ${ms} ms`);
    this.name = 'QueryTimeout';
  }
}

export class QueueFull extends Error {
  constructor() {
    super('too many queries waiting');
    this.name = 'QueueFull';
  }
}

export class QueryGate {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly maxWaiting = 32,
  ) {}

  /** Run `work` after every earlier query has finished; reject with `QueryTimeout` after the limit. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) return Promise.reject(new QueueFull());
    this.waiting++;
    const started = this.tail.then(() => {
      this.waiting--;
      return work();
    });
    this.tail = started.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new QueryTimeout(this.timeoutMs)), this.timeoutMs);
    });
    return Promise.race([started, limit]).finally(() => clearTimeout(timer));
  }
}
