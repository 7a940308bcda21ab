import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { alertContacts, inMinutes, maintenance, post } from './support/statusFixtures.ts';

for (const backend of testBackends()) {
  describe(`service status: refusals on ${backend.name}`, () => {
    let t: TestInstance;
    let technician: Client;

    /** Rows that a refused post must not have left behind. */
    const stored = async () => {
      const count = async (table: 'status_events' | 'status_updates' | 'outbound_emails' | 'audit_events') =>
        Number(
          (
            await t.ctx.db.read
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        events: await count('status_events'),
        updates: await count('status_updates'),
        emails: await count('outbound_emails'),
        audit: await count('audit_events'),
      };
    };

    beforeAll(async () => {
      t = await startInstance(backend);
      await alertContacts(t);
      technician = (await staffUser(t, 'technician')).client;
    });
    afterAll(async () => t.close());

    it('refuses an end before the start and stores nothing', async () => {
      const before = await stored();
      const refused = await post(technician, maintenance(t, { endsAt: inMinutes(t, 10) }));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'STATUS_EVENT_INVALID' } });
      expect(await stored()).toEqual(before);
    });

    it('answers 404 for an unknown event', async () => {
      const unknown = await technician.post(`/api/admin/status/events/${crypto.randomUUID()}/updates`, {
        body: 'Toujours en cours.',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'STATUS_EVENT_NOT_FOUND' } });
    });

    it('lets only technicians and platform admins post and read the admin views', async () => {
      const professional = (await staffUser(t, 'professional')).client;
      const establishmentAdmin = await staffUser(t, 'establishment_admin', await anyOrganisation(t));
      for (const client of [professional, establishmentAdmin.client]) {
        const refused = await post(client, maintenance(t));
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
        expect((await client.get('/api/admin/status/events')).status).toBe(403);
        expect((await client.get('/api/admin/status/alerts')).status).toBe(403);
      }
      const anonymous = new Client(t.app);
      const nobody = await post(anonymous, maintenance(t));
      expect(nobody.status).toBe(401);
      expect(nobody.body).toMatchObject({ error: { code: 'NOT_AUTHENTICATED' } });
      expect((await anonymous.get('/api/admin/status/events')).body).toMatchObject({
        error: { code: 'NOT_AUTHENTICATED' },
      });

      const platformAdmin = (await staffUser(t, 'platform_admin')).client;
      const allowed = await post(platformAdmin, maintenance(t, { alert: false }));
      expect(allowed.status).toBe(201);
      expect(allowed.body.alertsQueued).toBe(0);
    });

    it('validates the request against the contract', async () => {
      const before = await stored();
      const cases = [
        maintenance(t, { title: '   ' }),
        maintenance(t, { components: [] }),
        { ...maintenance(t), components: ['mail', 'fax'] },
        { ...maintenance(t), severity: 'apocalyptic' },
        { ...maintenance(t), startsAt: 'tomorrow morning' },
        { ...maintenance(t), extra: true },
      ];
      for (const body of cases) {
        const refused = await post(technician, body);
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
      const event = (await post(technician, maintenance(t, { alert: false }))).body.event;
      const emptyUpdate = await technician.post(`/api/admin/status/events/${event.id}/updates`, { body: '' });
      expect(emptyUpdate.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const badId = await technician.post('/api/admin/status/events/not-an-id/updates', { body: 'x' });
      expect(badId.status).toBe(400);
      expect((await stored()).events).toBe(before.events + 1);
    });

    it('writes nothing when queueing the alerts fails half-way through the post', async () => {
      const before = await stored();
      // Break the queue for the length of one request: the event insert succeeds, the email insert fails.
      await sql`ALTER TABLE outbound_emails RENAME TO outbound_emails_away`.execute(t.ctx.db.raw);
      let status: number;
      try {
        status = (await post(technician, maintenance(t))).status;
      } finally {
        await sql`ALTER TABLE outbound_emails_away RENAME TO outbound_emails`.execute(t.ctx.db.raw);
      }
      expect(status).toBe(500);
      expect(await stored()).toEqual(before);
    });
  });
}

async function anyOrganisation(t: TestInstance): Promise<string> {
  const row = await t.ctx.db.read.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
  return row.id;
}
