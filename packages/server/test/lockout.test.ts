import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, staffUser, startInstance, totpNow, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

for (const backend of testBackends()) {
  describe(`login lockout and second factor on ${backend.name}`, () => {
    let t: TestInstance;
    beforeAll(async () => {
      t = await startInstance(backend);
    });
    afterAll(async () => t.close());

    it('locks an account after five wrong passwords, even for the right one, until the lock expires', async () => {
      const user = await staffUser(t, 'professional');
      const anon = new Client(t.app);
      for (let i = 0; i < 4; i++) {
        const res = await anon.post('/api/auth/login', { email: user.email, password: 'wrong password!' });
        expect(res.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
      }
      const fifth = await anon.post('/api/auth/login', { email: user.email, password: 'wrong password!' });
      expect(fifth.status).toBe(423);
      expect(fifth.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
      const right = await anon.post('/api/auth/login', { email: user.email, password: user.password });
      expect(right.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });

      t.clock.advance(16 * 60_000);
      const later = await signIn(t, user.email, user.password, user.totpSecret);
      expect((await later.client.get('/api/me')).status).toBe(200);
    });

    it('counts wrong TOTP codes too, refuses a replayed code, and accepts a recovery code once', async () => {
      const user = await staffUser(t, 'professional');
      t.clock.advance(60_000);
      const client = new Client(t.app);
      await client.post('/api/auth/login', { email: user.email, password: user.password });
      expect((await client.get('/api/me')).body).toMatchObject({ error: { code: 'SECOND_FACTOR_REQUIRED' } });
      const good = await totpNow(user.totpSecret, t.clock);
      expect((await client.post('/api/auth/totp/verify', { code: good })).status).toBe(200);

      const replay = new Client(t.app);
      await replay.post('/api/auth/login', { email: user.email, password: user.password });
      expect((await replay.post('/api/auth/totp/verify', { code: good })).body).toMatchObject({
        error: { code: 'INVALID_TOTP' },
      });

      const recovery = user.recoveryCodes[0]!;
      expect((await replay.post('/api/auth/totp/verify', { code: recovery })).status).toBe(200);
      const reuse = new Client(t.app);
      await reuse.post('/api/auth/login', { email: user.email, password: user.password });
      expect((await reuse.post('/api/auth/totp/verify', { code: recovery })).body).toMatchObject({
        error: { code: 'INVALID_TOTP' },
      });

      for (let i = 0; i < 3; i++) await reuse.post('/api/auth/totp/verify', { code: '000000' });
      const locked = await reuse.post('/api/auth/totp/verify', { code: '000000' });
      expect(locked.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    });

    it('does not say whether an email exists', async () => {
      const res = await new Client(t.app).post('/api/auth/login', {
        email: 'personne@nulle-part.test',
        password: 'whatever it is',
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    });

    it('ends other sessions when the password changes, and logout ends this one', async () => {
      const user = await staffUser(t, 'professional');
      t.clock.advance(60_000);
      const other = await signIn(t, user.email, user.password, user.totpSecret);
      const change = await user.client.post('/api/auth/password', {
        currentPassword: user.password,
        newPassword: 'une toute nouvelle phrase',
      });
      expect(change.status).toBe(204);
      expect((await other.client.get('/api/me')).status).toBe(401);
      expect((await user.client.get('/api/me')).status).toBe(200);
      expect((await user.client.post('/api/auth/logout')).status).toBe(204);
      expect((await user.client.get('/api/me')).status).toBe(401);
    });
  });
}
