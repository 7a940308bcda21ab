import type { SenderLimit, SenderLimitRequest } from '@liaison/core/api/usage';
import type { z } from 'zod';
import type { Config } from '../config/config.ts';
import type { Reader, Tx } from '../db/index.ts';
import type { MailboxTable, SenderLimitTable } from '../db/schema.ts';
import { fail } from '../errors.ts';
import { effectiveLimits, limitsView } from '../mail/bulk.ts';
import { personName } from './items.ts';

/**
 * A technician's limits for one sender mailbox (charter article 5): higher for a hospital's
 * communication service, lower for a mailbox that misbehaved, the hourly exemption granted or removed.
 * Each value left null keeps the server's default; `effective` says what applies once they fill in.
 */

export type LimitInput = z.output<typeof SenderLimitRequest>;

interface MailboxRef {
  id: string;
  address: string;
  kind: MailboxTable['kind'];
}

export async function requireMailbox(db: Reader, address: string): Promise<MailboxRef> {
  const mailbox = await db
    .selectFrom('mailboxes')
    .select(['id', 'address', 'kind'])
    .where('address', '=', address.trim().toLowerCase())
    .executeTakeFirst();
  if (!mailbox) fail('MAILBOX_NOT_FOUND', `No mailbox has the address ${address}.`, { address });
  return mailbox;
}

function limitsQuery(db: Reader) {
  return db
    .selectFrom('sender_limits')
    .innerJoin('mailboxes', 'mailboxes.id', 'sender_limits.mailbox_id')
    .innerJoin('users', 'users.id', 'sender_limits.set_by')
    .selectAll('sender_limits')
    .select(['mailboxes.address', 'mailboxes.kind', 'users.first_name', 'users.last_name']);
}

type LimitRow = SenderLimitTable & {
  address: string;
  kind: MailboxTable['kind'];
  first_name: string;
  last_name: string;
};

function toSenderLimit(row: LimitRow, defaults: Config['bulk']): SenderLimit {
  return {
    address: row.address,
    messageRecipients: row.message_recipients,
    hourlyRecipients: row.hourly_recipients,
    hourlyExempt: row.hourly_exempt === null ? null : row.hourly_exempt === 1,
    note: row.note,
    setAt: row.set_at,
    setBy: personName(row.first_name, row.last_name),
    effective: limitsView(effectiveLimits(row, row.kind, defaults)),
  };
}

export async function listLimits(db: Reader, defaults: Config['bulk']): Promise<SenderLimit[]> {
  const rows = await limitsQuery(db).orderBy('mailboxes.address').execute();
  return rows.map((row) => toSenderLimit(row, defaults));
}

/**
 * One mailbox's limits. A mailbox without its own answers nulls (and empty `setAt`/`setBy`): the
 * defaults apply, and `effective` shows them, so the form can open on any sender.
 */
export async function findLimit(
  db: Reader,
  mailbox: MailboxRef,
  defaults: Config['bulk'],
): Promise<SenderLimit> {
  const row = await limitsQuery(db).where('sender_limits.mailbox_id', '=', mailbox.id).executeTakeFirst();
  if (row) return toSenderLimit(row, defaults);
  return {
    address: mailbox.address,
    messageRecipients: null,
    hourlyRecipients: null,
    hourlyExempt: null,
    note: null,
    setAt: '',
    setBy: '',
    effective: limitsView(effectiveLimits(undefined, mailbox.kind, defaults)),
  };
}

export async function saveLimit(
  tx: Tx,
  mailboxId: string,
  input: LimitInput,
  by: { userId: string; at: string },
): Promise<void> {
  const values = {
    message_recipients: input.messageRecipients,
    hourly_recipients: input.hourlyRecipients,
    hourly_exempt: input.hourlyExempt === null ? null : input.hourlyExempt ? 1 : 0,
    note: input.note === '' ? null : input.note,
    set_by: by.userId,
    set_at: by.at,
  };
  await tx.db
    .insertInto('sender_limits')
    .values({ mailbox_id: mailboxId, ...values })
    .onConflict((oc) => oc.column('mailbox_id').doUpdateSet(values))
    .execute();
}

/** Whether there was a limit to remove. */
export async function removeLimit(tx: Tx, mailboxId: string): Promise<boolean> {
  const deleted = await tx.db
    .deleteFrom('sender_limits')
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
