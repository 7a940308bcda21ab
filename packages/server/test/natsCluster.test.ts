import type { MailEvent } from '@liaison/core/api/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Client, staffUser, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, sealFor, type MailUser } from './support/mail.ts';
import { twoNodes } from './support/pki.ts';
import { MAIL_CHANGED } from '../src/mail/events.ts';
import { natsTestUrls, quiet, until } from './support/natsBus.ts';
import { twoNatsNodes } from './support/natsCluster.ts';
import { createGroup, sendText } from './support/chat.ts';

const listening = new WeakMap<TestInstance, Promise<string>>();

/** A node's address, listening from its first socket on (a Fastify app listens once). */
function addressOf(t: TestInstance): Promise<string> {
  let address = listening.get(t);
  if (!address) {
    address = t.app.listen({ port: 0, host: '127.0.0.1' });
    listening.set(t, address);
  }
  return address;
}

/** Opens a socket on a node and waits for the first message matching. */
async function socketOn(t: TestInstance, userId: string) {
  const address = await addressOf(t);
  const token = await t.ctx.sessions.create(userId, 'full', 'bearer');
  const socket = new WebSocket(`${address.replace('http', 'ws')}/api/ws`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const seen: unknown[] = [];
  socket.on('message', (data: Buffer) => void seen.push(JSON.parse(data.toString('utf8'))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    async next<T>(match: (m: unknown) => boolean, timeoutMs = 5_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = seen.find(match);
        if (found) return found as T;
        if (Date.now() > deadline) throw new Error('no such event');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const isMailFor = (address: string) => (m: unknown) =>
  (m as MailEvent).type === 'mail' && (m as MailEvent).mailbox === address;

// Runs everywhere: the control that shows the NATS cases below test something.
describe('two server nodes without LIAISON_NATS_URL', () => {
  it('keep their events to themselves', async () => {
    const cluster = await twoNodes(testBackends()[0]!);
    try {
      const [a, b] = cluster.nodes;
      const seen: string[] = [];
      a.bus.subscribe(MAIL_CHANGED, () => void seen.push('a'));
      b.bus.subscribe(MAIL_CHANGED, () => void seen.push('b'));
      b.bus.publish(MAIL_CHANGED, { mailboxId: 'm', address: 'x@liaison.test', seq: 1 });
      await until(() => seen.length > 0);
      await quiet();
      expect(seen).toEqual(['b']);
    } finally {
      await cluster.close();
    }
  });
});

// A cluster shares PostgreSQL (SQLite is one process's file), so this runs only with both services.
const postgres = testBackends().filter((backend) => backend.name === 'postgres');

for (const natsUrl of natsTestUrls()) {
  for (const backend of postgres) {
    describe(`two server nodes on ${backend.name} and NATS`, () => {
      let cluster: Awaited<ReturnType<typeof twoNatsNodes>>;
      let sender: MailUser;
      let recipient: MailUser;

      beforeAll(async () => {
        cluster = await twoNatsNodes(backend, natsUrl);
        await cluster.b.ctx.pki.ensureAuthority();
        const technician = (await staffUser(cluster.b, 'technician')).client;
        sender = await mailUser(cluster.b, technician, 'Sophie', 'Service');
        recipient = await mailUser(cluster.b, technician, 'Rachid', 'Ville');
      });
      afterAll(async () => cluster.close());

      it('a socket on node A hears of a letter submitted over HTTP to node B', async () => {
        // Each node built its own bus from LIAISON_NATS_URL: only NATS connects them.
        expect(cluster.a.ctx.bus.constructor.name).toBe('NatsBus');
        expect(cluster.a.ctx.bus).not.toBe(cluster.b.ctx.bus);
        const client = await socketOn(cluster.a, recipient.userId);
        const hello = await client.next<{ mailboxes: Array<{ address: string; seq: number }> }>(
          (m) => (m as { type?: string }).type === 'hello',
        );
        const start = hello.mailboxes.find((m) => m.address === recipient.address)!.seq;

        const submission = await sealFor(sender, { to: [recipient] });
        expect((await sender.client.post('/api/mail/messages', submission)).status).toBe(201);
        const event = await client.next<MailEvent>(isMailFor(recipient.address));
        expect(event.seq).toBe(start + 1);
        client.socket.close();
      });

      it('and the other way round: node A submits, a socket on node B hears it', async () => {
        const client = await socketOn(cluster.b, recipient.userId);
        await client.next((m) => (m as { type?: string }).type === 'hello');
        // The same signed-in browser, now routed by the load balancer to node A.
        const onA = new Client(cluster.a.app);
        for (const [name, value] of sender.client.cookies) onA.cookies.set(name, value);
        const submission = await sealFor(sender, { to: [recipient] });
        expect((await onA.post('/api/mail/messages', submission)).status).toBe(201);
        await client.next<MailEvent>(isMailFor(recipient.address));
        client.socket.close();
      });

      it('a care-team member connected to node A sees a chat message sent through node B at once', async () => {
        const group = await createGroup(sender, 'Équipe de soins', [recipient]);
        const client = await socketOn(cluster.a, recipient.userId);
        await client.next((m) => (m as { type?: string }).type === 'hello');
        const sent = await sendText(sender, group.id, [sender, recipient], 'Pansement refait à 14 h.');
        expect(sent.status).toBe(201);
        const event = await client.next<{ type: string; conversationId: string; seq: number }>(
          (m) => (m as { type?: string }).type === 'chat',
        );
        expect(event).toMatchObject({ conversationId: group.id, seq: sent.body.seq });
        client.socket.close();
      });
    });
  }
}
