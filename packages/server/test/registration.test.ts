import { randomPerson, randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, MAIL_DOMAIN, signIn, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

const PASSWORD = 'une phrase de passe solide';

function registration(overrides: Record<string, unknown> = {}) {
  const person = randomPerson();
  return {
    email: `${person.firstName}.${person.surname}.${Math.random().toString(36).slice(2, 7)}@cabinet.test`
      .normalize('NFD')
      .replace(/[^a-zA-Z0-9.@-]/g, '')
      .toLowerCase(),
    password: PASSWORD,
    firstName: person.firstName,
    lastName: person.surname,
    nationalIdKind: 'rpps',
    nationalId: randomRpps(),
    profession: '10',
    specialty: 'SM54',
    charterVersion: 1,
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`registration → approval over HTTP on ${backend.name}`, () => {
    let t: TestInstance;
    let technician: Awaited<ReturnType<typeof staffUser>>;
    beforeAll(async () => {
      t = await startInstance(backend);
      technician = await staffUser(t, 'technician');
    });
    afterAll(async () => t.close());

    it('keeps a registration pending and unusable until a technician approves it', async () => {
      const anon = new Client(t.app);
      const form = registration({ firstName: 'Élodie', lastName: 'Le Gall' });
      const submitted = await anon.post<{ id: string; status: string }>('/api/registrations', form);
      expect(submitted.status).toBe(201);
      expect(submitted.body.status).toBe('pending');

      const early = await new Client(t.app).post('/api/auth/login', {
        email: form.email,
        password: PASSWORD,
      });
      expect(early.status).toBe(403);
      expect(early.body).toMatchObject({ error: { code: 'ACCOUNT_PENDING' } });

      const queue = await technician.client.get<Array<{ id: string; email: string }>>(
        '/api/registrations?status=pending',
      );
      expect(queue.status).toBe(200);
      expect(queue.body.map((r) => r.email)).toContain(form.email);

      const approved = await technician.client.post<{ status: string }>(
        `/api/registrations/${submitted.body.id}/approve`,
      );
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');

      const { client } = await signIn(t, form.email, PASSWORD);
      const me = await client.get<{
        firstName: string;
        nationalId: string;
        mailboxes: Array<{ address: string; kind: string }>;
        charterVersion: number;
        totpEnabled: boolean;
      }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        firstName: 'Élodie',
        nationalId: form.nationalId,
        charterVersion: 1,
        totpEnabled: true,
      });
      expect(me.body.mailboxes).toEqual([
        expect.objectContaining({ address: `elodie.le-gall@${MAIL_DOMAIN}`, kind: 'PER' }),
      ]);

      const again = await technician.client.post(`/api/registrations/${submitted.body.id}/approve`);
      expect(again.body).toMatchObject({ error: { code: 'ALREADY_DECIDED' } });
    });

    it('refuses a professional who tries to approve, and shows the queue to technicians only', async () => {
      const pending = await new Client(t.app).post<{ id: string }>('/api/registrations', registration());
      const form = registration();
      await new Client(t.app)
        .post<{ id: string }>('/api/registrations', form)
        .then((r) => technician.client.post(`/api/registrations/${r.body.id}/approve`));
      const { client: professional } = await signIn(t, form.email, PASSWORD);
      const approve = await professional.post(`/api/registrations/${pending.body.id}/approve`);
      expect(approve.status).toBe(403);
      expect(approve.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await professional.get('/api/registrations')).status).toBe(403);
      expect((await new Client(t.app).get('/api/registrations')).body).toMatchObject({
        error: { code: 'NOT_AUTHENTICATED' },
      });
    });

    it('records a rejection with its reason and keeps the person out', async () => {
      const form = registration();
      const submitted = await new Client(t.app).post<{ id: string }>('/api/registrations', form);
      const short = await technician.client.post(`/api/registrations/${submitted.body.id}/reject`, {
        reason: '',
      });
      expect(short.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const rejected = await technician.client.post<{ status: string; reason: string }>(
        `/api/registrations/${submitted.body.id}/reject`,
        { reason: 'RPPS inconnu du répertoire national' },
      );
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        reason: 'RPPS inconnu du répertoire national',
      });
      const login = await new Client(t.app).post('/api/auth/login', {
        email: form.email,
        password: PASSWORD,
      });
      expect(login.body).toMatchObject({ error: { code: 'ACCOUNT_REJECTED' } });
    });

    it('refuses bad input with stable codes and writes nothing', async () => {
      const anon = new Client(t.app);
      const countUsers = async () =>
        Number(
          (
            await t.ctx.db.read
              .selectFrom('users')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await countUsers();

      const cases: Array<[unknown, string]> = [
        [registration({ nationalId: '10003456789' }), 'INVALID_IDENTIFIER'],
        [registration({ nationalId: '123' }), 'INVALID_IDENTIFIER'],
        [registration({ profession: '999' }), 'UNKNOWN_CODE'],
        [registration({ specialty: 'SM999' }), 'UNKNOWN_CODE'],
        [registration({ charterVersion: 99 }), 'CHARTER_NOT_ACCEPTED'],
        [registration({ isAdmin: true }), 'VALIDATION_FAILED'],
        [registration({ email: 'not-an-email' }), 'VALIDATION_FAILED'],
        [registration({ password: 'short' }), 'VALIDATION_FAILED'],
        [registration({ nationalId: undefined, nationalIdKind: undefined }), 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of cases) {
        const res = await anon.post('/api/registrations', body);
        expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body, JSON.stringify(body)).toMatchObject({ error: { code } });
      }

      const malformed = await anon.call('POST', '/api/registrations', undefined, {
        body: '{"email": ',
        type: 'application/json',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ error: { code: 'MALFORMED_JSON' } });

      const huge = await anon.call('POST', '/api/registrations', undefined, {
        body: JSON.stringify(registration({ lastName: 'x'.repeat(2 * 1024 * 1024) })),
        type: 'application/json',
      });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });

      const wrongType = await anon.call('POST', '/api/registrations', undefined, {
        body: 'email=x',
        type: 'application/x-www-form-urlencoded',
      });
      expect(wrongType.status).toBe(415);

      // A duplicate RPPS fails after the first checks passed: the transaction must leave nothing behind.
      const first = registration();
      expect((await anon.post('/api/registrations', first)).status).toBe(201);
      const dup = await anon.post('/api/registrations', registration({ nationalId: first.nationalId }));
      expect(dup.body).toMatchObject({ error: { code: 'NATIONAL_ID_TAKEN' } });
      const dupEmail = await anon.post('/api/registrations', registration({ email: first.email }));
      expect(dupEmail.body).toMatchObject({ error: { code: 'EMAIL_TAKEN' } });
      expect(await countUsers()).toBe(before + 1);
    });

    it('refuses forged and expired sessions', async () => {
      const forged = new Client(t.app);
      forged.cookie = 'forged-token-that-was-never-issued';
      expect((await forged.get('/api/me')).body).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
      forged.cookie = undefined;
      forged.bearer = 'also-forged';
      expect((await forged.get('/api/me')).status).toBe(401);

      const { client } = await staffUser(t, 'professional');
      expect((await client.get('/api/me')).status).toBe(200);
      t.clock.advance(2 * 3600_000); // idle for two hours
      expect((await client.get('/api/me')).body).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
    });

    it('gives a professional created at the console their personal mailbox, as approval does', async () => {
      const { client } = await staffUser(t, 'professional');
      const me = await client.get<{ mailboxes: Array<{ kind: string; address: string }> }>('/api/me');
      expect(me.body.mailboxes.map((m) => m.kind)).toEqual(['PER']);
      expect(me.body.mailboxes[0]?.address).toMatch(
        new RegExp(`^camille\\.professional\\d*@${MAIL_DOMAIN}$`),
      );
    });

    it('answers unknown API paths with a JSON 404', async () => {
      const res = await new Client(t.app).get('/api/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });
}
