import type { MailEvent } from '@liaison/core/api/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, sealFor, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

/** Collects the JSON messages of one socket; `next` waits for the first one matching. */
function listen(url: string, token: string) {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const seen: unknown[] = [];
  const waiters: Array<{ match: (m: unknown) => boolean; resolve: (m: unknown) => void }> = [];
  socket.on('message', (data: Buffer) => {
    const message: unknown = JSON.parse(data.toString('utf8'));
    seen.push(message);
    for (const w of [...waiters]) {
      if (w.match(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  return {
    socket,
    opened: new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    next<T>(match: (m: unknown) => boolean, timeoutMs = 5000): Promise<T> {
      const already = seen.find(match);
      if (already) return Promise.resolve(already as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such event')), timeoutMs);
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as T);
          },
        });
      });
    },
  };
}

for (const backend of testBackends()) {
  describe(`new-mail events over WebSocket on ${backend.name}`, () => {
    let t: PkiInstance;
    let sender: MailUser;
    let recipient: MailUser;
    let url: string;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      sender = await mailUser(t, technician, 'Sophie', 'Service');
      recipient = await mailUser(t, technician, 'Rachid', 'Ville');
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      url = `${address.replace('http', 'ws')}/api/ws`;
    });
    afterAll(async () => t.close());

    it('tells a connected recipient after commit, with the sequence to sync to', async () => {
      const token = await t.ctx.sessions.create(recipient.userId, 'full', 'bearer');
      const client = listen(url, token);
      await client.opened;
      const hello = await client.next<{ mailboxes: Array<{ address: string; seq: number }> }>(
        (m) => (m as { type?: string }).type === 'hello',
      );
      const start = hello.mailboxes.find((m) => m.address === recipient.address)!.seq;

      const submission = await sealFor(sender, { to: [recipient] });
      expect((await sender.client.post('/api/mail/messages', submission)).status).toBe(201);
      const event = await client.next<MailEvent>(
        (m) => (m as MailEvent).type === 'mail' && (m as MailEvent).mailbox === recipient.address,
      );
      expect(event.seq).toBe(start + 1);
      client.socket.close();
    });

    it('refuses the upgrade without a session, and tells nothing about other mailboxes', async () => {
      const anonymous = new WebSocket(url);
      const status = await new Promise<number>((resolve) => {
        anonymous.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        anonymous.on('open', () => resolve(101));
      });
      expect(status).toBe(401);

      const token = await t.ctx.sessions.create(sender.userId, 'full', 'bearer');
      const bystander = listen(url, token);
      await bystander.opened;
      const other = await sealFor(recipient, { to: [recipient] });
      expect((await recipient.client.post('/api/mail/messages', other)).status).toBe(201);
      await expect(
        bystander.next((m) => (m as MailEvent).mailbox === recipient.address, 500),
      ).rejects.toThrow('no such event');
      bystander.socket.close();
    });
  });
}
