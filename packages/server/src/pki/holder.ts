import { findUser } from '../accounts/userStore.ts';
import type { Actor } from '../auth/actor.ts';
import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import type { CertificateUsage } from './certificate.ts';
import {
  mailboxCommonName,
  nationalSerialNumber,
  personCommonName,
  type ExpectedSubject,
} from './identity.ts';

/** Whom a certificate is for, and the one slot it fills (renewal supersedes within a scope). */
export interface Holder {
  userId: string;
  mailboxId: string | null;
  /** "user:<id>:<usage>" for personal certificates, "mailbox:<id>:encryption" for a shared mailbox. */
  scope: string;
  expected: ExpectedSubject;
}

/**
 * Decides what may be certified for the caller: only a verified person (status active: approved by a
 * technician or created by a platform admin) gets a certificate, for their own PER mailboxes; a shared
 * mailbox's encryption certificate only at the request of one of its owners.
 */
export async function resolveHolder(
  db: Reader,
  actor: Actor,
  usage: CertificateUsage,
  mailboxId: string | undefined,
): Promise<Holder> {
  if (actor.console) fail('FORBIDDEN', 'The console has no identity to certify.');
  const user = await findUser(db, actor.userId);
  if (!user) fail('USER_NOT_FOUND');
  if (user.status === 'pending') fail('ACCOUNT_PENDING');
  if (user.status === 'rejected') fail('ACCOUNT_REJECTED');
  if (user.status === 'disabled') fail('ACCOUNT_DISABLED');
  if (mailboxId === undefined) {
    const owned = await db
      .selectFrom('mailbox_members')
      .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_members.mailbox_id')
      .select('mailboxes.address')
      .where('mailbox_members.user_id', '=', user.id)
      .where('mailbox_members.access', '=', 'owner')
      .where('mailboxes.kind', '=', 'PER')
      .orderBy('mailboxes.address')
      .execute();
    return {
      userId: user.id,
      mailboxId: null,
      scope: `user:${user.id}:${usage}`,
      expected: {
        commonName: personCommonName(user.first_name, user.last_name),
        serialNumber: nationalSerialNumber(user.national_id_kind, user.national_id),
        emails: owned.map((m) => m.address.toLowerCase()),
      },
    };
  }
  const mailbox = await db.selectFrom('mailboxes').selectAll().where('id', '=', mailboxId).executeTakeFirst();
  if (!mailbox) fail('MAILBOX_NOT_FOUND');
  if (mailbox.kind === 'PER') {
    fail('VALIDATION_FAILED', "A personal mailbox uses its owner's personal encryption certificate.", {
      field: 'mailboxId',
    });
  }
  if (usage !== 'encryption') {
    fail(
      'VALIDATION_FAILED',
      'A shared mailbox has an encryption certificate only; members sign as themselves.',
      {
        field: 'usage',
      },
    );
  }
  const membership = await db
    .selectFrom('mailbox_members')
    .select('access')
    .where('mailbox_id', '=', mailbox.id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (membership?.access !== 'owner') fail('FORBIDDEN', 'Only an owner of the mailbox can certify its key.');
  return {
    userId: user.id,
    mailboxId: mailbox.id,
    scope: `mailbox:${mailbox.id}:encryption`,
    expected: {
      commonName: mailboxCommonName(mailbox.address),
      serialNumber: null,
      emails: [mailbox.address.toLowerCase()],
    },
  };
}
