import type { Mailbox } from '@liaison/core/api/accounts';
import type { Reader } from '../db/index.ts';

export async function listMailboxesOf(db: Reader, userId: string): Promise<Mailbox[]> {
  const rows = await db
    .selectFrom('mailbox_members')
    .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_members.mailbox_id')
    .select([
      'mailboxes.id',
      'mailboxes.address',
      'mailboxes.kind',
      'mailboxes.organisation_id',
      'mailboxes.accepts_attachments',
      'mailbox_members.access',
    ])
    .where('mailbox_members.user_id', '=', userId)
    .orderBy('mailboxes.address')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    address: r.address,
    kind: r.kind,
    organisationId: r.organisation_id,
    acceptsAttachments: r.accepts_attachments === 1,
    access: r.access,
  }));
}
