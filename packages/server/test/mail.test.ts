import type { MailItem, MailList, MailMessage, SubmittedMessage } from '@liaison/core/api/mail';
import { randomBytes } from 'node:crypto';
import { base64Encode, createCsr, generateEncryptionKeyPair } from '@liaison/core/crypto/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, MAIL_DOMAIN, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, sealFor, type MailUser } from './support/mail.ts';
import { approvedProfessional, startPkiInstance, type PkiInstance } from './support/pki.ts';

for (const backend of testBackends()) {
  describe(`secure mail on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let hospital: MailUser;
    let gp: MailUser;
    let nurse: MailUser;
    let outsider: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
      hospital = await mailUser(t, technician, 'Hélène', 'Hôpital');
      gp = await mailUser(t, technician, 'Gaston', 'Généraliste');
      nurse = await mailUser(t, technician, 'Inès', 'Infirmière');
      outsider = await mailUser(t, technician, 'Oscar', 'Dehors');
    });
    afterAll(async () => t.close());

    async function countStored(): Promise<{ messages: number; items: number; recipients: number }> {
      const count = async (table: 'mail_messages' | 'mail_items' | 'mail_recipients') =>
        Number(
          (
            await t.ctx.db.read
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        messages: await count('mail_messages'),
        items: await count('mail_items'),
        recipients: await count('mail_recipients'),
      };
    }

    it('files a letter in the sender and recipient mailboxes, and tracks delivered, filed and read', async () => {
      const submission = await sealFor(hospital, { to: [gp], cc: [nurse] });
      const sent = await hospital.client.post<SubmittedMessage>('/api/mail/messages', submission);
      expect(sent.status).toBe(201);
      expect(sent.body.recipients).toEqual([
        expect.objectContaining({ address: gp.address, field: 'to', state: 'submitted' }),
        expect.objectContaining({ address: nurse.address, field: 'cc', state: 'submitted' }),
      ]);

      const inbox = await gp.client.get<MailList>(`${box(gp.address)}?view=inbox`);
      expect(inbox.status).toBe(200);
      expect(inbox.body.unread).toBe(1);
      const item = inbox.body.items[0]!;
      expect(item).toMatchObject({
        id: submission.id,
        folder: 'inbox',
        from: hospital.address,
        to: [gp.address],
        cc: [nurse.address],
        read: false,
        recipients: null,
        summary: submission.summary,
      });

      const fetched = await gp.client.get<MailMessage>(`${box(gp.address)}/${submission.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.body).toBe(submission.body);
      let status = await hospital.client.get<SubmittedMessage>(`/api/mail/messages/${submission.id}/status`);
      expect(status.body.recipients.map((r) => r.state)).toEqual(['delivered', 'submitted']);

      const ack = await gp.client.post<MailItem>(`${box(gp.address)}/${submission.id}/ack`);
      expect(ack.status).toBe(200);
      expect(ack.body.filedAt).not.toBeNull();
      status = await hospital.client.get<SubmittedMessage>(`/api/mail/messages/${submission.id}/status`);
      expect(status.body.recipients[0]!.state).toBe('filed');

      t.clock.advance(60_000);
      const read = await gp.client.patch<MailItem>(`${box(gp.address)}/${submission.id}`, { read: true });
      expect(read.body.read).toBe(true);
      const sentView = await hospital.client.get<MailList>(`${box(hospital.address)}?view=sent`);
      const mine = sentView.body.items.find((i) => i.id === submission.id)!;
      expect(mine.recipients![0]).toMatchObject({ address: gp.address, state: 'read' });
      expect(mine.recipients![0]!.readAt! > mine.recipients![0]!.deliveredAt!).toBe(true);
      expect((await gp.client.get<MailList>(`${box(gp.address)}?view=inbox`)).body.unread).toBe(0);
    });

    it('answers a retry with the first result and refuses another message under the same id', async () => {
      const submission = await sealFor(hospital, { to: [gp] });
      const before = await countStored();
      const first = await hospital.client.post<SubmittedMessage>('/api/mail/messages', submission);
      const retry = await hospital.client.post<SubmittedMessage>('/api/mail/messages', submission);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const after = await countStored();
      expect(after.messages - before.messages).toBe(1);
      expect(after.items - before.items).toBe(2);

      const other = await sealFor(hospital, { to: [gp], id: submission.id, content: 'autre chose' });
      const conflict = await hospital.client.post('/api/mail/messages', other);
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ error: { code: 'MESSAGE_ID_CONFLICT' } });
    });

    it('syncs from a sequence: each change once, in order, deletions as tombstones', async () => {
      const start = (await gp.client.get<MailList>(`${box(gp.address)}?since=0&limit=500`)).body.seq;
      const a = await sealFor(hospital, { to: [gp] });
      const b = await sealFor(nurse, { to: [gp] });
      await hospital.client.post('/api/mail/messages', a);
      await nurse.client.post('/api/mail/messages', b);
      const changes = await gp.client.get<MailList>(`${box(gp.address)}?since=${start}`);
      expect(changes.body.items.map((i) => i.id)).toEqual([a.id, b.id]);
      const [first, second] = changes.body.items;
      expect(second!.seq).toBe(first!.seq + 1);

      expect((await gp.client.delete(`${box(gp.address)}/${a.id}`)).status).toBe(204);
      const after = await gp.client.get<MailList>(`${box(gp.address)}?since=${second!.seq}`);
      expect(after.body.items).toHaveLength(1);
      expect(after.body.items[0]).toMatchObject({ id: a.id, deleted: true });
      const inbox = await gp.client.get<MailList>(`${box(gp.address)}?view=inbox`);
      expect(inbox.body.items.map((i) => i.id)).not.toContain(a.id);
      // The sender's copy is untouched by the recipient's deletion.
      const sent = await hospital.client.get<MailList>(`${box(hospital.address)}?view=sent`);
      expect(sent.body.items.map((i) => i.id)).toContain(a.id);

      const paged = await gp.client.get<MailList>(`${box(gp.address)}?since=${start}&limit=1`);
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.more).toBe(true);
    });

    it('lets nobody read a mailbox they do not own or hold as a delegate', async () => {
      const submission = await sealFor(hospital, { to: [gp] });
      await hospital.client.post('/api/mail/messages', submission);
      const listing = await outsider.client.get(`${box(gp.address)}?view=inbox`);
      expect(listing.status).toBe(403);
      expect(listing.body).toMatchObject({ error: { code: 'NOT_A_MEMBER' } });
      const fetch = await outsider.client.get(`${box(gp.address)}/${submission.id}`);
      expect(fetch.body).toMatchObject({ error: { code: 'NOT_A_MEMBER' } });
      // Their own mailbox does not hold it either, and the delivery status is the sender's business.
      const own = await outsider.client.get(`${box(outsider.address)}/${submission.id}`);
      expect(own.status).toBe(404);
      expect(own.body).toMatchObject({ error: { code: 'MESSAGE_NOT_FOUND' } });
      const status = await outsider.client.get(`/api/mail/messages/${submission.id}/status`);
      expect(status.status).toBe(404);
      for (const write of [
        outsider.client.patch(`${box(gp.address)}/${submission.id}`, { read: true }),
        outsider.client.delete(`${box(gp.address)}/${submission.id}`),
        outsider.client.post(`${box(gp.address)}/${submission.id}/ack`),
      ]) {
        expect((await write).status).toBe(403);
      }
      const gpView = await gp.client.get<MailList>(`${box(gp.address)}?view=inbox`);
      expect(gpView.body.items.find((i) => i.id === submission.id)?.read).toBe(false);
      // Sending from someone else's mailbox is refused too.
      const forged = { ...(await sealFor(outsider, { to: [gp] })), from: hospital.address };
      const refused = await outsider.client.post('/api/mail/messages', forged);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'NOT_A_MEMBER' } });
    });

    describe('refuses bad submissions with a stable code and stores nothing', () => {
      async function refused(client: Client, body: unknown, code: string, status: number): Promise<void> {
        const before = await countStored();
        const res = await client.post('/api/mail/messages', body);
        expect(res.body).toMatchObject({ error: { code } });
        expect(res.status).toBe(status);
        expect(await countStored()).toEqual(before);
      }

      it('unknown, duplicate or key-less recipients', async () => {
        const good = await sealFor(hospital, { to: [gp] });
        await refused(
          hospital.client,
          { ...good, to: [`personne@${MAIL_DOMAIN}`] },
          'RECIPIENT_UNKNOWN',
          400,
        );
        await refused(hospital.client, { ...good, cc: [gp.address] }, 'RECIPIENT_DUPLICATE', 400);
        await refused(hospital.client, { ...good, to: ['pas une adresse'] }, 'VALIDATION_FAILED', 400);
        // Verified, but no keys made yet: nothing can be encrypted for them.
        const keyless = await approvedProfessional(t, technician, 'Kévin', 'Sansclé');
        await refused(hospital.client, { ...good, cc: [keyless.address] }, 'RECIPIENT_NO_CERTIFICATE', 409);
      });

      it('blobs that disagree with their declarations or are not envelopes for every recipient', async () => {
        const good = await sealFor(hospital, { to: [gp] });
        await refused(
          hospital.client,
          { ...good, declared: { ...good.declared, bodyBytes: good.declared.bodyBytes + 1 } },
          'BLOB_SIZE_MISMATCH',
          400,
        );
        await refused(
          hospital.client,
          { ...good, body: `${good.body.slice(0, -4)}!!!!` },
          'VALIDATION_FAILED',
          400,
        );
        await refused(
          hospital.client,
          { ...good, summary: good.summary.replace(/\+/g, '-') + 'A' },
          'VALIDATION_FAILED',
          400,
        );
        const noise = randomBytes(2000);
        await refused(
          hospital.client,
          { ...good, body: base64Encode(noise), declared: { ...good.declared, bodyBytes: noise.length } },
          'BLOB_NOT_ENVELOPED',
          400,
        );
        const notForGp = await sealFor(hospital, {
          to: [gp],
          encryptFor: [hospital.encryptionCertificatePem, nurse.encryptionCertificatePem],
        });
        await refused(hospital.client, notForGp, 'BLOB_RECIPIENTS_MISMATCH', 400);
        const notForSender = await sealFor(hospital, { to: [gp], encryptFor: [gp.encryptionCertificatePem] });
        await refused(hospital.client, notForSender, 'BLOB_RECIPIENTS_MISMATCH', 400);
      });

      it('attachments to a mailbox that refuses them, and oversized letters', async () => {
        await t.ctx.db.transaction((tx) =>
          tx.db
            .updateTable('mailboxes')
            .set({ accepts_attachments: 0 })
            .where('address', '=', nurse.address)
            .execute(),
        );
        const withAttachment = await sealFor(hospital, {
          to: [gp],
          cc: [nurse],
          attachmentCount: 1,
          attachmentBytes: 10,
        });
        await refused(hospital.client, withAttachment, 'ATTACHMENTS_REFUSED', 400);
        const withoutAttachment = await sealFor(hospital, { to: [nurse] });
        expect((await hospital.client.post('/api/mail/messages', withoutAttachment)).status).toBe(201);

        const limit = t.ctx.config.mailMaxBytes;
        t.ctx.config.mailMaxBytes = 64 * 1024;
        try {
          const big = await sealFor(hospital, { to: [gp], content: 'x'.repeat(70 * 1024) });
          await refused(hospital.client, big, 'MESSAGE_TOO_LARGE', 413);
        } finally {
          t.ctx.config.mailMaxBytes = limit;
        }
      });

      it('a sender whose signing certificate is revoked, or who sends from a device not enrolled', async () => {
        const revoked = await mailUser(t, technician, 'Rémi', 'Révoqué');
        const submission = await sealFor(revoked, { to: [gp] });
        const certs = await revoked.client.get<Array<{ serial: string; usage: string }>>(
          `/api/pki/users/${revoked.userId}/certificates`,
        );
        const signing = certs.body.find((c) => c.usage === 'signing')!;
        const revocation = await revoked.client.post(`/api/pki/certificates/${signing.serial}/revoke`, {
          reason: 'keyCompromise',
        });
        expect(revocation.status).toBe(200);
        await refused(revoked.client, submission, 'SENDER_CERTIFICATE_INVALID', 403);

        // A full session opened without a device (an API token, a browser not enrolled yet).
        const deviceless = new Client(t.app);
        deviceless.bearer = await t.ctx.sessions.create(gp.userId, 'full', 'bearer');
        await refused(deviceless, await sealFor(gp, { to: [hospital] }), 'DEVICE_REQUIRED', 403);
      });
    });

    it('shows a shared mailbox to its delegates, who read what was sent to it', async () => {
      const { CONSOLE_ACTOR } = await import('../src/auth/actor.ts');
      const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'practice',
        name: 'Cabinet du Parc',
      });
      const address = `accueil@${MAIL_DOMAIN}`;
      const shared = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
        address,
        kind: 'CAB',
        organisationId: org.id,
        acceptsAttachments: true,
      });
      await t.ctx.db.transaction(async (tx) => {
        const { addMembership } = await import('../src/mailboxes/store.ts');
        await addMembership(tx, shared.id, gp.userId, 'owner', new Date().toISOString());
      });
      const keys = await generateEncryptionKeyPair();
      const csrPem = await createCsr({
        keyPair: keys,
        usage: 'encryption',
        subject: { commonName: 'accueil', email: address },
      });
      const cert = await gp.client.post<{ certificatePem: string }>('/api/pki/csr', {
        usage: 'encryption',
        csrPem,
        mailboxId: shared.id,
      });
      expect(cert.status).toBe(201);
      expect(
        (await gp.client.post(`/api/mailboxes/${shared.id}/members`, { userId: nurse.userId })).status,
      ).toBe(204);

      const toShared = await sealFor(hospital, {
        to: [],
        encryptFor: [hospital.encryptionCertificatePem, cert.body.certificatePem],
      });
      const sent = await hospital.client.post('/api/mail/messages', { ...toShared, to: [address] });
      expect(sent.status).toBe(201);
      const delegateView = await nurse.client.get<MailList>(`${box(address)}?view=inbox`);
      expect(delegateView.status).toBe(200);
      expect(delegateView.body.items.map((i) => i.id)).toEqual([toShared.id]);
      expect((await outsider.client.get(`${box(address)}?view=inbox`)).status).toBe(403);
    });
  });
}
