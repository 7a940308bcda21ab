import type { ChatEvent, ChatMessage, ChatReceiptEvent, ChatSync } from '@liaison/core/api/chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { staffUser } from './support/app.ts';
import { CONVERSATIONS, createGroup, messagesOf, sendText } from './support/chat.ts';
import { testBackends } from './support/databases.ts';
import { listen } from './support/sockets.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

const isChat = (conversationId: string, seq: number) => (m: unknown) =>
  (m as ChatEvent).type === 'chat' &&
  (m as ChatEvent).conversationId === conversationId &&
  (m as ChatEvent).seq === seq;

for (const backend of testBackends()) {
  describe(`chat events over WebSocket on ${backend.name}`, () => {
    let t: PkiInstance;
    let nurse: MailUser;
    let doctor: MailUser;
    let outsider: MailUser;
    let url: string;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      [nurse, doctor, outsider] = await Promise.all([
        mailUser(t, technician, 'Inès', 'Infirmière'),
        mailUser(t, technician, 'Diane', 'Docteur'),
        mailUser(t, technician, 'Oscar', 'Dehors'),
      ]);
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      url = `${address.replace('http', 'ws')}/api/ws`;
    });
    afterAll(async () => t.close());

    it("pushes a message's number to the members' sockets only, and survives broken frames", async () => {
      const doctorSocket = listen(url, await t.ctx.sessions.create(doctor.userId, 'full', 'bearer'));
      const outsiderSocket = listen(url, await t.ctx.sessions.create(outsider.userId, 'full', 'bearer'));
      const rude = listen(url, await t.ctx.sessions.create(outsider.userId, 'full', 'bearer'));
      await Promise.all([doctorSocket.opened, outsiderSocket.opened, rude.opened]);

      // Garbage from clients: a text frame that is not JSON, invalid UTF-8, an oversized frame.
      doctorSocket.socket.send('{ not json');
      rude.socket.send(Buffer.from([0xc3, 0x28]), { binary: false });
      expect(await rude.closed).toBe(1007);
      const huge = listen(url, await t.ctx.sessions.create(outsider.userId, 'full', 'bearer'));
      await huge.opened;
      huge.socket.send('x'.repeat(10_000));
      expect(await huge.closed).toBe(1009);

      const group = await createGroup(nurse, 'Temps réel', [doctor]);
      await doctorSocket.waitFor(
        (m) => (m as ChatEvent).type === 'chat.conversation' && (m as ChatEvent).conversationId === group.id,
      );
      expect((await sendText(nurse, group.id, [nurse, doctor], 'en direct')).status).toBe(201);
      expect(await doctorSocket.waitFor(isChat(group.id, 1))).toEqual({
        type: 'chat',
        conversationId: group.id,
        seq: 1,
      });
      expect((await sendText(doctor, group.id, [nurse, doctor], 'reçu')).status).toBe(201);
      await doctorSocket.waitFor(isChat(group.id, 2));

      // The nurse reads: the doctor's socket sees her read mark move (ticks).
      await nurse.client.post(`${CONVERSATIONS}/${group.id}/read`, { seq: 2 });
      await nurse.client.post(`${CONVERSATIONS}/${group.id}/read`, { seq: 2 });
      expect(
        await doctorSocket.waitFor(
          (m) => (m as ChatReceiptEvent).type === 'chat.receipt' && (m as ChatReceiptEvent).readSeq === 2,
        ),
      ).toEqual({
        type: 'chat.receipt',
        conversationId: group.id,
        userId: nurse.userId,
        deliveredSeq: 2,
        readSeq: 2,
      });

      // The outsider's socket (still open) heard nothing about this conversation.
      expect(outsiderSocket.socket.readyState).toBe(WebSocket.OPEN);
      expect(doctorSocket.socket.readyState).toBe(WebSocket.OPEN);
      expect(
        outsiderSocket.seen.filter((m) => (m as { conversationId?: string }).conversationId === group.id),
      ).toEqual([]);

      // A removed member is told once (to drop it), then hears no more.
      await nurse.client.delete(`${CONVERSATIONS}/${group.id}/members/${doctor.userId}`);
      await doctorSocket.waitFor(
        (m) => (m as ChatEvent).type === 'chat.conversation' && (m as ChatEvent).seq === 2,
      );
      expect((await sendText(nurse, group.id, [nurse], 'seule')).status).toBe(201);
      await new Promise((r) => setTimeout(r, 200));
      expect(doctorSocket.seen.some(isChat(group.id, 3))).toBe(false);

      doctorSocket.socket.close();
      outsiderSocket.socket.close();
    });

    it('a device that lost its socket catches up in order, with no gap and no duplicate', async () => {
      const group = await createGroup(nurse, 'Coupure réseau', [doctor]);
      // The doctor's device: what it holds, and its cursor (the last seq it has).
      const held: ChatMessage[] = [];
      let cursor = 0;
      const catchUp = async () => {
        for (;;) {
          const page = await doctor.client.get<ChatSync>(`${messagesOf(group.id)}?after=${cursor}&limit=2`);
          held.push(...page.body.messages);
          cursor = page.body.messages.at(-1)?.seq ?? cursor;
          if (!page.body.more) return;
        }
      };
      const first = listen(url, await t.ctx.sessions.create(doctor.userId, 'full', 'bearer'));
      await first.opened;
      await sendText(nurse, group.id, [nurse, doctor], 'un');
      await first.waitFor(isChat(group.id, 1));
      await catchUp();

      // The phone goes through a tunnel: its socket drops, and the events of 2 to 4 go nowhere.
      first.socket.terminate();
      for (const text of ['deux', 'trois', 'quatre']) {
        expect((await sendText(nurse, group.id, [nurse, doctor], text)).status).toBe(201);
      }
      const second = listen(url, await t.ctx.sessions.create(doctor.userId, 'full', 'bearer'));
      await second.opened;
      await sendText(nurse, group.id, [nurse, doctor], 'cinq');
      // The next event names seq 5 while the device holds 1: it syncs from its cursor, not from the event.
      await second.waitFor(isChat(group.id, 5));
      expect(second.seen.some(isChat(group.id, 2))).toBe(false);
      await catchUp();
      // A duplicate event (or a second sync) adds nothing.
      await catchUp();
      expect(held.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(held.map((m) => m.id)).size).toBe(5);
      second.socket.close();
    });
  });
}
