import { generateRppsExtraction, RppsHeaderError } from '@liaison/core/rpps/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../src/context.ts';
import { buildConfig } from '../src/config/config.ts';
import { ManualClock } from '../src/clock.ts';
import { testBackends } from './support/databases.ts';
import { TEST_SECRET } from './support/app.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PERSONS = 2500;

function extraction(options: { badKeyRate?: number } = {}): string[] {
  return [...generateRppsExtraction({ persons: PERSONS, seed: 7, ...options })];
}

/** The RPPS (second column) of a data line. */
const rppsOf = (line: string) => line.split('|')[1]!;

for (const backend of testBackends()) {
  describe(`national RPPS reference on ${backend.name}`, () => {
    let ctx: AppContext;
    let clock: ManualClock;
    let dispose: () => Promise<void>;
    let dataDir: string;
    const original = extraction({ badKeyRate: 0.02 });

    beforeAll(async () => {
      const db = await backend.create();
      dataDir = mkdtempSync(join(tmpdir(), 'liaison-rpps-'));
      clock = new ManualClock('2026-03-02T03:00:00.000Z');
      ctx = await createContext(
        {
          ...buildConfig({
            LIAISON_DATA_DIR: dataDir,
            LIAISON_SECRET: TEST_SECRET,
            LIAISON_LOG_LEVEL: 'silent',
          }),
          database: db.config,
        },
        { clock },
      );
      dispose = db.dispose;
    });
    afterAll(async () => {
      await ctx.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const count = async (where: 'all' | 'left') => {
      let q = ctx.db.read
        .selectFrom('rpps_reference')
        .select((eb) => eb.fn.countAll<number | string>().as('n'));
      if (where === 'left') q = q.where('left_at', 'is not', null);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };

    it('imports every professional once, keeping wrong keys flagged', async () => {
      const summary = await ctx.rppsReference.importLines(original, { source: 'test' });
      expect(summary).toMatchObject({ persons: PERSONS, added: PERSONS, updated: 0, left: 0 });
      expect(summary.badKeys).toBeGreaterThan(0);
      expect(await count('all')).toBe(PERSONS);
      const flagged = await ctx.db.read
        .selectFrom('rpps_reference')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('key_valid', '=', 0)
        .executeTakeFirstOrThrow();
      expect(Number(flagged.n)).toBe(summary.badKeys);
    });

    it('applies the next day’s difference: changes updated, absent professionals marked as having left', async () => {
      clock.advance(24 * 3600_000);
      const dropped = new Set(original.slice(1, 301).map(rppsOf));
      const renamedRpps = rppsOf(original[400]!);
      const next = original
        .filter((line, i) => i === 0 || !dropped.has(rppsOf(line)))
        .map((line) =>
          rppsOf(line) === renamedRpps
            ? line.replace(/^([^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|)[^|]*/, '$1NOUVEAUNOM')
            : line,
        );
      const summary = await ctx.rppsReference.importLines(next, { source: 'test' });
      expect(summary.left).toBe(dropped.size);
      expect(summary.updated).toBe(1);
      expect(summary.added).toBe(0);
      expect(summary.unchanged).toBe(PERSONS - dropped.size - 1);
      const renamed = await ctx.db.read
        .selectFrom('rpps_reference')
        .select(['last_name', 'left_at'])
        .where('rpps', '=', renamedRpps)
        .executeTakeFirstOrThrow();
      expect(renamed).toEqual({ last_name: 'NOUVEAUNOM', left_at: null });
      const gone = await ctx.db.read
        .selectFrom('rpps_reference')
        .select('left_at')
        .where('rpps', '=', [...dropped][0]!)
        .executeTakeFirstOrThrow();
      expect(gone.left_at).toBe(clock.now().toISOString());

      // They come back in a later file: no longer flagged.
      const again = await ctx.rppsReference.importLines(original, { source: 'test' });
      expect(again.returned).toBe(dropped.size);
      expect(await count('left')).toBe(0);
    });

    it('a file with another header changes nothing and is logged as failed', async () => {
      const broken = [original[0]!.replace("Nom d'exercice", 'Nom'), ...original.slice(1, 50)];
      await expect(ctx.rppsReference.importLines(broken, { source: 'broken.txt' })).rejects.toBeInstanceOf(
        RppsHeaderError,
      );
      expect(await count('all')).toBe(PERSONS);
      expect(await count('left')).toBe(0);
      const last = await ctx.db.read
        .selectFrom('rpps_imports')
        .select(['status', 'source'])
        .orderBy('started_at', 'desc')
        .where('source', '=', 'broken.txt')
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ status: 'failed', source: 'broken.txt' });
    });
  });
}
