import { MailHold, type RuleTrip } from '@liaison/core/api/mailHold';
import type { Reader, Tx } from '../db/index.ts';
import type { MailHoldTable } from '../db/schema.ts';

/**
 * Holds of messages a usage rule stopped (charter article 5), as stored and as the sender sees them.
 * A held message has no recipient copy until a technician releases it; a rejected one never gets any.
 */

const Trips = MailHold.shape.trips;

/** The hold columns as item queries select them (left-joined: all null for a message never held). */
export interface HoldColumns {
  hold_state: MailHoldTable['state'] | null;
  hold_trips: string | null;
  hold_held_at: string | null;
  hold_decided_at: string | null;
  hold_reason: string | null;
}

export const HOLD_COLUMNS = [
  'mail_holds.state as hold_state',
  'mail_holds.trips as hold_trips',
  'mail_holds.held_at as hold_held_at',
  'mail_holds.decided_at as hold_decided_at',
  'mail_holds.reason as hold_reason',
] as const;

export function toHold(row: HoldColumns): MailHold | null {
  if (row.hold_state === null || row.hold_trips === null || row.hold_held_at === null) return null;
  return {
    state: row.hold_state,
    trips: Trips.parse(JSON.parse(row.hold_trips)),
    heldAt: row.hold_held_at,
    decidedAt: row.hold_decided_at,
    reason: row.hold_reason,
  };
}

export function holdOf(row: MailHoldTable): MailHold {
  return toHold({
    hold_state: row.state,
    hold_trips: row.trips,
    hold_held_at: row.held_at,
    hold_decided_at: row.decided_at,
    hold_reason: row.reason,
  })!;
}

export async function insertHold(
  tx: Tx,
  hold: { messageId: string; senderMailboxId: string; trips: readonly RuleTrip[]; at: string },
): Promise<MailHold> {
  const row: MailHoldTable = {
    message_id: hold.messageId,
    sender_mailbox_id: hold.senderMailboxId,
    state: 'held',
    rule: hold.trips[0]!.rule,
    trips: JSON.stringify(hold.trips),
    held_at: hold.at,
    decided_at: null,
    decided_by: null,
    reason: null,
  };
  await tx.db.insertInto('mail_holds').values(row).execute();
  return holdOf(row);
}

export async function findHold(db: Reader, messageId: string): Promise<MailHold | null> {
  const row = await db
    .selectFrom('mail_holds')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row ? holdOf(row) : null;
}
