import { ORGANISATION_KINDS } from '@liaison/core/api/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/index.ts';
import { down, up } from '../src/db/migrations/010_stats.ts';
import { categoryFromRank, organisationRanks, userCategory } from '../src/stats/categories.ts';
import { rebuildStatsRollups } from '../src/stats/rebuild.ts';
import { freshDatabase, testBackends } from './support/databases.ts';
import { loadStatsFixture, ORGANISATIONS, PEOPLE, type StatsFixture } from './support/statsFixture.ts';

/** Every row of the three rollups, in key order, with counts as numbers (PostgreSQL may hand strings). */
async function rollupRows(db: Database) {
  const orgDays = await db.read
    .selectFrom('stats_org_days')
    .selectAll()
    .orderBy('organisation_id')
    .orderBy('day')
    .execute();
  const userDays = await db.read
    .selectFrom('stats_user_days')
    .selectAll()
    .orderBy('user_id')
    .orderBy('day')
    .orderBy('organisation_id')
    .execute();
  const contactDays = await db.read
    .selectFrom('stats_contact_days')
    .selectAll()
    .orderBy('organisation_id')
    .orderBy('day')
    .orderBy('user_id')
    .execute();
  const numeric = <T extends object>(rows: T[]) =>
    rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
    );
  return { orgDays: numeric(orgDays), userDays: numeric(userDays), contactDays: numeric(contactDays) };
}

/** Every person's category as the reports compute it in SQL. */
async function sqlCategories(db: Database): Promise<Map<string, string>> {
  const rows = await db.read
    .selectFrom('users as u')
    .leftJoin(organisationRanks(db.read).as('r'), 'r.user_id', 'u.id')
    .select(['u.id', categoryFromRank('r.rank', 'u.profession').as('category')])
    .execute();
  return new Map(rows.map((r) => [r.id, r.category]));
}

for (const backend of testBackends()) {
  describe(`statistics rollups on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let ids: StatsFixture;
    let incremental: Awaited<ReturnType<typeof rollupRows>>;

    beforeAll(async () => {
      ({ db, dispose } = await freshDatabase(backend));
      ids = await loadStatsFixture(db);
      incremental = await rollupRows(db);
    });
    afterAll(async () => dispose());

    it('keeps the rows the raw messages imply, as they arrive', () => {
      // A few rows checked by hand; the comparison with the rebuild below covers the rest.
      const alpha = ids.organisations.alpha;
      expect(incremental.orgDays).toContainEqual({
        organisation_id: alpha,
        day: '2026-02-28',
        sent: 1,
        received: 1,
        exchanged: 1, // M12, within Alpha
      });
      expect(incremental.orgDays).toContainEqual({
        organisation_id: alpha,
        day: '2026-02-03',
        sent: 0,
        received: 1, // M3, to two of Alpha's mailboxes: once
        exchanged: 1,
      });
      // M11 from the midwife, who has no organisation.
      expect(incremental.orgDays).toContainEqual({
        organisation_id: '',
        day: '2026-02-20',
        sent: 1,
        received: 0,
        exchanged: 1,
      });
      // hdoc1 on 02-02: received M2 through the cardiology mailbox and sent M1 to the practice.
      expect(incremental.userDays).toContainEqual({
        user_id: ids.people.hdoc1,
        day: '2026-02-02',
        organisation_id: alpha,
        establishment: 1,
        sent: 1,
        sent_to_establishment: 0,
        received: 1,
        received_from_establishment: 0,
      });
      // gp heard from Alpha (M1) and wrote to it (M2) on 02-02.
      expect(incremental.contactDays).toContainEqual({
        organisation_id: alpha,
        day: '2026-02-02',
        user_id: ids.people.gp,
        sent_to: 1,
        received_from: 1,
      });
      // Held M7 and rejected M8 left no trace.
      const m7Day = incremental.userDays.filter((r) => r.day === '2026-02-10' || r.day === '2026-02-11');
      expect(m7Day).toEqual([]);
    });

    it('rebuilds exactly the rows the incremental path kept', async () => {
      await rebuildStatsRollups(db);
      expect(await rollupRows(db)).toEqual(incremental);
      // Twice in a row: a rebuild starts from empty tables, it never adds to what is there.
      await rebuildStatsRollups(db);
      expect(await rollupRows(db)).toEqual(incremental);
    });

    it('backfills the same rows when migration 010 runs on a database that already has mail', async () => {
      await down(db.raw);
      await up(db.raw);
      expect(await rollupRows(db)).toEqual(incremental);
    });

    it("computes each fixture person's category in SQL as the rule in categories.ts does", async () => {
      const byId = await sqlCategories(db);
      for (const [key, person] of Object.entries(PEOPLE)) {
        const kinds = person.organisation ? [ORGANISATIONS[person.organisation].kind] : [];
        expect({ key, category: byId.get(ids.people[key as keyof typeof PEOPLE]) }).toEqual({
          key,
          category: userCategory(kinds, person.profession),
        });
      }
    });

    it('agrees on every combination of up to two organisation kinds and the listed professions', async () => {
      const organisations = Object.fromEntries(ORGANISATION_KINDS.map((kind) => [kind, crypto.randomUUID()]));
      const combinations: string[][] = [[]];
      ORGANISATION_KINDS.forEach((a, i) => {
        combinations.push([a]);
        for (const b of ORGANISATION_KINDS.slice(i + 1)) combinations.push([a, b]);
      });
      const professions = [null, '10', '21', '40', '50', '60'];
      const people = combinations.flatMap((kinds) =>
        professions.map((profession) => ({ id: crypto.randomUUID(), kinds, profession })),
      );
      const at = '2026-01-01T00:00:00.000Z';
      await db.transaction(async (tx) => {
        await tx.db
          .insertInto('organisations')
          .values(
            ORGANISATION_KINDS.map((kind) => ({
              id: organisations[kind]!,
              kind,
              name: `Combination ${kind}`,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
        await tx.db
          .insertInto('users')
          .values(
            people.map((p) => ({
              id: p.id,
              email: `${p.id}@combinations.test`,
              first_name: 'C',
              last_name: 'C',
              status: 'active' as const,
              profession: p.profession,
              totp_enabled: 0,
              failed_logins: 0,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
        // Each person also holds a role without an organisation (platform roles), which must not count.
        await tx.db
          .insertInto('user_roles')
          .values(
            people.flatMap((p) => [
              { id: crypto.randomUUID(), user_id: p.id, role: 'professional', organisation_id: null },
              ...p.kinds.map((kind) => ({
                id: crypto.randomUUID(),
                user_id: p.id,
                role: 'professional',
                organisation_id: organisations[kind]!,
              })),
            ]),
          )
          .execute();
      });
      const byId = await sqlCategories(db);
      const disagreements = people
        .map((p) => ({ ...p, sql: byId.get(p.id), rule: userCategory(p.kinds, p.profession) }))
        .filter((p) => p.sql !== p.rule);
      expect(disagreements).toEqual([]);
      expect(people.length).toBe(29 * 6);
    });
  });
}
