import type { MailListQuery } from '@liaison/core/api/mail';
import type { z } from 'zod';
import type { Reader, Tx } from '../db/index.ts';
import type { MailItemTable, MailMessageTable, MailRecipientTable } from '../db/schema.ts';
import { HOLD_COLUMNS, type HoldColumns } from './holds.ts';
import { nextSequence } from './sequence.ts';

export type Folder = MailItemTable['folder'];
export type MessageRow = MailMessageTable;
export type RecipientRow = MailRecipientTable;

export interface ItemRow extends HoldColumns {
  mailbox_id: string;
  mailbox_address: string;
  folder: Folder;
  message_id: string;
  seq: number;
  read: number;
  archived: number;
  deleted: number;
  from_address: string;
  category: MessageRow['category'];
  submitted_at: string;
  body_bytes: number;
  attachment_count: number;
  summary: Uint8Array;
}

/**
 * Items with their message, summary and hold, in one query. A recipient's copy of a message that is
 * held or rejected is left out whatever happens to exist: release and filing are one transaction, so
 * none should, and if one ever did it must still stay invisible.
 */
export function itemQuery(db: Reader) {
  return db
    .selectFrom('mail_items')
    .innerJoin('mail_messages', 'mail_messages.id', 'mail_items.message_id')
    .innerJoin('mail_blobs', 'mail_blobs.message_id', 'mail_items.message_id')
    .innerJoin('mailboxes', 'mailboxes.id', 'mail_items.mailbox_id')
    .leftJoin('mail_holds', 'mail_holds.message_id', 'mail_items.message_id')
    .where((eb) =>
      eb.or([
        eb('mail_items.folder', '=', 'sent'),
        eb('mail_holds.state', 'is', null),
        eb('mail_holds.state', '=', 'released'),
      ]),
    )
    .select(HOLD_COLUMNS)
    .select([
      'mail_items.mailbox_id',
      'mailboxes.address as mailbox_address',
      'mail_items.folder',
      'mail_items.message_id',
      'mail_items.seq',
      'mail_items.read',
      'mail_items.archived',
      'mail_items.deleted',
      'mail_messages.from_address',
      'mail_messages.category',
      'mail_messages.submitted_at',
      'mail_messages.body_bytes',
      'mail_messages.attachment_count',
      'mail_blobs.summary',
    ]);
}

export function findMessage(db: Reader, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One page of a mailbox: a sync (`since`, oldest first, tombstones too) or a folder view (newest first). */
export async function listItems(
  db: Reader,
  mailboxId: string,
  query: z.output<typeof MailListQuery>,
): Promise<ItemRow[]> {
  let q = itemQuery(db).where('mail_items.mailbox_id', '=', mailboxId);
  if (query.view === undefined) {
    q = q.where('mail_items.seq', '>', query.since ?? 0).orderBy('mail_items.seq', 'asc');
  } else {
    q = q.where('mail_items.deleted', '=', 0);
    if (query.view === 'archive') q = q.where('mail_items.archived', '=', 1);
    else q = q.where('mail_items.folder', '=', query.view).where('mail_items.archived', '=', 0);
    if (query.before !== undefined) q = q.where('mail_items.seq', '<', query.before);
    q = q.orderBy('mail_items.seq', 'desc');
  }
  return await q.limit(query.limit + 1).execute();
}

export async function findItem(
  db: Reader,
  mailboxId: string,
  messageId: string,
  folder: Folder | undefined,
): Promise<ItemRow | undefined> {
  let q = itemQuery(db)
    .where('mail_items.mailbox_id', '=', mailboxId)
    .where('mail_items.message_id', '=', messageId)
    .where('mail_items.deleted', '=', 0);
  if (folder) q = q.where('mail_items.folder', '=', folder);
  // A letter sent to one's own mailbox is filed twice: the received copy is the one people open.
  return await q.orderBy('mail_items.folder', 'asc').executeTakeFirst();
}

export async function recipientsOf(db: Reader, messageIds: readonly string[]): Promise<RecipientRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('mail_recipients')
    .selectAll()
    .where('message_id', 'in', [...new Set(messageIds)])
    .orderBy('message_id')
    .orderBy('position')
    .execute();
}

export async function readBody(db: Reader, messageId: string): Promise<Uint8Array> {
  const row = await db
    .selectFrom('mail_blobs')
    .select('body')
    .where('message_id', '=', messageId)
    .executeTakeFirstOrThrow();
  return row.body;
}

export async function currentSeq(db: Reader, mailboxId: string): Promise<number> {
  const row = await db
    .selectFrom('mailbox_sequences')
    .select('seq')
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

export async function unreadCount(db: Reader, mailboxId: string): Promise<number> {
  const row = await db
    .selectFrom('mail_items')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('mailbox_id', '=', mailboxId)
    .where('folder', '=', 'inbox')
    .where('read', '=', 0)
    .where('archived', '=', 0)
    .where('deleted', '=', 0)
    // Never filed while held, but never counted either should one exist (see itemQuery).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mail_holds')
            .select('mail_holds.message_id')
            .whereRef('mail_holds.message_id', '=', 'mail_items.message_id')
            .where('mail_holds.state', '<>', 'released'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Changes an item and gives it the mailbox's next sequence, so syncing clients see the change. */
export async function touchItem(
  tx: Tx,
  key: { mailboxId: string; folder: Folder; messageId: string },
  changes: Partial<Pick<MailItemTable, 'read' | 'archived' | 'deleted'>>,
  now: string,
): Promise<number> {
  const seq = await nextSequence(tx, key.mailboxId);
  await tx.db
    .updateTable('mail_items')
    .set({ ...changes, seq, updated_at: now })
    .where('mailbox_id', '=', key.mailboxId)
    .where('folder', '=', key.folder)
    .where('message_id', '=', key.messageId)
    .execute();
  return seq;
}
