/**
 * Who may send a patient movement notice (category "notice"), judged on metadata like every mail
 * rule: the server cannot read the letter, so the category is the sender's word, and what it can
 * check is that the sender is an establishment that admits patients and that the notice goes to
 * personal mailboxes only. See docs/notices.md.
 */
import {
  admitsPatients,
  NOTICE_RECIPIENT_MAILBOX_KINDS,
  NOTICE_SENDER_MAILBOX_KINDS,
} from '@liaison/core/notice/index';
import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import type { ResolvedMailbox } from '../mail/resolve.ts';

/** The sender's mailbox must be a service or application mailbox of a hospital, clinic or EHPAD. */
export async function requireNoticeSender(db: Reader, sender: ResolvedMailbox): Promise<void> {
  const row = await db
    .selectFrom('mailboxes')
    .leftJoin('organisations', 'organisations.id', 'mailboxes.organisation_id')
    .select(['mailboxes.kind', 'organisations.kind as organisation_kind'])
    .where('mailboxes.id', '=', sender.id)
    .executeTakeFirst();
  const allowed =
    row !== undefined &&
    NOTICE_SENDER_MAILBOX_KINDS.includes(row.kind) &&
    row.organisation_kind !== null &&
    admitsPatients(row.organisation_kind);
  if (!allowed) {
    fail(
      'NOTICE_SENDER_NOT_ALLOWED',
      `${sender.address} cannot send patient movement notices: only a service or application mailbox of a hospital, clinic or nursing home can.`,
      { address: sender.address },
    );
  }
}

/** A notice is for a professional about their patient: personal mailboxes only, never shared ones. */
export function requireNoticeRecipients(recipients: readonly ResolvedMailbox[]): void {
  const refused = recipients
    .filter((r) => !NOTICE_RECIPIENT_MAILBOX_KINDS.includes(r.kind))
    .map((r) => r.address);
  if (refused.length > 0) {
    fail(
      'NOTICE_RECIPIENT_REFUSED',
      `A patient movement notice goes only to personal mailboxes: ${refused.join(', ')} is not one.`,
      { addresses: refused },
    );
  }
}

/** Both rules, for a submission of category notice. */
export async function requireNoticeRoute(
  db: Reader,
  sender: ResolvedMailbox,
  recipients: readonly ResolvedMailbox[],
): Promise<void> {
  await requireNoticeSender(db, sender);
  requireNoticeRecipients(recipients);
}
