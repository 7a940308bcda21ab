import type { MailList, SubmitMessageRequest, SubmittedMessage } from '@liaison/core/api/mail';
import type { OrganisationKind } from '@liaison/core/api/common';
import { createCsr, exportPkcs8, generateEncryptionKeyPair } from '@liaison/core/crypto/index';
import { openSummary, sealLetter } from '@liaison/core/mail/index';
import {
  buildNoticeLetter,
  type NoticePage,
  type NoticeThreads,
  type PatientNoticeInput,
} from '@liaison/core/notice/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { Client, MAIL_DOMAIN, staffUser, type Answer } from './support/app.ts';
import { countRows } from './support/bulk.ts';
import { testBackends } from './support/databases.ts';
import { box, mailUser, type MailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

/**
 * Patient movement notices on the server: only an establishment's service or application mailbox
 * sends them, only to personal mailboxes; the GP's threads group them by establishment; the server
 * stores nothing of the notice in clear. The letters are real notices sealed with core, as the CLI
 * seals them.
 */

const PATIENT_NAME = 'Quérinel';

function notice(overrides: Partial<PatientNoticeInput> = {}): PatientNoticeInput {
  return {
    kind: 'admission',
    patient: { lastName: PATIENT_NAME, firstName: 'Odile', birthDate: '1948-05-17', sex: 'F' },
    at: '2026-12-06T10:40:00+01:00',
    service: 'Cardiologie',
    note: 'Entrée par les urgences.',
    ...overrides,
  };
}

interface Establishment {
  organisationId: string;
  mailbox: MailUser;
}

/**
 * A mailbox of a new organisation (a service or an establishment system's application mailbox), with
 * `member` as its owner and its own encryption certificate; the member signs for it.
 */
async function establishmentMailbox(
  t: PkiInstance,
  member: MailUser,
  localPart: string,
  orgKind: OrganisationKind,
  mailboxKind: 'ORG' | 'APP' | 'CAB',
  organisationId?: string,
): Promise<Establishment> {
  const address = `${localPart}@${MAIL_DOMAIN}`;
  const orgId =
    organisationId ??
    (await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: orgKind, name: `Établissement ${localPart}` }))
      .id;
  const created = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
    address,
    kind: mailboxKind,
    organisationId: orgId,
    acceptsAttachments: true,
  });
  await t.ctx.db.transaction((tx) =>
    tx.db
      .insertInto('mailbox_members')
      .values({
        mailbox_id: created.id,
        user_id: member.userId,
        access: 'owner',
        created_at: t.clock.now().toISOString(),
      })
      .execute(),
  );
  const keys = await generateEncryptionKeyPair();
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'encryption',
    subject: { commonName: localPart, email: address },
  });
  const cert = await member.client.post<{ certificatePem: string }>('/api/pki/csr', {
    usage: 'encryption',
    csrPem,
    mailboxId: created.id,
  });
  if (cert.status !== 201) throw new Error(`mailbox certificate refused: ${cert.text}`);
  return {
    organisationId: orgId,
    mailbox: { ...member, address, encryption: keys, encryptionCertificatePem: cert.body.certificatePem },
  };
}

async function sealNotice(
  sender: MailUser,
  to: MailUser,
  input: PatientNoticeInput = notice(),
): Promise<SubmitMessageRequest> {
  const built = buildNoticeLetter(input, {
    messageId: crypto.randomUUID(),
    from: sender.address,
    to: to.address,
    date: new Date(),
  });
  return sealLetter({
    letter: built.letter,
    category: built.category,
    patient: built.patient,
    patients: built.patients,
    signer: { privateKey: sender.signing.privateKey, certificatePem: sender.signingCertificatePem },
    recipientCertificatesPem: [sender.encryptionCertificatePem, to.encryptionCertificatePem],
  });
}

function submit(sender: MailUser, request: SubmitMessageRequest): Promise<Answer<SubmittedMessage>> {
  return sender.client.post<SubmittedMessage>('/api/mail/messages', request);
}

const errorCode = (answer: Answer<unknown>) => (answer.body as { error?: { code?: string } }).error?.code;

