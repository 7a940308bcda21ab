import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/index.ts';
import { freshDatabase, testBackends } from './support/databases.ts';

for (const backend of testBackends()) {
  describe(`database wrapper on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ db, dispose } = await freshDatabase(backend));
    });
    afterAll(async () => dispose());

    const insertOrg = (id: string, name: string) =>
      db.transaction(async (tx) => {
        await tx.db
          .insertInto('organisations')
          .values({ id, kind: 'hospital', name, created_at: 'x', updated_at: 'x' })
          .execute();
      });

    it('runs onCommit hooks after the commit, and not after a rollback', async () => {
      const seen: string[] = [];
      await db.transaction(async (tx) => {
        await tx.db
          .insertInto('organisations')
          .values({ id: 'o-commit', kind: 'hospital', name: 'A', created_at: 'x', updated_at: 'x' })
          .execute();
        tx.onCommit(() => seen.push('committed'));
        expect(seen).toEqual([]);
      });
      expect(seen).toEqual(['committed']);

      await expect(
        db.transaction(async (tx) => {
          await tx.db
            .insertInto('organisations')
            .values({ id: 'o-rollback', kind: 'hospital', name: 'B', created_at: 'x', updated_at: 'x' })
            .execute();
          tx.onCommit(() => seen.push('should not run'));
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(seen).toEqual(['committed']);
      const rows = await db.read.selectFrom('organisations').select('id').execute();
      expect(rows.map((r) => r.id)).toEqual(['o-commit']);
    });

    it('reads through the open transaction from inside it (no self-deadlock on SQLite)', async () => {
      await db.transaction(async (tx) => {
        await tx.db
          .insertInto('organisations')
          .values({ id: 'o-inside', kind: 'lab', name: 'C', created_at: 'x', updated_at: 'x' })
          .execute();
        const seen = await db.read
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', 'o-inside')
          .execute();
        expect(seen).toHaveLength(1);
      });
    });

    it('joins an outer transaction instead of nesting, so a late failure undoes everything', async () => {
      await expect(
        db.transaction(async () => {
          await insertOrg('o-nested', 'D');
          throw new Error('late failure');
        }),
      ).rejects.toThrow('late failure');
      const row = await db.read
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', 'o-nested')
        .executeTakeFirst();
      expect(row).toBeUndefined();
    });
  });
}
