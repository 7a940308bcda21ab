import { generateRppsExtraction, rppsColumnIndex } from '@liaison/core/rpps/index';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { ManualClock } from '../src/clock.ts';
import { buildConfig } from '../src/config/config.ts';
import { createContext, type AppContext } from '../src/context.ts';
import { TEST_SECRET } from './support/app.ts';
import { testBackends } from './support/databases.ts';

const DAY = 24 * 3600_000;
const lines = [...generateRppsExtraction({ persons: 5, seed: 21 })];
const cell = (line: string, column: Parameters<typeof rppsColumnIndex>[0]) =>
  line.split('|')[rppsColumnIndex(column)]!;
const someone = lines[1]!;
const rpps = cell(someone, 'Identifiant PP');

for (const backend of testBackends()) {
  describe(`daily RPPS refresh and retirement flags on ${backend.name}`, () => {
    let ctx: AppContext;
    let clock: ManualClock;
    let dataDir: string;
    let dispose: () => Promise<void>;
    let file: string;
    let entryId: string;

    const writeExtraction = (content: string[]) => writeFileSync(file, `${content.join('\n')}\n`);
    const nextDay = async () => {
      clock.advance(DAY + 1000);
      return ctx.scheduler.runDue();
    };

    beforeAll(async () => {
      const db = await backend.create();
      dispose = db.dispose;
      dataDir = mkdtempSync(join(tmpdir(), 'liaison-rpps-daily-'));
      file = join(dataDir, 'PS_LibreAcces_Personne_activite.txt');
      writeExtraction(lines);
      clock = new ManualClock('2026-03-02T03:00:00.000Z');
      ctx = await createContext(
        {
          ...buildConfig({
            LIAISON_DATA_DIR: dataDir,
            LIAISON_SECRET: TEST_SECRET,
            LIAISON_LOG_LEVEL: 'silent',
            LIAISON_RPPS_EXTRACTION: file,
          }),
          database: db.config,
        },
        { clock },
      );
    });
    afterAll(async () => {
      await ctx.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('re-imports the configured file every day and flags the published entry whose RPPS left, then clears it', async () => {
      expect(await nextDay()).toContain('directory.rpps-refresh');
      expect(await ctx.directory.rpps(rpps)).toMatchObject({ rpps, leftAt: null });

      const org = await ctx.organisations.create(CONSOLE_ACTOR, { kind: 'hospital', name: 'CH de Lens' });
      const proposal = await ctx.directory.submit(CONSOLE_ACTOR, org.id, {
        action: 'create',
        input: {
          lastName: cell(someone, "Nom d'exercice"),
          firstName: cell(someone, "Prénom d'exercice"),
          specialty: 'SM54',
          nationalId: rpps,
          mailboxes: [{ address: 'praticien@ch-lens.test', kind: 'PER' }],
        },
      });
      entryId = proposal.entryId;
      const [queued] = (await ctx.directory.queue(CONSOLE_ACTOR, { limit: 10, offset: 0 })).submissions;
      expect(queued?.checks).toEqual([]); // the reference knows this RPPS under this name
      await ctx.directory.decide(CONSOLE_ACTOR, proposal.submissionId!, { decision: 'approve' });

      writeExtraction(lines.filter((line) => line.split('|')[1] !== rpps));
      expect(await nextDay()).toContain('directory.rpps-refresh');
      const flagged = await ctx.directory.retirementFlags(CONSOLE_ACTOR);
      expect(flagged.map((e) => e.id)).toEqual([entryId]);
      expect(flagged[0]?.rppsLeftAt).toBe(clock.now().toISOString());
      expect((await ctx.directory.entry(null, entryId)).rppsLeftAt).not.toBeNull();

      // Nothing runs before the next day.
      clock.advance(3600_000);
      expect(await ctx.scheduler.runDue()).not.toContain('directory.rpps-refresh');

      writeExtraction(lines);
      expect(await nextDay()).toContain('directory.rpps-refresh');
      expect(await ctx.directory.retirementFlags(CONSOLE_ACTOR)).toEqual([]);
    });
  });
}
