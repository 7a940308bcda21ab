import type { SubmittedMessage } from '@liaison/core/api/mail';
import type { StatsReport } from '@liaison/core/api/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { Client, staffUser } from './support/app.ts';
import { seal } from './support/bulk.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';
import { loadStatsFixture, type StatsFixture } from './support/statsFixture.ts';

/**
 * Statistics through the real HTTP layer: letters submitted, held and released as users do it, who
 * may read which figures, refused periods, and the CSV export. The fixed dataset (February 2026) sits
 * beside the real letters (the test clock starts on 2026-03-02).
 */
const FEBRUARY = 'from=2026-02-01&to=2026-02-28';
// The test clock's day: the fixture has X2 the day before, nothing on it.
const TODAY = 'from=2026-03-02&to=2026-03-02';

for (const backend of testBackends()) {
  describe(`statistics over HTTP on ${backend.name}`, () => {
    let t: PkiInstance;
    let ids: StatsFixture;
    let platform: Client;
    let technician: Client;
    let alphaAdmin: Client;
    let alice: MailUser, bob: MailUser, carol: MailUser, dan: MailUser;

    beforeAll(async () => {
      // At most 2 recipients a message: a letter to 3 is held.
      t = await startPkiInstance(backend, { env: { LIAISON_BULK_MESSAGE_RECIPIENTS: '2' } });
      ids = await loadStatsFixture(t.ctx.db);
      platform = (await staffUser(t, 'platform_admin')).client;
      technician = (await staffUser(t, 'technician')).client;
      alphaAdmin = (await staffUser(t, 'establishment_admin', ids.organisations.alpha)).client;
      alice = await mailUser(t, technician, 'Alice', 'Arnaud');
      bob = await mailUser(t, technician, 'Bob', 'Bernard');
      carol = await mailUser(t, technician, 'Carole', 'Caron');
      dan = await mailUser(t, technician, 'Daniel', 'Dupuis');
    });
    afterAll(async () => t.close());

    const today = async () => {
      const answer = await platform.get<StatsReport>(`/api/stats?${TODAY}`);
      expect(answer.status).toBe(200);
      return answer.body;
    };

    it('counts a submitted letter, and a held one only once released', async () => {
      const before = await today();
      expect(before.messagesExchanged).toEqual({ current: 0, previous: 1 }); // X2, on 2026-03-01

      const letter = await alice.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await seal(alice, { to: [bob] }),
      );
      expect(letter.status).toBeLessThan(300);
      expect(letter.body.hold).toBeNull();
      const afterLetter = await today();
      expect(afterLetter.messagesExchanged.current).toBe(1);
      expect(afterLetter.activeUsers.current).toBe(2); // Alice and Bob
      // Both registered as physicians without an organisation: city.
      expect(afterLetter.usersByCategory.find((c) => c.category === 'city')?.current).toBe(2);
      expect(afterLetter.series.points).toEqual([{ start: '2026-03-02', messages: 1, previous: 1 }]);

      const bulk = await alice.client.post<SubmittedMessage>(
        '/api/mail/messages',
        await seal(alice, { to: [bob, carol], cc: [dan] }),
      );
      expect(bulk.status).toBe(202);
      expect(bulk.body.hold?.state).toBe('held');
      const whileHeld = await today();
      expect(whileHeld.messagesExchanged.current).toBe(1);
      expect(whileHeld.activeUsers.current).toBe(2);
      expect(whileHeld.interceptions).toMatchObject({ total: { current: 1 }, held: { current: 1 } });

      t.clock.advance(5 * 60_000);
      const released = await technician.post(`/api/admin/quarantine/${bulk.body.id}/release`, {});
      expect(released.status).toBe(200);
      const afterRelease = await today();
      expect(afterRelease.messagesExchanged.current).toBe(2);
      expect(afterRelease.activeUsers.current).toBe(4); // Carole and Daniel received it
      expect(afterRelease.interceptions).toMatchObject({
        total: { current: 1 },
        held: { current: 0 },
        released: { current: 1 },
      });
      expect(afterRelease.postage.savedCents.current).toBe(190);
    });

    it('shows platform admins the platform and any establishment', async () => {
      const whole = await platform.get<StatsReport>(`/api/stats?${FEBRUARY}`);
      expect(whole.status).toBe(200);
      expect(whole.body.scope).toEqual({ kind: 'platform' });
      expect(whole.body.messagesExchanged).toEqual({ current: 11, previous: 5 });
      for (const key of ['alpha', 'beta'] as const) {
        const page = await platform.get<StatsReport>(
          `/api/stats?${FEBRUARY}&establishment=${ids.organisations[key]}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.scope).toMatchObject({ kind: 'establishment', id: ids.organisations[key] });
      }
      const unknown = await platform.get(`/api/stats?${FEBRUARY}&establishment=${crypto.randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'ORGANISATION_NOT_FOUND' } });
    });

    it('shows an establishment admin their own page only, without revealing which ids exist', async () => {
      const own = await alphaAdmin.get<StatsReport>(
        `/api/stats?${FEBRUARY}&establishment=${ids.organisations.alpha}`,
      );
      expect(own.status).toBe(200);
      expect(own.body.messagesExchanged).toEqual({ current: 7, previous: 2 });
      for (const other of [ids.organisations.beta, crypto.randomUUID()]) {
        for (const path of ['/api/stats', '/api/stats/export.csv']) {
          const answer = await alphaAdmin.get(`${path}?${FEBRUARY}&establishment=${other}`);
          expect(answer.status).toBe(403);
          expect(answer.body).toMatchObject({ error: { code: 'OUTSIDE_ESTABLISHMENT' } });
        }
      }
      const whole = await alphaAdmin.get(`/api/stats?${FEBRUARY}`);
      expect(whole.status).toBe(403);
      expect(whole.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });

    it('refuses professionals, technicians and anonymous callers', async () => {
      for (const client of [alice.client, technician]) {
        for (const query of [FEBRUARY, `${FEBRUARY}&establishment=${ids.organisations.alpha}`]) {
          const answer = await client.get(`/api/stats?${query}`);
          expect(answer.status).toBe(403);
          expect(answer.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
        }
      }
      for (const path of ['/api/stats', '/api/stats/export.csv']) {
        const anonymous = await new Client(t.app).get(`${path}?${FEBRUARY}`);
        expect(anonymous.status).toBe(401);
        expect(anonymous.body).toMatchObject({ error: { code: 'NOT_AUTHENTICATED' } });
      }
    });

    it('refuses periods that are not periods', async () => {
      const cases: Array<[string, string]> = [
        ['from=2026-02-10&to=2026-02-01', 'STATS_PERIOD_INVALID'], // inverted
        ['from=2026-02-01&to=2026-02-30', 'STATS_PERIOD_INVALID'], // not a day of the calendar
        ['from=2025-02-29&to=2025-03-01', 'STATS_PERIOD_INVALID'], // 2025 is not a leap year
        ['from=2023-01-01&to=2026-01-01', 'STATS_PERIOD_TOO_LONG'], // 365 + 366 + 365 + 1 = 1097 days
        ['from=yesterday&to=2026-02-01', 'VALIDATION_FAILED'], // not a date at all: the schema's answer
        ['from=2026-02-01', 'VALIDATION_FAILED'],
      ];
      for (const [query, code] of cases) {
        for (const path of ['/api/stats', '/api/stats/export.csv']) {
          const answer = await platform.get(`${path}?${query}`);
          expect({ query, path, status: answer.status, body: answer.body }).toMatchObject({
            status: 400,
            body: { error: { code } },
          });
        }
      }
      // The longest period allowed: three years to the day, 1096 days.
      const longest = await platform.get<StatsReport>('/api/stats?from=2023-01-01&to=2025-12-31');
      expect(longest.status).toBe(200);
      expect(longest.body.period.days).toBe(1096);
      // Callers without the HTTP schema (the benchmark) get the statistics' own code.
      await expect(
        t.ctx.stats.report(CONSOLE_ACTOR, { from: 'yesterday', to: '2026-02-01' }),
      ).rejects.toMatchObject({ code: 'STATS_PERIOD_INVALID' });
    });

    it('exports the report as a CSV a French spreadsheet opens', async () => {
      const answer = await platform.get(`/api/stats/export.csv?${FEBRUARY}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(answer.headers['content-disposition']).toBe(
        'attachment; filename="liaison-stats-2026-02-01-2026-02-28.csv"',
      );
      expect(answer.text.startsWith('\uFEFF')).toBe(true);
      const lines = answer.text.slice(1).split('\r\n');
      expect(lines[0]).toBe('section;indicator;period;previous');
      expect(lines).toContain('messages;messagesExchanged;11;5');
      expect(lines).toContain('usersByCategory;hospital;5;3');
      expect(lines).toContain('postage;savedCents;1045;475');
      expect(lines).toContain('postage;topFiveAverage.messages;2,3333333333;'); // 7/3, decimal comma
      expect(lines).toContain('ehpad;coveredShare;0,0004;'); // 3 EHPAD of the default 7,500
      expect(lines.filter((l) => l.startsWith('topEstablishments;'))).toEqual([
        'topEstablishments;Alpha Hospital;3;',
        'topEstablishments;Beta Hospital;2;',
        'topEstablishments;Gamma Clinic;2;',
      ]);
      expect(lines).toContain('series.day;2026-02-02;2;2');
      expect(lines.filter((l) => l.startsWith('series.day;'))).toHaveLength(28);
    });

    it('keeps an establishment name that looks like a formula as text', async () => {
      await t.ctx.db.transaction((tx) =>
        tx.db
          .updateTable('organisations')
          .set({ name: '=1+1' })
          .where('id', '=', ids.organisations.gamma)
          .execute(),
      );
      const whole = await platform.get(`/api/stats/export.csv?${FEBRUARY}`);
      expect(whole.text.split('\r\n')).toContain("topEstablishments;'=1+1;2;");
      const page = await platform.get(
        `/api/stats/export.csv?${FEBRUARY}&establishment=${ids.organisations.gamma}`,
      );
      expect(page.status).toBe(200);
      expect(page.text.split('\r\n')).toContain("scope;name;'=1+1;");
    });
  });
}
