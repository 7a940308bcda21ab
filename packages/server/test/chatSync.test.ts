import type { ChatMessage, ChatSync, Conversation } from '@liaison/core/api/chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUser } from './support/app.ts';
import { CONVERSATIONS, createGroup, messagesOf, sealChat, sendText } from './support/chat.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

type Refusal = { error: { code: string; message: string } };

for (const backend of testBackends()) {
  describe(`chat sync, receipts and rate limit on ${backend.name}`, () => {
    let t: PkiInstance;
    let nurse: MailUser;
    let doctor: MailUser;
    let midwife: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      [nurse, doctor, midwife] = await Promise.all([
        mailUser(t, technician, 'Inès', 'Infirmière'),
        mailUser(t, technician, 'Diane', 'Docteur'),
        mailUser(t, technician, 'Sage', 'Femme'),
      ]);
    });
    afterAll(async () => t.close());

    /** Each test starts in a fresh rate-limit window. */
    function freshWindow(): void {
      t.clock.advance(10_000);
    }

    async function syncAll(user: MailUser, id: string, after: number, limit: number): Promise<ChatMessage[]> {
      const all: ChatMessage[] = [];
      for (let from = after; ;) {
        const page = await user.client.get<ChatSync>(`${messagesOf(id)}?after=${from}&limit=${limit}`);
        expect(page.status).toBe(200);
        all.push(...page.body.messages);
        if (!page.body.more) return all;
        from = page.body.messages.at(-1)!.seq;
      }
    }

    it('numbers concurrent sends without gap or duplicate, and a retry returns the stored message', async () => {
      freshWindow();
      const group = await createGroup(nurse, 'Garde', [doctor]);
      const members = [nurse, doctor];
      const first = await sendText(nurse, group.id, members, 'premier');
      expect(first.status).toBe(201);
      // Six from each side at once.
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => sendText(i % 2 ? nurse : doctor, group.id, members, `m${i}`)),
      );
      expect(burst.map((b) => b.status)).toEqual(Array(12).fill(201));

      // A retry with the same id and bytes: the stored message, same seq, no new row.
      const again = await nurse.client.post<ChatMessage>(messagesOf(group.id), {
        id: first.body.id,
        kind: 'text',
        envelope: first.body.envelope,
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      // The same id with other content is a conflict, not an overwrite.
      const conflict = await nurse.client.post<Refusal>(messagesOf(group.id), {
        id: first.body.id,
        kind: 'text',
        envelope: await sealChat(members, 'autre'),
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe('CHAT_MESSAGE_CONFLICT');

      const all = await syncAll(doctor, group.id, 0, 5);
      expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      expect(new Set(all.map((m) => m.id)).size).toBe(13);
      const fromMiddle = await syncAll(nurse, group.id, 7, 100);
      expect(fromMiddle.map((m) => m.seq)).toEqual([8, 9, 10, 11, 12, 13]);
      const tail = await doctor.client.get<ChatSync>(`${messagesOf(group.id)}?after=13`);
      expect(tail.body).toEqual({ messages: [], lastSeq: 13, more: false });
    });

    it('answers a conflict, never a server error, when one id is sent to two conversations at once', async () => {
      freshWindow();
      const [ward, clinic] = await Promise.all([
        createGroup(nurse, 'Service', [doctor]),
        createGroup(nurse, 'Consultation', [midwife]),
      ]);
      const id = crypto.randomUUID();
      const both = await Promise.all([
        sendText(nurse, ward.id, [nurse, doctor], 'un', id),
        sendText(nurse, clinic.id, [nurse, midwife], 'deux', id),
      ]);
      expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
      expect(both.find((b) => b.status === 409)?.body.error?.code).toBe('CHAT_MESSAGE_CONFLICT');
    });

    it('counts unread messages and keeps receipts monotonic', async () => {
      freshWindow();
      const group = await createGroup(nurse, 'Reçus', [doctor]);
      for (const text of ['a', 'b', 'c']) {
        expect((await sendText(nurse, group.id, [nurse, doctor], text)).status).toBe(201);
      }
      const view = async (user: MailUser) =>
        (await user.client.get<Conversation>(`${CONVERSATIONS}/${group.id}`)).body;
      expect((await view(doctor)).unread).toBe(3);
      expect((await view(nurse)).unread).toBe(0);

      const delivered = await doctor.client.post<Conversation>(`${CONVERSATIONS}/${group.id}/delivered`, {
        seq: 3,
      });
      expect(delivered.body.members.find((m) => m.userId === doctor.userId)).toMatchObject({
        deliveredSeq: 3,
        readSeq: 0,
      });
      const read = await doctor.client.post<Conversation>(`${CONVERSATIONS}/${group.id}/read`, { seq: 2 });
      expect(read.body.unread).toBe(1);
      // Never backwards, and never past the last message.
      await doctor.client.post(`${CONVERSATIONS}/${group.id}/read`, { seq: 1 });
      await doctor.client.post(`${CONVERSATIONS}/${group.id}/delivered`, { seq: 0 });
      let me = (await view(doctor)).members.find((m) => m.userId === doctor.userId)!;
      expect(me).toMatchObject({ deliveredSeq: 3, readSeq: 2 });
      await doctor.client.post(`${CONVERSATIONS}/${group.id}/read`, { seq: 99 });
      me = (await view(doctor)).members.find((m) => m.userId === doctor.userId)!;
      expect(me).toMatchObject({ deliveredSeq: 3, readSeq: 3 });
      expect((await view(doctor)).unread).toBe(0);
      // The sender sees the doctor's read mark.
      expect((await view(nurse)).members.find((m) => m.userId === doctor.userId)!.readSeq).toBe(3);

      // A newcomer starts at the current seq: no earlier history, nothing unread.
      await nurse.client.post(`${CONVERSATIONS}/${group.id}/members`, { userIds: [midwife.userId] });
      expect((await view(midwife)).unread).toBe(0);
      expect((await midwife.client.get<ChatSync>(messagesOf(group.id))).body.messages).toEqual([]);
      await sendText(doctor, group.id, [nurse, doctor, midwife], 'bienvenue');
      const seen = await midwife.client.get<ChatSync>(messagesOf(group.id));
      expect(seen.body.messages.map((m) => m.seq)).toEqual([4]);
      expect((await view(midwife)).unread).toBe(1);

      const list = await doctor.client.get<Conversation[]>(CONVERSATIONS);
      expect(list.body.find((c) => c.id === group.id)).toMatchObject({ lastSeq: 4, unread: 0 });
    });

    it('rate limits a flooding sender with a clear error, and only them', async () => {
      freshWindow();
      const group = await createGroup(nurse, 'Flood', [doctor]);
      const envelope = await sealChat([nurse, doctor], 'flood');
      const answers = [];
      for (let i = 0; i < 21; i++) {
        answers.push(
          await nurse.client.post<Refusal>(messagesOf(group.id), {
            id: crypto.randomUUID(),
            kind: 'text',
            envelope,
          }),
        );
      }
      expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(201));
      expect(answers[20]!.status).toBe(429);
      expect(answers[20]!.body.error.code).toBe('CHAT_RATE_LIMITED');
      expect(answers[20]!.body.error.message).toMatch(/wait a few seconds/);
      expect((await sendText(doctor, group.id, [nurse, doctor], 'moi je peux')).status).toBe(201);
      freshWindow();
      expect((await sendText(nurse, group.id, [nurse, doctor], 'de nouveau')).status).toBe(201);
    });
  });
}
