import { randomFiness, randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { Client, MAIL_DOMAIN, signIn, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

for (const backend of testBackends()) {
  describe(`establishments on ${backend.name}`, () => {
    let t: TestInstance;
    let orgA: string;
    let orgB: string;
    let adminA: Awaited<ReturnType<typeof staffUser>>;
    let technician: Awaited<ReturnType<typeof staffUser>>;

    beforeAll(async () => {
      t = await startInstance(backend);
      orgA = (
        await t.ctx.organisations.create(CONSOLE_ACTOR, {
          kind: 'hospital',
          name: 'Centre hospitalier de Dunkerque',
        })
      ).id;
      orgB = (await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'ehpad', name: 'EHPAD Les Tilleuls' }))
        .id;
      adminA = await staffUser(t, 'establishment_admin', orgA);
      technician = await staffUser(t, 'technician');
    });
    afterAll(async () => t.close());

    it('lets the admin complete their profile, and lists incomplete establishments for the platform', async () => {
      const platform = await staffUser(t, 'platform_admin');
      const incomplete = await platform.client.get<Array<{ id: string; missing: string[] }>>(
        '/api/organisations?incomplete=true',
      );
      expect(incomplete.body.map((o) => o.id)).toEqual(expect.arrayContaining([orgA, orgB]));
      expect(incomplete.body.find((o) => o.id === orgA)?.missing).toEqual(
        expect.arrayContaining(['finess', 'city', 'itHead', 'alertMailbox', 'beds']),
      );

      const finess = randomFiness();
      const patch = await adminA.client.patch<{ missing: string[]; finess: string }>(
        `/api/organisations/${orgA}`,
        {
          finess,
          groupName: 'GHT du Littoral',
          addressLine1: '130 avenue Louis Herbeaux',
          postalCode: '59240',
          city: 'Dunkerque',
          beds: 820,
          fileNumber: 'D-2026-001',
          adminReferent: { name: 'Claire Martin', email: 'direction@ch-test.fr', phone: '03 28 00 00 01' },
          itHead: { name: 'Paul Leroy', email: 'dsi@ch-test.fr', phone: '03 28 00 00 02' },
          phone: '03 28 00 00 00',
          mobilePhone: '06 00 00 00 00',
          alertMailbox: 'alertes-dsi@ch-test.fr',
        },
      );
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({ finess, missing: [] });
      const after = await platform.client.get<Array<{ id: string }>>('/api/organisations?incomplete=true');
      expect(after.body.map((o) => o.id)).not.toContain(orgA);
    });

    it('keeps an establishment admin inside their own establishment', async () => {
      const read = await adminA.client.get(`/api/organisations/${orgB}`);
      expect(read.status).toBe(403);
      expect(read.body).toMatchObject({ error: { code: 'OUTSIDE_ESTABLISHMENT' } });
      const write = await adminA.client.patch(`/api/organisations/${orgB}`, { name: 'Pris' });
      expect(write.body).toMatchObject({ error: { code: 'OUTSIDE_ESTABLISHMENT' } });
      expect((await adminA.client.get(`/api/organisations/${orgB}/accounts.csv`)).status).toBe(403);
      const staffForB = await adminA.client.post('/api/registrations', {
        email: 'intrus@ehpad.test',
        firstName: 'Intrus',
        lastName: 'Test',
        role: 'secretary',
        organisationId: orgB,
        charterVersion: 1,
      });
      expect(staffForB.body).toMatchObject({ error: { code: 'OUTSIDE_ESTABLISHMENT' } });
      expect((await adminA.client.get('/api/organisations')).status).toBe(403);
      const name = await t.ctx.db.read
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', orgB)
        .executeTakeFirstOrThrow();
      expect(name.name).toBe('EHPAD Les Tilleuls');
    });

    it('refuses a bad FINESS and a no-reply alert mailbox without changing the profile', async () => {
      const badFiness = await adminA.client.patch(`/api/organisations/${orgA}`, {
        finess: '590000001',
        city: 'Lille',
      });
      expect(badFiness.body).toMatchObject({ error: { code: 'INVALID_IDENTIFIER' } });
      const noReply = await adminA.client.patch(`/api/organisations/${orgA}`, {
        alertMailbox: 'Ne_Pas-REPONDRE@ch-test.fr',
      });
      expect(noReply.body).toMatchObject({ error: { code: 'NO_REPLY_FORBIDDEN' } });
      const org = await adminA.client.get<{ city: string }>(`/api/organisations/${orgA}`);
      expect(org.body.city).toBe('Dunkerque');
    });

    it('registers staff, shows their activation link, and exports every account and address as CSV', async () => {
      const rpps = randomRpps();
      const staff = await adminA.client.post<{ id: string }>('/api/registrations', {
        email: 'jeanne.dupont@ch-test.fr',
        firstName: 'Jeanne',
        lastName: 'Dupont',
        role: 'professional',
        nationalIdKind: 'rpps',
        nationalId: rpps,
        profession: '10',
        specialty: 'SM04',
        organisationId: orgA,
        charterVersion: 1,
      });
      expect(staff.status).toBe(201);
      await technician.client.post(`/api/registrations/${staff.body.id}/approve`);
      const service = await adminA.client.post('/api/mailboxes', {
        address: `cardiologie@${MAIL_DOMAIN}`,
        kind: 'ORG',
        organisationId: orgA,
      });
      expect(service.status).toBe(201);
      const noReply = await adminA.client.post('/api/mailboxes', {
        address: `no_reply@${MAIL_DOMAIN}`,
        kind: 'APP',
        organisationId: orgA,
      });
      expect(noReply.body).toMatchObject({ error: { code: 'NO_REPLY_FORBIDDEN' } });

      const accounts = await adminA.client.get<
        Array<{
          email: string;
          status: string;
          activationUrl: string | null;
          mailboxes: Array<{ address: string }>;
        }>
      >(`/api/organisations/${orgA}/accounts`);
      const jeanne = accounts.body.find((a) => a.email === 'jeanne.dupont@ch-test.fr');
      expect(jeanne).toMatchObject({
        status: 'active',
        mailboxes: [{ address: `jeanne.dupont@${MAIL_DOMAIN}` }],
      });
      expect(jeanne?.activationUrl).toMatch(/^http:\/\/localhost:8080\/activate#token=/);

      const csv = await adminA.client.get(`/api/organisations/${orgA}/accounts.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.startsWith('\uFEFFnom;prénom;email')).toBe(true);
      expect(csv.text).toContain(
        `Dupont;Jeanne;jeanne.dupont@ch-test.fr;professional;active;${rpps};jeanne.dupont@${MAIL_DOMAIN} (PER)`,
      );
      expect(csv.text).toContain(`cardiologie@${MAIL_DOMAIN} (ORG)`);
      expect(csv.text).toContain(adminA.email);

      // The staff member activates with the link, then enrols the second factor.
      const token = jeanne!.activationUrl!.split('#token=')[1];
      const anon = new Client(t.app);
      const noCharter = await anon.post('/api/activate', { token, password: 'mon nouveau mot de passe' });
      expect(noCharter.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const activated = await anon.post<{ stage: string }>('/api/activate', {
        token,
        password: 'mon nouveau mot de passe',
        charterVersion: 1,
      });
      expect(activated.body).toEqual({ stage: 'enrol-totp' });
      expect(
        (await anon.post('/api/activate', { token, password: 'mon nouveau mot de passe', charterVersion: 1 }))
          .body,
      ).toMatchObject({
        error: { code: 'TOKEN_INVALID' },
      });
      const { client } = await signIn(t, 'jeanne.dupont@ch-test.fr', 'mon nouveau mot de passe');
      const me = await client.get<{
        memberships: Array<{ organisationName: string }>;
        charterVersion: number;
      }>('/api/me');
      expect(me.body.charterVersion).toBe(1);
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ organisationName: 'Centre hospitalier de Dunkerque' }),
      ]);
    });

    it('lets anyone search establishments by name or town for the registration form', async () => {
      const found = await new Client(t.app).get<Array<{ name: string }>>('/api/organisations/search?q=dunk');
      expect(found.body.map((o) => o.name)).toEqual(['Centre hospitalier de Dunkerque']);
    });
  });
}
