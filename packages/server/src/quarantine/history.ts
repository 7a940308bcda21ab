import type { SenderHistory } from '@liaison/core/api/usage';
import { iso } from '../clock.ts';
import type { Reader } from '../db/index.ts';

/** How far back a technician looks at a sender's volume. */
export const HISTORY_WINDOW_MS = 30 * 24 * 3600_000;

const EMPTY: SenderHistory = {
  messages30d: 0,
  recipients30d: 0,
  held: 0,
  released: 0,
  rejected: 0,
  firstMessageAt: null,
};

/**
 * What a technician weighs a held message against: the From mailbox's volume over 30 days, its
 * earlier holds and their outcomes, and how long it has been writing. Counts only, never content.
 * Two grouped queries for a whole page of held messages, whatever the number of senders.
 */
export async function senderHistories(
  db: Reader,
  mailboxIds: readonly string[],
  now: Date,
): Promise<Map<string, SenderHistory>> {
  const ids = [...new Set(mailboxIds)];
  const histories = new Map<string, SenderHistory>(ids.map((id) => [id, { ...EMPTY }]));
  if (ids.length === 0) return histories;
  const since = iso(new Date(now.getTime() - HISTORY_WINDOW_MS));
  const volumes = await db
    .selectFrom('mail_messages')
    .select((eb) => [
      'sender_mailbox_id',
      eb.fn.count<number | string>(eb.case().when('submitted_at', '>', since).then(1).end()).as('messages'),
      eb.fn
        .sum<number | string | null>(
          eb.case().when('submitted_at', '>', since).then(eb.ref('recipient_count')).else(0).end(),
        )
        .as('recipients'),
      eb.fn.min('submitted_at').as('first'),
    ])
    .where('sender_mailbox_id', 'in', ids)
    .groupBy('sender_mailbox_id')
    .execute();
  for (const row of volumes) {
    const history = histories.get(row.sender_mailbox_id)!;
    history.messages30d = Number(row.messages);
    history.recipients30d = Number(row.recipients ?? 0);
    history.firstMessageAt = row.first;
  }
  const holds = await db
    .selectFrom('mail_holds')
    .select((eb) => ['sender_mailbox_id', 'state', eb.fn.countAll<number | string>().as('n')])
    .where('sender_mailbox_id', 'in', ids)
    .groupBy(['sender_mailbox_id', 'state'])
    .execute();
  for (const row of holds) histories.get(row.sender_mailbox_id)![row.state] = Number(row.n);
  return histories;
}