for (const backend of testBackends()) {
  describe(`patient movement notices on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let nurse: MailUser, robotOwner: MailUser, gp: MailUser, otherGp: MailUser, colleague: MailUser;
    let cardiology: Establishment, system: Establishment, ehpad: Establishment;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
      nurse = await mailUser(t, technician, 'Nadia', 'Nollet');
      robotOwner = await mailUser(t, technician, 'Rémi', 'Robin');
      gp = await mailUser(t, technician, 'Anne', 'Durand');
      otherGp = await mailUser(t, technician, 'Bruno', 'Blanc');
      colleague = await mailUser(t, technician, 'Chloé', 'Caron');
      cardiology = await establishmentMailbox(t, nurse, 'cardiologie.nord', 'hospital', 'ORG');
      system = await establishmentMailbox(
        t,
        robotOwner,
        'dpi.nord',
        'hospital',
        'APP',
        cardiology.organisationId,
      );
      ehpad = await establishmentMailbox(t, robotOwner, 'ehpad.tilleuls', 'ehpad', 'APP');
    });
    afterAll(async () => t.close());

    it("accepts a notice from a hospital service's mailbox to a GP, filed in the GP's inbox as a notice", async () => {
      const sent = await submit(cardiology.mailbox, await sealNotice(cardiology.mailbox, gp));
      expect(sent.status).toBe(201);
      const inbox = await gp.client.get<MailList>(`${box(gp.address)}?view=inbox`);
      const item = inbox.body.items.find((i) => i.id === sent.body.id);
      expect(item?.category).toBe('notice');
      const summary = await openSummary({
        summary: item!.summary,
        recipient: {
          certificatePem: gp.encryptionCertificatePem,
          privateKeyPkcs8: new Uint8Array(await exportPkcs8(gp.encryption.privateKey)),
        },
      });
      expect(summary.notice).toMatchObject({ kind: 'admission', service: 'Cardiologie' });
      expect(summary.notice?.patient.lastName).toBe(PATIENT_NAME);
    });

    it("accepts one from the establishment system's application mailbox", async () => {
      const sent = await submit(
        system.mailbox,
        await sealNotice(system.mailbox, gp, notice({ kind: 'discharge' })),
      );
      expect(sent.status).toBe(201);
    });

    it('refuses a notice from a personal mailbox, a practice, or a lab; nothing is stored', async () => {
      const before = await countRows(t, 'mail_messages');
      const personal = await submit(colleague, await sealNotice(colleague, gp));
      expect(personal.status).toBe(403);
      expect(errorCode(personal)).toBe('NOTICE_SENDER_NOT_ALLOWED');

      const practice = await establishmentMailbox(t, colleague, 'cabinet.caron', 'practice', 'CAB');
      const fromPractice = await submit(practice.mailbox, await sealNotice(practice.mailbox, gp));
      expect(errorCode(fromPractice)).toBe('NOTICE_SENDER_NOT_ALLOWED');

      const lab = await establishmentMailbox(t, colleague, 'robot.labo', 'lab', 'APP');
      const fromLab = await submit(lab.mailbox, await sealNotice(lab.mailbox, gp));
      expect(errorCode(fromLab)).toBe('NOTICE_SENDER_NOT_ALLOWED');
      expect(await countRows(t, 'mail_messages')).toBe(before);

      // The pre-check asked before sealing says so already; an establishment's system is told nothing.
      const ask = (who: MailUser) =>
        who.client.post('/api/mail/precheck', { from: who.address, to: [gp.address], category: 'notice' });
      expect(errorCode(await ask(colleague))).toBe('NOTICE_SENDER_NOT_ALLOWED');
      expect((await ask(system.mailbox)).status).toBe(200);
    });

    it('refuses a notice to a shared mailbox, and one declared about several patients', async () => {
      const toService = await submit(system.mailbox, await sealNotice(system.mailbox, cardiology.mailbox));
      expect(toService.status).toBe(400);
      expect(errorCode(toService)).toBe('NOTICE_RECIPIENT_REFUSED');
      expect(toService.body).toMatchObject({
        error: { details: { addresses: [cardiology.mailbox.address] } },
      });

      const request = await sealNotice(system.mailbox, gp);
      const several = await submit(system.mailbox, {
        ...request,
        declared: { ...request.declared, patients: 2 },
      });
      expect(errorCode(several)).toBe('PATIENT_COUNT_INVALID');
    });

    it('lets its one small notice part through to a mailbox that takes no attachments, nothing more', async () => {
      await t.ctx.db.transaction((tx) =>
        tx.db
          .updateTable('mailboxes')
          .set({ accepts_attachments: 0 })
          .where('address', '=', colleague.address)
          .execute(),
      );
      const accepted = await submit(system.mailbox, await sealNotice(system.mailbox, colleague));
      expect(accepted.status).toBe(201);
      const request = await sealNotice(system.mailbox, colleague);
      const twoParts = await submit(system.mailbox, {
        ...request,
        declared: { ...request.declared, attachmentCount: 2 },
      });
      expect(errorCode(twoParts)).toBe('ATTACHMENTS_REFUSED');
      const again = await sealNotice(system.mailbox, colleague);
      const big = await submit(system.mailbox, {
        ...again,
        declared: { ...again.declared, attachmentBytes: 4096 },
      });
      expect(errorCode(big)).toBe('ATTACHMENTS_REFUSED');
    });

    it('groups the GP’s notices by establishment with unread counts; reading one through the mail route counts', async () => {
      await submit(
        ehpad.mailbox,
        await sealNotice(ehpad.mailbox, gp, notice({ kind: 'death', note: undefined })),
      );
      t.clock.advance(60_000);
      const last = await submit(
        ehpad.mailbox,
        await sealNotice(ehpad.mailbox, gp, notice({ kind: 'transfer', destination: 'CHU Sud' })),
      );
      expect(last.status).toBe(201);

      const threads = await gp.client.get<NoticeThreads>('/api/chat/notices');
      expect(threads.status).toBe(200);
      expect(threads.body.threads).toEqual([
        {
          organisationId: ehpad.organisationId,
          organisationName: 'Établissement ehpad.tilleuls',
          senderAddresses: [ehpad.mailbox.address],
          lastAt: t.clock.now().toISOString(),
          unread: 2,
          count: 2,
        },
        {
          organisationId: cardiology.organisationId,
          organisationName: 'Établissement cardiologie.nord',
          senderAddresses: [cardiology.mailbox.address, system.mailbox.address].sort(),
          lastAt: expect.any(String) as string,
          unread: 2,
          count: 2,
        },
      ]);

      const page = await gp.client.get<NoticePage>(`/api/chat/notices/${ehpad.organisationId}`);
      expect(page.body.items.map((i) => i.id)[0]).toBe(last.body.id);
      expect(page.body.items.every((i) => i.category === 'notice' && i.from === ehpad.mailbox.address)).toBe(
        true,
      );
      const read = await gp.client.patch(`${box(gp.address)}/${last.body.id}`, { read: true });
      expect(read.status).toBe(200);
      const after = await gp.client.get<NoticeThreads>('/api/chat/notices');
      expect(after.body.threads.find((x) => x.organisationId === ehpad.organisationId)?.unread).toBe(1);
    });

    it('pages a thread newest first with before/beforeId', async () => {
      const first = await gp.client.get<NoticePage>(`/api/chat/notices/${cardiology.organisationId}?limit=1`);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.more).toBe(true);
      const top = first.body.items[0]!;
      const next = await gp.client.get<NoticePage>(
        `/api/chat/notices/${cardiology.organisationId}?limit=1&before=${encodeURIComponent(top.submittedAt)}&beforeId=${top.id}`,
      );
      expect(next.body.items).toHaveLength(1);
      expect(next.body.items[0]!.id).not.toBe(top.id);
      expect(next.body.more).toBe(false);
    });

    it("never shows someone else's notices", async () => {
      const threads = await otherGp.client.get<NoticeThreads>('/api/chat/notices');
      expect(threads.body.threads).toEqual([]);
      const page = await otherGp.client.get<NoticePage>(`/api/chat/notices/${ehpad.organisationId}`);
      expect(page.body).toEqual({ items: [], more: false });
      // The sender's own sent copies are not "notices received".
      const own = await system.mailbox.client.get<NoticeThreads>('/api/chat/notices');
      expect(own.body.threads).toEqual([]);
      const anonymous = await new Client(t.app).get('/api/chat/notices');
      expect(anonymous.status).toBe(401);
    });

    it('stores nothing of the notice in clear: no name, kind or service in any stored row', async () => {
      const rows = [
        ...(await t.ctx.db.read.selectFrom('mail_messages').selectAll().execute()),
        ...(await t.ctx.db.read.selectFrom('mail_blobs').selectAll().execute()),
        ...(await t.ctx.db.read.selectFrom('mail_items').selectAll().execute()),
        ...(await t.ctx.db.read.selectFrom('audit_events').selectAll().execute()),
      ];
      const dump = rows
        .map((row) =>
          Object.values(row)
            .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v)))
            .join('|'),
        )
        .join('\n');
      for (const marker of [
        PATIENT_NAME,
        'Qu\u00c3\u00a9rinel',
        'Odile',
        'Cardiologie',
        'admission',
        '1948-05-17',
      ]) {
        expect(dump).not.toContain(marker);
      }
    });
  });
}
