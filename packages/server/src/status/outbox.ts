import type { StatusAlertDelivery } from '@liaison/core/api/status';
import { addMs, iso } from '../clock.ts';
import type { Database, Reader, Tx } from '../db/index.ts';
import type { PlainEmail } from './smtp.ts';

/** Rows per INSERT: well under SQLite's bound-parameter limit whatever the number of establishments. */
const INSERT_CHUNK = 200;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 3600_000;
const WAITING_SHOWN = 50;

/** 1 min after the first failure, then 2, 4, 8… capped at 1 h: a long relay outage costs one try an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * Who hears about incidents: every establishment's alert mailbox and the address of every active
 * establishment admin (their IT contacts), lower-cased and deduplicated, in a stable order.
 */
export async function alertRecipients(tx: Tx): Promise<string[]> {
  const mailboxes = await tx.db
    .selectFrom('organisations')
    .select('alert_mailbox as address')
    .where('alert_mailbox', 'is not', null)
    .execute();
  const admins = await tx.db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.email as address')
    .where('user_roles.role', '=', 'establishment_admin')
    .where('user_roles.organisation_id', 'is not', null)
    // Pending, rejected or disabled accounts are not (or no longer) someone the establishment vouches for.
    .where('users.status', '=', 'active')
    .execute();
  const all = [...mailboxes, ...admins].map((r) => (r.address ?? '').trim().toLowerCase());
  return [...new Set(all.filter((a) => a.length > 0))].sort();
}

/** Queues one email per address in the caller's transaction: they commit with the post or not at all. */
export async function queueEmails(
  tx: Tx,
  emails: PlainEmail[],
  eventId: string | null,
  now: Date,
): Promise<number> {
  const at = iso(now);
  const rows = emails.map((e) => ({
    id: crypto.randomUUID(),
    to_address: e.to,
    subject: e.subject,
    body_text: e.text,
    created_at: at,
    attempts: 0,
    next_attempt_at: at,
    sent_at: null,
    last_error: null,
    event_id: eventId,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.db
      .insertInto('outbound_emails')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  return rows.length;
}

export interface DueEmail {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
  next_attempt_at: string;
}

export function dueEmails(read: Reader, now: Date, limit: number): Promise<DueEmail[]> {
  return read
    .selectFrom('outbound_emails')
    .select(['id', 'to_address', 'subject', 'body_text', 'attempts', 'next_attempt_at'])
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', iso(now))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Moves a row's next_attempt_at from the value we read to `to`, only if nobody changed it since: the
 * claim before sending (to = a lease) and the rescheduling after a failure both go through here, so of
 * two nodes that read the same row only one ever acts on it.
 */
async function moveIfUnchanged(
  db: Database,
  id: string,
  from: string,
  set: { next_attempt_at: string; attempts?: number; last_error?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const result = await tx.db
      .updateTable('outbound_emails')
      .set(set)
      .where('id', '=', id)
      .where('next_attempt_at', '=', from)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  });
}

/** Takes the row for `leaseMs`; returns the lease (the value to hand back to markFailed) or null. */
export async function claim(db: Database, row: DueEmail, now: Date, leaseMs: number): Promise<string | null> {
  // Due rows have next_attempt_at <= now, so the lease always differs from the value read.
  const lease = iso(addMs(now, leaseMs));
  return (await moveIfUnchanged(db, row.id, row.next_attempt_at, { next_attempt_at: lease })) ? lease : null;
}

export async function markSent(db: Database, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.db
      .updateTable('outbound_emails')
      .set({ sent_at: iso(now), last_error: null })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  });
}

/** Counts the failed try and schedules the next one; `expected` is the claim's lease (or the value read). */
export async function markFailed(
  db: Database,
  row: DueEmail,
  expected: string,
  error: string,
  now: Date,
): Promise<boolean> {
  const attempts = row.attempts + 1;
  return moveIfUnchanged(db, row.id, expected, {
    attempts,
    last_error: error,
    next_attempt_at: iso(addMs(now, retryDelayMs(attempts))),
  });
}

export async function deliveryView(read: Reader): Promise<StatusAlertDelivery> {
  const counts = await read
    .selectFrom('outbound_emails')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>('sent_at').as('sent'),
    ])
    .executeTakeFirstOrThrow();
  const waiting = await read
    .selectFrom('outbound_emails')
    .select(['to_address', 'subject', 'attempts', 'next_attempt_at', 'last_error'])
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(WAITING_SHOWN)
    .execute();
  // PostgreSQL counts in bigint, which pg hands over as a string.
  const sent = Number(counts.sent);
  return {
    pending: Number(counts.total) - sent,
    sent,
    waiting: waiting.map((w) => ({
      to: w.to_address,
      subject: w.subject,
      attempts: Number(w.attempts),
      nextAttemptAt: w.next_attempt_at,
      lastError: w.last_error,
    })),
  };
}
