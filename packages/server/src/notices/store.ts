/**
 * The queries behind the GP's notice threads: inbox items of category notice in the caller's own
 * personal mailboxes, grouped by the organisation of the mailbox that sent them. Held letters are
 * never in an inbox (see mail/store.ts itemQuery), and the same filter applies here.
 */
import type { NoticePageQuery } from '@liaison/core/notice/index';
import type { z } from 'zod';
import type { Reader } from '../db/index.ts';
import { itemQuery, type ItemRow } from '../mail/store.ts';

type PageQuery = z.output<typeof NoticePageQuery>;

/** The personal mailboxes the user owns: the GP's own, never one they are only a delegate of. */
export async function ownPersonalMailboxes(db: Reader, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mailboxes')
    .innerJoin('mailbox_members', 'mailbox_members.mailbox_id', 'mailboxes.id')
    .select('mailboxes.id')
    .where('mailbox_members.user_id', '=', userId)
    .where('mailbox_members.access', '=', 'owner')
    .where('mailboxes.kind', '=', 'PER')
    .execute();
  return rows.map((r) => r.id);
}

/** Inbox notice items of these mailboxes, with the sending organisation (none for a stray sender). */
function noticeItems(db: Reader, mailboxIds: readonly string[]) {
  return db
    .selectFrom('mail_items')
    .innerJoin('mail_messages', 'mail_messages.id', 'mail_items.message_id')
    .innerJoin('mailboxes as sender_box', 'sender_box.id', 'mail_messages.sender_mailbox_id')
    .innerJoin('organisations', 'organisations.id', 'sender_box.organisation_id')
    .leftJoin('mail_holds', 'mail_holds.message_id', 'mail_items.message_id')
    .where('mail_items.mailbox_id', 'in', [...mailboxIds])
    .where('mail_items.folder', '=', 'inbox')
    .where('mail_items.deleted', '=', 0)
    .where('mail_messages.category', '=', 'notice')
    .where((eb) => eb.or([eb('mail_holds.state', 'is', null), eb('mail_holds.state', '=', 'released')]));
}

export interface ThreadRow {
  organisation_id: string;
  organisation_name: string;
  count: number | string;
  unread: number | string | null;
  last_at: string;
}

export async function threadRows(db: Reader, mailboxIds: readonly string[]): Promise<ThreadRow[]> {
  if (mailboxIds.length === 0) return [];
  return noticeItems(db, mailboxIds)
    .select((eb) => [
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(eb.and([eb('mail_items.read', '=', 0), eb('mail_items.archived', '=', 0)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('unread'),
      eb.fn.max('mail_messages.submitted_at').as('last_at'),
    ])
    .groupBy(['organisations.id', 'organisations.name'])
    .execute();
}

/** Which of the establishment's mailboxes sent them, per organisation. */
export async function senderRows(
  db: Reader,
  mailboxIds: readonly string[],
): Promise<Array<{ organisation_id: string; from_address: string }>> {
  if (mailboxIds.length === 0) return [];
  return noticeItems(db, mailboxIds)
    .select(['organisations.id as organisation_id', 'mail_messages.from_address'])
    .distinct()
    .orderBy('mail_messages.from_address')
    .execute();
}

/** One organisation's notices to these mailboxes, newest first, one more than the limit. */
export async function noticePage(
  db: Reader,
  mailboxIds: readonly string[],
  organisationId: string,
  query: PageQuery,
): Promise<ItemRow[]> {
  if (mailboxIds.length === 0) return [];
  let q = itemQuery(db)
    .innerJoin('mailboxes as sender_box', 'sender_box.id', 'mail_messages.sender_mailbox_id')
    .where('mail_items.mailbox_id', 'in', [...mailboxIds])
    .where('mail_items.folder', '=', 'inbox')
    .where('mail_items.deleted', '=', 0)
    .where('mail_messages.category', '=', 'notice')
    .where('sender_box.organisation_id', '=', organisationId);
  const { before, beforeId } = query;
  if (before !== undefined) {
    q = q.where((eb) =>
      beforeId === undefined
        ? eb('mail_messages.submitted_at', '<', before)
        : eb.or([
            eb('mail_messages.submitted_at', '<', before),
            eb.and([
              eb('mail_messages.submitted_at', '=', before),
              eb('mail_items.message_id', '<', beforeId),
            ]),
          ]),
    );
  }
  return q
    .orderBy('mail_messages.submitted_at', 'desc')
    .orderBy('mail_items.message_id', 'desc')
    .limit(query.limit + 1)
    .execute();
}
