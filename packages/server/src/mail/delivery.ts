import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import type { MailRecipientTable } from '../db/schema.ts';
import { publishMailChanges } from './events.ts';
import { touchItem } from './store.ts';

export type DeliveryStep = 'delivered' | 'filed' | 'read';

/**
 * Moves one recipient's delivery forward (never back: a letter read stays read) and gives the
 * sender's copy a new change number, so the sender's clients see the new state when they sync.
 */
export async function recordDelivery(
  deps: Pick<Deps, 'db' | 'bus' | 'clock'>,
  messageId: string,
  recipientMailboxId: string,
  step: DeliveryStep,
): Promise<void> {
  const now = iso(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    const row = await tx.db
      .selectFrom('mail_recipients')
      .innerJoin('mail_messages', 'mail_messages.id', 'mail_recipients.message_id')
      .innerJoin('mailboxes', 'mailboxes.id', 'mail_messages.sender_mailbox_id')
      .leftJoin('mail_holds', 'mail_holds.message_id', 'mail_recipients.message_id')
      .select([
        'mail_holds.state as hold_state',
        'mail_recipients.delivered_at',
        'mail_recipients.filed_at',
        'mail_recipients.read_at',
        'mail_messages.sender_mailbox_id',
        'mailboxes.address as sender_address',
      ])
      .where('mail_recipients.message_id', '=', messageId)
      .where('mail_recipients.mailbox_id', '=', recipientMailboxId)
      .executeTakeFirst();
    if (!row) return;
    // A held or rejected message reached nobody: no delivery can be recorded for it.
    if (row.hold_state !== null && row.hold_state !== 'released') return;
    const changes: Partial<Pick<MailRecipientTable, 'delivered_at' | 'filed_at' | 'read_at'>> = {};
    if (!row.delivered_at) changes.delivered_at = now;
    if (step === 'filed' && !row.filed_at) changes.filed_at = now;
    if (step === 'read' && !row.read_at) changes.read_at = now;
    if (Object.keys(changes).length === 0) return;
    await tx.db
      .updateTable('mail_recipients')
      .set(changes)
      .where('message_id', '=', messageId)
      .where('mailbox_id', '=', recipientMailboxId)
      .execute();
    const seq = await touchItem(tx, { mailboxId: row.sender_mailbox_id, folder: 'sent', messageId }, {}, now);
    publishMailChanges(tx, deps.bus, [
      { mailboxId: row.sender_mailbox_id, address: row.sender_address, seq },
    ]);
  });
}
