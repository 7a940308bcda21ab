import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CommitBatcher } from '../src/db/batcher.ts';
import type { Database } from '../src/db/index.ts';
import { freshDatabase, testBackends } from './support/databases.ts';

for (const backend of testBackends()) {
  describe(`group commit on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ db, dispose } = await freshDatabase(backend));
    });
    afterAll(async () => dispose());

    const insert =
      (key: string, hooks: string[]) => async (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => {
        await tx.db.insertInto('rate_limits').values({ key, window_start: 'w', count: 1 }).execute();
        tx.onCommit(() => hooks.push(key));
        return key;
      };

    it('makes units that arrive together durable in one transaction', async () => {
      const batcher = new CommitBatcher(db);
      const spy = vi.spyOn(db, 'transaction');
      try {
        const keys = Array.from({ length: 8 }, (_, i) => `together${i}`);
        const results = await Promise.all(keys.map((k) => batcher.run(insert(k, []))));
        expect(results).toEqual(keys);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('commits concurrent units together, and a failing unit fails alone', async () => {
      const batcher = new CommitBatcher(db);
      const hooks: string[] = [];
      await batcher.run(insert('taken', []));
      const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
      const outcomes = await Promise.allSettled([
        ...keys.slice(0, 5).map((k) => batcher.run(insert(k, hooks))),
        batcher.run(insert('taken', hooks)), // primary key violation
        ...keys.slice(5).map((k) => batcher.run(insert(k, hooks))),
      ]);
      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
      expect(outcomes[5]!.status).toBe('rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toEqual(keys);
      const stored = await db.read
        .selectFrom('rate_limits')
        .select('key')
        .where('key', 'not like', 'together%')
        .orderBy('key')
        .execute();
      expect(stored.map((r) => r.key)).toEqual([...keys, 'taken'].sort());
      // Events fire once per committed unit, never for the one rolled back.
      expect([...hooks].sort()).toEqual([...keys].sort());
    });
  });
}
