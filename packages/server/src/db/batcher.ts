import type { Database, Tx } from './database.ts';

type Work<R> = (tx: Tx) => Promise<R>;

interface Pending<R> {
  work: Work<R>;
  resolve: (value: R) => void;
  reject: (reason: unknown) => void;
}

/** Enough to amortise one fsync over many writes, small enough to keep a batch's latency short. */
const MAX_BATCH = 64;

/**
 * Group commit: units of work that arrive while a commit is under way are run together in the next
 * transaction, so one fsync makes many of them durable (SQLite with synchronous=FULL pays one fsync per
 * commit, about a millisecond). Each caller still hears back only after its work is committed. If the
 * shared transaction fails, every unit is retried alone, so only the culprit sees an error and nobody
 * else's work is lost or half-written.
 */
export class CommitBatcher {
  private queue: Array<Pending<unknown>> = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  run<R>(work: Work<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests already read off the sockets queue up behind this one first.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.commit(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commit(batch: Array<Pending<unknown>>): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.db.transaction(async (tx) => {
          const out: unknown[] = [];
          for (const pending of batch) out.push(await pending.work(tx));
          return out;
        });
        batch.forEach((pending, i) => pending.resolve(results[i]));
        return;
      } catch {
        // Fall through: alone, each unit commits or fails on its own.
      }
    }
    for (const pending of batch) {
      try {
        pending.resolve(await this.db.transaction(pending.work));
      } catch (err) {
        pending.reject(err);
      }
    }
  }
}
