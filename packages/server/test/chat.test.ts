import type { ChatSync, Conversation } from '@liaison/core/api/chat';
import { decrypt, exportPkcs8 } from '@liaison/core/crypto/index';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../src/logger.ts';
import { staffUser } from './support/app.ts';
import { CONVERSATIONS, createGroup, messagesOf, pendingUserId, sendText } from './support/chat.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, type MailUser } from './support/mail.ts';
import { approvedProfessional, startPkiInstance, type PkiInstance } from './support/pki.ts';

type Refusal = { error: { code: string } };

for (const backend of testBackends()) {
  describe(`chat membership and end-to-end property on ${backend.name}`, () => {
    let t: PkiInstance;
    let dir: string;
    let logFile: string;
    let nurse: MailUser;
    let doctor: MailUser;
    let pharmacist: MailUser;
    let outsider: MailUser;
    let noCertificateId: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'liaison-chat-'));
      logFile = join(dir, 'server.log');
      // Everything the server logs, at the most verbose level, with production redaction.
      const logger = pino(
        { level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
        pino.destination({ dest: logFile, sync: true }),
      );
      t = await startPkiInstance(backend, { logger });
      const technician = (await staffUser(t, 'technician')).client;
      [nurse, doctor, pharmacist, outsider] = await Promise.all([
        mailUser(t, technician, 'Inès', 'Infirmière'),
        mailUser(t, technician, 'Diane', 'Docteur'),
        mailUser(t, technician, 'Paul', 'Pharmacien'),
        mailUser(t, technician, 'Oscar', 'Dehors'),
      ]);
      noCertificateId = (await approvedProfessional(t, technician, 'Sans', 'Certificat')).userId;
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps a direct conversation to two people and finds it again', async () => {
      const first = await nurse.client.post<Conversation>(CONVERSATIONS, {
        kind: 'direct',
        userId: doctor.userId,
      });
      expect(first.status).toBe(201);
      expect(first.body.members.map((m) => m.userId).sort()).toEqual([nurse.userId, doctor.userId].sort());
      const again = await doctor.client.post<Conversation>(CONVERSATIONS, {
        kind: 'direct',
        userId: nurse.userId,
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const self = await nurse.client.post<Refusal>(CONVERSATIONS, { kind: 'direct', userId: nurse.userId });
      expect(self.body.error.code).toBe('VALIDATION_FAILED');
      const add = await nurse.client.post<Refusal>(`${CONVERSATIONS}/${first.body.id}/members`, {
        userIds: [pharmacist.userId],
      });
      expect(add.body.error.code).toBe('CHAT_DIRECT_FIXED');
    });

    it('lets admins make other admins, and never leaves a group without one', async () => {
      const group = await createGroup(nurse, 'Rôles', [doctor, pharmacist]);
      const roleOf = (c: Conversation, id: string) => c.members.find((m) => m.userId === id)?.role;
      const memberPath = (id: string) => `${CONVERSATIONS}/${group.id}/members/${id}`;

      const byMember = await doctor.client.patch<Refusal>(memberPath(pharmacist.userId), { role: 'admin' });
      expect([byMember.status, byMember.body.error.code]).toEqual([403, 'CHAT_ADMIN_REQUIRED']);
      const alone = await nurse.client.patch<Refusal>(memberPath(nurse.userId), { role: 'member' });
      expect([alone.status, alone.body.error.code]).toEqual([409, 'CHAT_LAST_ADMIN']);
      const stranger = await nurse.client.patch<Refusal>(memberPath(outsider.userId), { role: 'admin' });
      expect(stranger.body.error.code).toBe('USER_NOT_FOUND');

      const promoted = await nurse.client.patch<Conversation>(memberPath(doctor.userId), { role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(roleOf(promoted.body, doctor.userId)).toBe('admin');
      // The new admin can now manage the group, and the first one may step down.
      const renamed = await doctor.client.patch<Conversation>(`${CONVERSATIONS}/${group.id}`, {
        name: 'Rôles 2',
      });
      expect(renamed.body.name).toBe('Rôles 2');
      const down = await nurse.client.patch<Conversation>(memberPath(nurse.userId), { role: 'member' });
      expect(roleOf(down.body, nurse.userId)).toBe('member');
      const notAnyMore = await nurse.client.patch<Refusal>(memberPath(pharmacist.userId), { role: 'admin' });
      expect(notAnyMore.body.error.code).toBe('CHAT_ADMIN_REQUIRED');
      const log = await t.ctx.db.read
        .selectFrom('chat_membership_log')
        .select(['user_id', 'action'])
        .where('conversation_id', '=', group.id)
        .where('action', 'in', ['promoted', 'demoted'])
        .orderBy('at')
        .execute();
      expect(log.map((l) => l.action).sort()).toEqual(['demoted', 'promoted']);
    });

    it('refuses pending users and users nobody can encrypt for', async () => {
      for (const userId of [await pendingUserId(t), noCertificateId, crypto.randomUUID()]) {
        const refused = await nurse.client.post<Refusal>(CONVERSATIONS, { kind: 'direct', userId });
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('CHAT_MEMBER_NOT_ELIGIBLE');
      }
    });

    it('lets only admins manage a group, and hides it from non-members', async () => {
      const group = await createGroup(nurse, 'Équipe soins', [doctor]);
      expect(group.members.find((m) => m.userId === nurse.userId)?.role).toBe('admin');
      expect(group.members.find((m) => m.userId === doctor.userId)?.role).toBe('member');

      const byMember = await doctor.client.post<Refusal>(`${CONVERSATIONS}/${group.id}/members`, {
        userIds: [pharmacist.userId],
      });
      expect(byMember.status).toBe(403);
      expect(byMember.body.error.code).toBe('CHAT_ADMIN_REQUIRED');
      const rename = await doctor.client.patch<Refusal>(`${CONVERSATIONS}/${group.id}`, { name: 'x' });
      expect(rename.body.error.code).toBe('CHAT_ADMIN_REQUIRED');

      // A non-member gets the same answer as for a conversation that does not exist.
      for (const id of [group.id, crypto.randomUUID()]) {
        const read = await outsider.client.get<Refusal>(messagesOf(id));
        expect(read.status).toBe(404);
        expect(read.body.error.code).toBe('CHAT_NOT_MEMBER');
        const sent = await sendText(outsider, id, [outsider, nurse, doctor], 'intrus');
        expect(sent.body.error?.code).toBe('CHAT_NOT_MEMBER');
      }
      expect((await outsider.client.get<Conversation[]>(CONVERSATIONS)).body).toEqual([]);

      const added = await nurse.client.post<Conversation>(`${CONVERSATIONS}/${group.id}/members`, {
        userIds: [pharmacist.userId],
      });
      expect(added.status).toBe(200);
      expect(added.body.members).toHaveLength(3);
      const removeOther = await doctor.client.delete<Refusal>(
        `${CONVERSATIONS}/${group.id}/members/${pharmacist.userId}`,
      );
      expect(removeOther.body.error.code).toBe('CHAT_ADMIN_REQUIRED');
      // A member may leave by themselves.
      expect(
        (await doctor.client.delete(`${CONVERSATIONS}/${group.id}/members/${doctor.userId}`)).status,
      ).toBe(204);
      // The last admin leaving hands the group to the longest-standing member.
      expect((await nurse.client.delete(`${CONVERSATIONS}/${group.id}/members/${nurse.userId}`)).status).toBe(
        204,
      );
      const left = await pharmacist.client.get<Conversation>(`${CONVERSATIONS}/${group.id}`);
      expect(left.body.members).toEqual([
        expect.objectContaining({ userId: pharmacist.userId, role: 'admin' }),
      ]);

      const audit = await t.ctx.db.read
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', group.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'chat.conversation.created',
        'chat.members.added',
        'chat.member.left',
        'chat.member.left',
      ]);
    });

    it('stores no plaintext, and accepts only envelopes for exactly the current members', async () => {
      const group = await createGroup(nurse, 'Plaie lit 12', [doctor, pharmacist]);
      const marker = `SECRET-MARKER-${crypto.randomUUID()}`;
      const sent = await sendText(nurse, group.id, [nurse, doctor, pharmacist], `Pansement ${marker}`);
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ seq: 1, senderUserId: nurse.userId, kind: 'text' });

      // Missing a current member: refused.
      const missing = await sendText(nurse, group.id, [nurse, doctor], 'sans le pharmacien');
      expect(missing.body.error?.code).toBe('CHAT_RECIPIENTS_MISMATCH');
      // Missing the sender's own certificate: refused too (their other devices must read it).
      const notSelf = await sendText(nurse, group.id, [doctor, pharmacist], 'pas pour moi');
      expect(notSelf.body.error?.code).toBe('CHAT_RECIPIENTS_MISMATCH');

      expect(
        (await nurse.client.delete(`${CONVERSATIONS}/${group.id}/members/${pharmacist.userId}`)).status,
      ).toBe(204);
      // Including a removed member: refused, so they cannot read what follows their removal.
      const removed = await sendText(doctor, group.id, [nurse, doctor, pharmacist], 'après départ');
      expect(removed.body.error?.code).toBe('CHAT_RECIPIENTS_MISMATCH');
      const stranger = await sendText(doctor, group.id, [nurse, doctor, outsider], 'étranger');
      expect(stranger.body.error?.code).toBe('CHAT_RECIPIENTS_MISMATCH');
      const garbage = await doctor.client.post<Refusal>(messagesOf(group.id), {
        id: crypto.randomUUID(),
        kind: 'text',
        envelope: Buffer.from('pas une enveloppe CMS').toString('base64'),
      });
      expect(garbage.body.error.code).toBe('CHAT_ENVELOPE_INVALID');
      const ok = await sendText(doctor, group.id, [nurse, doctor], `Vu ${marker}`);
      expect(ok.status).toBe(201);
      expect(ok.body.seq).toBe(2);
      // The doctor's device opens what it synced: the server handed back the very envelope.
      const synced = await doctor.client.get<ChatSync>(messagesOf(group.id));
      expect(synced.body.messages.map((m) => m.seq)).toEqual([1, 2]);
      const opened = await decrypt({
        envelope: new Uint8Array(Buffer.from(synced.body.messages[0]!.envelope, 'base64')),
        recipient: {
          certificatePem: doctor.encryptionCertificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(doctor.encryption.privateKey)),
        },
      });
      expect(Buffer.from(opened).toString('utf8')).toBe(`Pansement ${marker}`);
      // The removed pharmacist cannot sync any more.
      expect((await pharmacist.client.get<Refusal>(messagesOf(group.id))).body.error.code).toBe(
        'CHAT_NOT_MEMBER',
      );

      for (const table of [
        'chat_conversations',
        'chat_members',
        'chat_membership_log',
        'chat_messages',
      ] as const) {
        const rows = await t.ctx.db.read.selectFrom(table).selectAll().execute();
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          for (const value of Object.values(row) as unknown[]) {
            const text =
              value instanceof Uint8Array
                ? Buffer.from(value).toString('latin1') + Buffer.from(value).toString('utf8')
                : String(value);
            expect(text).not.toContain(marker);
            expect(text).not.toContain('Pansement');
          }
        }
      }
      const audit = await t.ctx.db.read.selectFrom('audit_events').selectAll().execute();
      expect(JSON.stringify(audit)).not.toContain(marker);
      const logs = readFileSync(logFile, 'utf8');
      expect(logs.length).toBeGreaterThan(0);
      expect(logs).not.toContain(marker);
    });

    it('refuses unknown kinds, forged senders and oversized envelopes', async () => {
      const group = await createGroup(nurse, 'Limites', [doctor]);
      const notice = await nurse.client.post<Refusal>(messagesOf(group.id), {
        id: crypto.randomUUID(),
        kind: 'notice',
        envelope: 'AAAA',
      });
      expect(notice.body.error.code).toBe('VALIDATION_FAILED');
      const forged = await nurse.client.post<Refusal>(messagesOf(group.id), {
        id: crypto.randomUUID(),
        kind: 'text',
        envelope: 'AAAA',
        senderUserId: doctor.userId,
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('VALIDATION_FAILED');
      const big = await nurse.client.post<Refusal>(messagesOf(group.id), {
        id: crypto.randomUUID(),
        kind: 'text',
        envelope: Buffer.alloc(64 * 1024 + 3).toString('base64'),
      });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('CHAT_MESSAGE_TOO_LARGE');
    });
  });
}
