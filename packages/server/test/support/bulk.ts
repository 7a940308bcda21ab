import type { MailCategory, SubmitMessageRequest, SubmittedMessage } from '@liaison/core/api/mail';
import type { MailPrecheck } from '@liaison/core/api/usage';
import { createCsr, generateEncryptionKeyPair } from '@liaison/core/crypto/index';
import { CONSOLE_ACTOR } from '../../src/auth/actor.ts';
import { MAIL_DOMAIN, type Answer, type Client, type TestInstance } from './app.ts';
import { sealFor, type MailUser, type SealOptions } from './mail.ts';

/** Helpers of the bulk-mail rule and quarantine suites (charter article 5). */

export interface BulkSeal extends SealOptions {
  category?: MailCategory;
  /** Declared patients; absent: the field is left out, as older clients do. */
  patients?: number;
}

/** A sealed submission with a category and a declared patient count. */
export async function seal(sender: MailUser, options: BulkSeal): Promise<SubmitMessageRequest> {
  const submission = await sealFor(sender, options);
  return {
    ...submission,
    category: options.category ?? 'patient',
    declared: {
      ...submission.declared,
      ...(options.patients !== undefined ? { patients: options.patients } : {}),
    },
  };
}

export async function send(sender: MailUser, options: BulkSeal): Promise<Answer<SubmittedMessage>> {
  return sender.client.post<SubmittedMessage>('/api/mail/messages', await seal(sender, options));
}

export function precheck(
  sender: MailUser,
  options: { to: string[]; cc?: string[]; category?: MailCategory; patients?: number },
): Promise<Answer<MailPrecheck>> {
  return sender.client.post<MailPrecheck>('/api/mail/precheck', {
    from: sender.address,
    to: options.to,
    cc: options.cc ?? [],
    category: options.category ?? 'patient',
    ...(options.patients !== undefined ? { patients: options.patients } : {}),
  });
}

/**
 * Moves the test clock forward in steps shorter than the idle timeout of web sessions, each client
 * making a request in between, so the sessions outlive an hour-long wait.
 */
export async function elapse(t: TestInstance, clients: readonly Client[], ms: number): Promise<void> {
  const step = 20 * 60_000;
  for (let left = ms; left > 0; left -= step) {
    t.clock.advance(Math.min(step, left));
    for (const client of clients) {
      const me = await client.get('/api/me');
      if (me.status !== 200) throw new Error(`session lost while time passed: ${me.text}`);
    }
  }
}

export async function countRows(
  t: TestInstance,
  table: 'mail_messages' | 'mail_items' | 'mail_holds',
): Promise<number> {
  const row = await t.ctx.db.read
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * An APP mailbox (a lab's robot) of a new establishment, with `member` as its owner and its own
 * encryption certificate: a sender that `seal` and `send` take like a person.
 */
export async function appMailbox(t: TestInstance, member: MailUser, localPart: string): Promise<MailUser> {
  const address = `${localPart}@${MAIL_DOMAIN}`;
  const org = await t.ctx.organisations.create(CONSOLE_ACTOR, {
    kind: 'lab',
    name: `Laboratoire ${localPart}`,
  });
  const mailbox = await t.ctx.mailboxes.create(CONSOLE_ACTOR, {
    address,
    kind: 'APP',
    organisationId: org.id,
    acceptsAttachments: true,
  });
  await t.ctx.db.transaction((tx) =>
    tx.db
      .insertInto('mailbox_members')
      .values({
        mailbox_id: mailbox.id,
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
    mailboxId: mailbox.id,
  });
  if (cert.status !== 201) throw new Error(`mailbox certificate refused: ${cert.text}`);
  return { ...member, address, encryption: keys, encryptionCertificatePem: cert.body.certificatePem };
}
