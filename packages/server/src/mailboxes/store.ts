import type { Mailbox } from '@liaison/core/api/accounts';
import type { Reader, Tx } from '../db/index.ts';

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

/** The one way someone becomes an owner or delegate of a mailbox: current row plus its history. */
export async function addMembership(
  tx: Tx,
  mailboxId: string,
  userId: string,
  access: 'owner' | 'delegate',
  now: string,
): Promise<void> {
  await tx.db
    .insertInto('mailbox_members')
    .values({ mailbox_id: mailboxId, user_id: userId, access, created_at: now })
    .execute();
  await tx.db
    .insertInto('mailbox_membership_log')
    .values({
      id: crypto.randomUUID(),
      mailbox_id: mailboxId,
      user_id: userId,
      access,
      added_at: now,
      removed_at: null,
    })
    .execute();
}

export async function endMembership(tx: Tx, mailboxId: string, userId: string, now: string): Promise<void> {
  await tx.db
    .deleteFrom('mailbox_members')
    .where('mailbox_id', '=', mailboxId)
    .where('user_id', '=', userId)
    .execute();
  await tx.db
    .updateTable('mailbox_membership_log')
    .set({ removed_at: now })
    .where('mailbox_id', '=', mailboxId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .execute();
}

/** Was `userId` an owner or delegate of `mailboxId` at `at`? */
export async function wasMemberAt(
  db: Reader,
  mailboxId: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('mailbox_membership_log')
    .select('id')
    .where('mailbox_id', '=', mailboxId)
    .where('user_id', '=', userId)
    .where('added_at', '<=', at)
    .where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_at', '>', at)]))
    .executeTakeFirst();
  return row !== undefined;
}
