import type { ChatMessage, ChatPhoto, ChatSync } from '@liaison/core/api/chat';
import { base64Encode, decrypt, encrypt, exportPkcs8 } from '@liaison/core/crypto/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUser } from './support/app.ts';
import { createGroup, messagesOf, sealChat } from './support/chat.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

type Refusal = { error: { code: string } };

/**
 * Photos on the server side: it stores the photo's envelope apart from its small card, holds both to
 * the recipients rule, and hands the photo only to members who were recipients. The image work itself
 * (reduction, metadata, the receiving check) is the devices' and is tested in core and in the browser.
 */
for (const backend of testBackends()) {
  describe(`chat photos on ${backend.name}`, () => {
    let t: PkiInstance;
    let nurse: MailUser;
    let doctor: MailUser;
    let latecomer: MailUser;
    let outsider: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      const technician = (await staffUser(t, 'technician')).client;
      [nurse, doctor, latecomer, outsider] = await Promise.all([
        mailUser(t, technician, 'Inès', 'Infirmière'),
        mailUser(t, technician, 'Diane', 'Docteur'),
        mailUser(t, technician, 'Luc', 'Tardif'),
        mailUser(t, technician, 'Oscar', 'Dehors'),
      ]);
    });
    afterAll(() => t.close());

    const seal = async (forUsers: readonly MailUser[], bytes: Uint8Array) =>
      base64Encode(
        await encrypt({ content: bytes, recipients: forUsers.map((u) => u.encryptionCertificatePem) }),
      );

    async function photoMessage(forUsers: readonly MailUser[], jpeg: Uint8Array, id = crypto.randomUUID()) {
      return {
        id,
        kind: 'photo' as const,
        envelope: await sealChat(forUsers, JSON.stringify({ caption: 'Plaie talon J3' })),
        photo: await seal(forUsers, jpeg),
      };
    }

    it('stores a photo apart from its card and gives it to the members who were recipients', async () => {
      const group = await createGroup(nurse, 'Équipe soins', [doctor]);
      const jpeg = new Uint8Array([0xff, 0xd8, ...Buffer.from(`pixels ${crypto.randomUUID()}`)]);
      const body = await photoMessage([nurse, doctor], jpeg);
      const sent = await nurse.client.post<ChatMessage>(messagesOf(group.id), body);
      expect(sent.status).toBe(201);
      expect(sent.body.kind).toBe('photo');
      expect(sent.body.photoBytes).toBe(Buffer.from(body.photo, 'base64').length);
      // A retry of the same message is the same message; the same id with another photo is not.
      const retry = await nurse.client.post<ChatMessage>(messagesOf(group.id), body);
      expect([retry.status, retry.body.seq]).toEqual([200, sent.body.seq]);
      const other = await nurse.client.post<Refusal>(messagesOf(group.id), {
        ...body,
        photo: await seal([nurse, doctor], new Uint8Array([1, 2, 3])),
      });
      expect([other.status, other.body.error.code]).toEqual([409, 'CHAT_MESSAGE_CONFLICT']);

      // Sync carries the card and the photo's size, not the photo.
      const synced = await doctor.client.get<ChatSync>(messagesOf(group.id));
      const [message] = synced.body.messages;
      expect(message).toMatchObject({ kind: 'photo', photoBytes: sent.body.photoBytes });
      expect(JSON.stringify(synced.body)).not.toContain(body.photo);

      const fetched = await doctor.client.get<ChatPhoto>(`${messagesOf(group.id)}/${body.id}/photo`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.envelope).toBe(body.photo);
      const opened = await decrypt({
        envelope: new Uint8Array(Buffer.from(fetched.body.envelope, 'base64')),
        recipient: {
          certificatePem: doctor.encryptionCertificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(doctor.encryption.privateKey)),
        },
      });
      expect(Buffer.from(opened).equals(Buffer.from(jpeg))).toBe(true);

      // Someone added later was not a recipient: no photo for them, as for a text message.
      await nurse.client.post(`/api/chat/conversations/${group.id}/members`, { userIds: [latecomer.userId] });
      const late = await latecomer.client.get<Refusal>(`${messagesOf(group.id)}/${body.id}/photo`);
      expect([late.status, late.body.error.code]).toEqual([404, 'CHAT_PHOTO_NOT_FOUND']);
      const stranger = await outsider.client.get<Refusal>(`${messagesOf(group.id)}/${body.id}/photo`);
      expect([stranger.status, stranger.body.error.code]).toEqual([404, 'CHAT_NOT_MEMBER']);
    });

    it('holds the photo to the recipients rule, like its card', async () => {
      const group = await createGroup(nurse, 'Règle des destinataires', [doctor]);
      const good = await photoMessage([nurse, doctor], new Uint8Array([0xff, 0xd8, 1]));
      // The card for both members, the photo also for someone outside the conversation.
      const leaky = {
        ...good,
        photo: await seal([nurse, doctor, outsider], new Uint8Array([0xff, 0xd8, 1])),
      };
      const refused = await nurse.client.post<Refusal>(messagesOf(group.id), leaky);
      expect([refused.status, refused.body.error.code]).toEqual([400, 'CHAT_RECIPIENTS_MISMATCH']);
      const missing = { ...good, photo: await seal([nurse], new Uint8Array([0xff, 0xd8, 1])) };
      const refused2 = await nurse.client.post<Refusal>(messagesOf(group.id), missing);
      expect(refused2.body.error.code).toBe('CHAT_RECIPIENTS_MISMATCH');
      const notCms = await nurse.client.post<Refusal>(messagesOf(group.id), { ...good, photo: 'AAAA' });
      expect(notCms.body.error.code).toBe('CHAT_ENVELOPE_INVALID');
      // Nothing of the refused attempts was kept: the good one takes number 1.
      const ok = await nurse.client.post<ChatMessage>(messagesOf(group.id), good);
      expect([ok.status, ok.body.seq]).toEqual([201, 1]);
      const rows = await t.ctx.db.read
        .selectFrom('chat_photos')
        .innerJoin('chat_messages', 'chat_messages.id', 'chat_photos.message_id')
        .select('chat_photos.message_id')
        .where('chat_messages.conversation_id', '=', group.id)
        .execute();
      expect(rows.map((r) => r.message_id)).toEqual([good.id]);
    });

    it('refuses a photo without its kind, a kind without its photo, and oversized photos', async () => {
      const group = await createGroup(nurse, 'Limites photo', [doctor]);
      const good = await photoMessage([nurse, doctor], new Uint8Array([0xff, 0xd8, 2]));
      const noPhoto = await nurse.client.post<Refusal>(messagesOf(group.id), { ...good, photo: undefined });
      expect([noPhoto.status, noPhoto.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const textWithPhoto = await nurse.client.post<Refusal>(messagesOf(group.id), { ...good, kind: 'text' });
      expect(textWithPhoto.body.error.code).toBe('VALIDATION_FAILED');
      // Over 3 MiB once encrypted: a device should have reduced it.
      const huge = await photoMessage([nurse, doctor], new Uint8Array(3 * 1024 * 1024 + 1));
      const tooLarge = await nurse.client.post<Refusal>(messagesOf(group.id), huge);
      expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'CHAT_PHOTO_TOO_LARGE']);
      const text = await nurse.client.post<ChatMessage>(messagesOf(group.id), {
        id: crypto.randomUUID(),
        kind: 'text',
        envelope: await sealChat([nurse, doctor], 'Texte'),
      });
      expect(text.body.photoBytes).toBeNull();
      const noSuchPhoto = await doctor.client.get<Refusal>(`${messagesOf(group.id)}/${text.body.id}/photo`);
      expect(noSuchPhoto.body.error.code).toBe('CHAT_PHOTO_NOT_FOUND');
      const sync = await doctor.client.get<ChatSync>(messagesOf(group.id));
      expect(sync.body.messages.map((m) => m.kind)).toEqual(['text']);
    });
  });
}
