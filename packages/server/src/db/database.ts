import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
/** Read-only use by convention and by type: a reader offers no insert/update/delete builders. */
export type Reader = Pick<Kysely<DB>, 'selectFrom' | 'with' | 'fn'>;

export interface Tx {
  readonly db: Transaction<DB>;
  readonly dialect: Dialect;
  /** Runs after the transaction commits; never after a rollback. Use it to publish events. */
  onCommit(hook: () => void): void;
}

const activeTx = new AsyncLocalStorage<Tx>();

/**
 * The one door to storage. Writes happen only inside `transaction()`; reads go through `read`.
 * On SQLite the single connection is shared, so reading outside the open transaction from inside it
 * would wait forever: `read` refuses that loudly instead.
 */
export class Database {
  constructor(
    private readonly kysely: Kysely<DB>,
    readonly dialect: Dialect,
  ) {}

  get read(): Reader {
    const tx = activeTx.getStore();
    if (tx) return tx.db;
    return this.kysely;
  }

  /** Kysely handle for migrations and maintenance only. */
  get raw(): Kysely<DB> {
    return this.kysely;
  }

  inTransaction(): boolean {
    return activeTx.getStore() !== undefined;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const outer = activeTx.getStore();
    if (outer) return fn(outer); // join the open transaction: one unit of work, one commit
    const hooks: Array<() => void> = [];
    const result = await this.kysely.transaction().execute(async (trx) => {
      const tx: Tx = { db: trx, dialect: this.dialect, onCommit: (hook) => hooks.push(hook) };
      return activeTx.run(tx, () => fn(tx));
    });
    for (const hook of hooks) {
      try {
        hook();
      } catch {
        // A failing hook must not turn a committed write into an error for the caller.
      }
    }
    return result;
  }

  async close(): Promise<void> {
    await this.kysely.destroy();
  }
}
