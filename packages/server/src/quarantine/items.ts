import type { QuarantineCounts, QuarantineItem, QuarantineQuery } from '@liaison/core/api/usage';
import type { z } from 'zod';
import type { Reader } from '../db/index.ts';
import { holdOf } from '../mail/holds.ts';
import { senderHistories } from './history.ts';

/** "First LAST", the way the platform's staff screens name people. */
export function personName(first: string, last: string): string {
  return `${first} ${last.toLocaleUpperCase('fr-FR')}`;
}

/** Held messages with what a technician judges them on: metadata only, never a byte of content. */
function heldQuery(db: Reader) {
  return db
    .selectFrom('mail_holds')
    .innerJoin('mail_messages', 'mail_messages.id', 'mail_holds.message_id')
    .innerJoin('mailboxes', 'mailboxes.id', 'mail_messages.sender_mailbox_id')
    .innerJoin('users as sender', 'sender.id', 'mail_messages.sender_user_id')
    .leftJoin('organisations', 'organisations.id', 'mailboxes.organisation_id')
    .leftJoin('users as decider', 'decider.id', 'mail_holds.decided_by')
    .selectAll('mail_holds')
    .select([
      'mail_messages.from_address',
      'mail_messages.category',
      'mail_messages.patients',
      'mail_messages.body_bytes',
      'mail_messages.attachment_count',
      'mail_messages.attachment_bytes',
      'mail_messages.submitted_at',
      'mailboxes.kind as mailbox_kind',
      'organisations.name as organisation_name',
      'sender.first_name as sender_first_name',
      'sender.last_name as sender_last_name',
      'decider.first_name as decider_first_name',
      'decider.last_name as decider_last_name',
    ]);
}

type HeldRow = Awaited<ReturnType<ReturnType<typeof heldQuery>['execute']>>[number];

/** To and Cc counts per message, one grouped query for the page. */
async function fieldCounts(
  db: Reader,
  messageIds: readonly string[],
): Promise<Map<string, { to: number; cc: number }>> {
  const counts = new Map<string, { to: number; cc: number }>(messageIds.map((id) => [id, { to: 0, cc: 0 }]));
  if (messageIds.length === 0) return counts;
  const rows = await db
    .selectFrom('mail_recipients')
    .select((eb) => ['message_id', 'field', eb.fn.countAll<number | string>().as('n')])
    .where('message_id', 'in', [...messageIds])
    .groupBy(['message_id', 'field'])
    .execute();
  for (const row of rows) counts.get(row.message_id)![row.field] = Number(row.n);
  return counts;
}

/** A fixed number of queries per page: items, their To/Cc counts, their senders' histories. */
async function toItems(db: Reader, rows: readonly HeldRow[], now: Date): Promise<QuarantineItem[]> {
  const ids = rows.map((r) => r.message_id);
  const fields = await fieldCounts(db, ids);
  const histories = await senderHistories(
    db,
    rows.map((r) => r.sender_mailbox_id),
    now,
  );
  return rows.map((row) => ({
    messageId: row.message_id,
    from: row.from_address,
    senderName: personName(row.sender_first_name, row.sender_last_name),
    organisationName: row.organisation_name,
    mailboxKind: row.mailbox_kind,
    category: row.category,
    patients: row.patients,
    toCount: fields.get(row.message_id)!.to,
    ccCount: fields.get(row.message_id)!.cc,
    bodyBytes: row.body_bytes,
    attachmentCount: row.attachment_count,
    attachmentBytes: row.attachment_bytes,
    submittedAt: row.submitted_at,
    hold: holdOf(row),
    decidedBy:
      row.decider_first_name === null || row.decider_last_name === null
        ? null
        : personName(row.decider_first_name, row.decider_last_name),
    history: histories.get(row.sender_mailbox_id)!,
  }));
}

export async function heldItem(
  db: Reader,
  messageId: string,
  now: Date,
): Promise<QuarantineItem | undefined> {
  const row = await heldQuery(db).where('mail_holds.message_id', '=', messageId).executeTakeFirst();
  if (!row) return undefined;
  return (await toItems(db, [row], now))[0];
}

/** One page in one state, newest first; `before` pages back by the time messages were held. */
export async function heldPage(
  db: Reader,
  query: z.output<typeof QuarantineQuery>,
  now: Date,
): Promise<{ items: QuarantineItem[]; more: boolean }> {
  let q = heldQuery(db).where('mail_holds.state', '=', query.state);
  if (query.before !== undefined) q = q.where('mail_holds.held_at', '<', query.before);
  const rows = await q
    .orderBy('mail_holds.held_at', 'desc')
    .orderBy('mail_holds.message_id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { items: await toItems(db, page, now), more: rows.length > query.limit };
}

/** All-time counts per state: the quarantine screen's figures (held now, released, rejected). */
export async function holdCounts(db: Reader): Promise<QuarantineCounts> {
  const rows = await db
    .selectFrom('mail_holds')
    .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
    .groupBy('state')
    .execute();
  const counts: QuarantineCounts = { held: 0, released: 0, rejected: 0 };
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}
