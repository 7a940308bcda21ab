import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signIn, staffUser, startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';

const BACKUP_V1 = Buffer.from([0x30, 0x82, 0x01, 0x00, 1, 2, 3]).toString('base64');
const BACKUP_V2 = Buffer.from([0x30, 0x82, 0x02, 0x00, 4, 5, 6]).toString('base64');

for (const backend of testBackends()) {
  describe(`devices and key backup on ${backend.name}`, () => {
    let t: TestInstance;
    beforeAll(async () => {
      t = await startInstance(backend);
    });
    afterAll(async () => t.close());

    it('enrols the first device at once, and a second one only with the code typed on the first', async () => {
      const user = await staffUser(t, 'professional');
      const laptop = user.client;
      const first = await laptop.post<{
        device: { status: string; current: boolean };
        approvalCode?: string;
      }>('/api/devices', {
        name: 'Cabinet — poste 1',
      });
      expect(first.status).toBe(201);
      expect(first.body.device).toMatchObject({ status: 'active', current: true });
      expect(first.body.approvalCode).toBeUndefined();
      expect(laptop.cookies.get('liaison_device')).toBeDefined();
      expect(first.body).not.toHaveProperty('deviceToken');

      expect((await laptop.get('/api/keys/backup')).body).toMatchObject({
        error: { code: 'BACKUP_NOT_FOUND' },
      });
      const saved = await laptop.put<{ version: number }>('/api/keys/backup', {
        backup: BACKUP_V1,
        expectedVersion: null,
      });
      expect(saved.body.version).toBe(1);
      const stale = await laptop.put('/api/keys/backup', { backup: BACKUP_V2, expectedVersion: null });
      expect(stale.body).toMatchObject({ error: { code: 'BACKUP_CONFLICT' } });

      t.clock.advance(60_000);
      const phone = (await signIn(t, user.email, user.password, user.totpSecret)).client;
      expect((await phone.get('/api/keys/backup')).body).toMatchObject({
        error: { code: 'DEVICE_REQUIRED' },
      });
      const second = await phone.post<{ device: { id: string; status: string }; approvalCode: string }>(
        '/api/devices',
        {
          name: 'Téléphone',
        },
      );
      expect(second.body.device.status).toBe('pending');
      expect(second.body.approvalCode).toMatch(/^[0-9]{3} [0-9]{3}$/);
      expect((await phone.get('/api/keys/backup')).body).toMatchObject({
        error: { code: 'DEVICE_NOT_APPROVED' },
      });
      // A pending device cannot approve itself.
      expect(
        (await phone.post('/api/devices/approve', { code: second.body.approvalCode })).body,
      ).toMatchObject({
        error: { code: 'DEVICE_NOT_APPROVED' },
      });

      const wrong = second.body.approvalCode === '000 000' ? '111 111' : '000 000';
      expect((await laptop.post('/api/devices/approve', { code: wrong })).body).toMatchObject({
        error: { code: 'DEVICE_CODE_INVALID' },
      });
      const approved = await laptop.post<{ status: string; id: string }>('/api/devices/approve', {
        code: second.body.approvalCode,
      });
      expect(approved.body).toMatchObject({ status: 'active', id: second.body.device.id });
      const restored = await phone.get<{ backup: string; version: number }>('/api/keys/backup');
      expect(restored.body).toMatchObject({ backup: BACKUP_V1, version: 1 });

      // Signing in again on the same phone keeps its enrolment.
      t.clock.advance(60_000);
      await signIn(t, user.email, user.password, user.totpSecret, phone);
      expect((await phone.get('/api/keys/backup')).status).toBe(200);

      t.clock.advance(5 * 60_000);
      await phone.get('/api/me');
      const devices =
        await laptop.get<Array<{ name: string; status: string; current: boolean; lastSeenAt: string }>>(
          '/api/devices',
        );
      expect(devices.body.find((d) => d.name === 'Téléphone')?.lastSeenAt).toBe(t.clock.now().toISOString());
      expect(devices.body.map((d) => [d.name, d.status, d.current]).sort()).toEqual([
        ['Cabinet — poste 1', 'active', true],
        ['Téléphone', 'active', false],
      ]);

      // Revoking the phone ends its session now, and its device secret is worthless afterwards.
      const revoke = await laptop.post(`/api/devices/${second.body.device.id}/revoke`);
      expect(revoke.status).toBe(204);
      expect((await phone.get('/api/me')).status).toBe(401);
      t.clock.advance(60_000);
      await signIn(t, user.email, user.password, user.totpSecret, phone);
      expect((await phone.get('/api/keys/backup')).body).toMatchObject({
        error: { code: 'DEVICE_REQUIRED' },
      });
    });

    it('issues certificates only to an enrolled device', async () => {
      const user = await staffUser(t, 'professional');
      const csr = await user.client.post('/api/pki/csr', {
        usage: 'signing',
        csrPem: 'not read before the device check',
      });
      expect(csr.body).toMatchObject({ error: { code: 'DEVICE_REQUIRED' } });
      await user.client.post('/api/devices', { name: 'Poste' });
      t.clock.advance(60_000);
      const other = (await signIn(t, user.email, user.password, user.totpSecret)).client;
      await other.post('/api/devices', { name: 'Pas encore approuvé' });
      const pending = await other.post('/api/pki/csr', {
        usage: 'signing',
        csrPem: 'not read before the device check',
      });
      expect(pending.body).toMatchObject({ error: { code: 'DEVICE_NOT_APPROVED' } });
    });

    it('lets a technician approve a device, but not another professional', async () => {
      const user = await staffUser(t, 'professional');
      await user.client.post('/api/devices', { name: 'Poste' });
      t.clock.advance(60_000);
      const other = (await signIn(t, user.email, user.password, user.totpSecret)).client;
      const pending = await other.post<{ device: { id: string } }>('/api/devices', { name: 'Nouveau poste' });
      const stranger = await staffUser(t, 'professional');
      expect(
        (await stranger.client.post(`/api/devices/${pending.body.device.id}/approve`)).body,
      ).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect((await stranger.client.get(`/api/devices?userId=${user.id}`)).status).toBe(403);
      const technician = await staffUser(t, 'technician');
      const seen = await technician.client.get<Array<{ id: string; status: string }>>(
        `/api/devices?userId=${user.id}`,
      );
      expect(seen.body.find((d) => d.id === pending.body.device.id)?.status).toBe('pending');
      const ok = await technician.client.post<{ status: string }>(
        `/api/devices/${pending.body.device.id}/approve`,
      );
      expect(ok.body.status).toBe('active');
      expect(
        (await technician.client.post(`/api/devices/${pending.body.device.id}/approve`)).body,
      ).toMatchObject({
        error: { code: 'DEVICE_NOT_PENDING' },
      });
    });

    it('issues revocable long-lived connector tokens from an enrolled device only', async () => {
      const user = await staffUser(t, 'professional');
      expect(
        (await user.client.post('/api/devices/connectors', { name: 'Passerelle logiciel' })).body,
      ).toMatchObject({
        error: { code: 'DEVICE_REQUIRED' },
      });
      await user.client.post('/api/devices', { name: 'Poste' });
      const created = await user.client.post<{ device: { id: string; kind: string }; token: string }>(
        '/api/devices/connectors',
        {
          name: 'Passerelle logiciel',
        },
      );
      expect(created.body.device.kind).toBe('connector');
      const connector = new Client(t.app);
      connector.bearer = created.body.token;
      t.clock.advance(30 * 24 * 3600_000);
      expect((await connector.get('/api/me')).status).toBe(200);
      // The person's own web session ended long ago; they sign in again to revoke the connector.
      await signIn(t, user.email, user.password, user.totpSecret, user.client);
      expect((await user.client.post(`/api/devices/${created.body.device.id}/revoke`)).status).toBe(204);
      expect((await connector.get('/api/me')).status).toBe(401);
    });

    it('refuses a backup that is not a base64 DER structure, or too big, and keeps the old one', async () => {
      const user = await staffUser(t, 'professional');
      await user.client.post('/api/devices', { name: 'Poste' });
      await user.client.put('/api/keys/backup', { backup: BACKUP_V1, expectedVersion: null });
      for (const backup of ['not base64!', Buffer.from('hello').toString('base64')]) {
        const res = await user.client.put('/api/keys/backup', { backup, expectedVersion: 1 });
        expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
      expect((await user.client.get<{ backup: string }>('/api/keys/backup')).body.backup).toBe(BACKUP_V1);
    });
  });
}
