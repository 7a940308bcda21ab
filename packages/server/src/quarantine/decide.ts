import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { publishMailChanges } from '../mail/events.ts';
import { fileItems, type Filing } from '../mail/filing.ts';
import { recordExchanged } from '../stats/record.ts';

export type Decision = 'released' | 'rejected';

/**
 * A technician's decision on a held message, in the caller's transaction. The conditional update is
 * the guard: only a hold still in state `held` changes, so a second decision, or two technicians
 * deciding at once (PostgreSQL re-checks the condition once the first commits; SQLite runs write
 * transactions one at a time), gets HOLD_ALREADY_DECIDED and changes nothing.
 *
 * Released: every recipient's copy is filed now, with the next change numbers of their mailboxes, as if
 * just sent. Rejected: no copy is ever filed; the blobs stay, since the sender still opens the Sent copy.
 * Either way the sender's Sent copy takes a new change number (touchItem's effect, taken in the same
 * sorted pass as the recipients' numbers), so their clients see the outcome.
 */
export async function decideHold(
  tx: Tx,
  deps: Pick<Deps, 'bus' | 'audit'>,
  decision: { messageId: string; state: Decision; actorId: string; reason: string | null; now: Date },
): Promise<void> {
  const at = iso(decision.now);
  const updated = await tx.db
    .updateTable('mail_holds')
    .set({ state: decision.state, decided_at: at, decided_by: decision.actorId, reason: decision.reason })
    .where('message_id', '=', decision.messageId)
    .where('state', '=', 'held')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const exists = await tx.db
      .selectFrom('mail_holds')
      .select('state')
      .where('message_id', '=', decision.messageId)
      .executeTakeFirst();
    fail(exists ? 'HOLD_ALREADY_DECIDED' : 'HOLD_NOT_FOUND');
  }
  const message = await tx.db
    .selectFrom('mail_messages')
    .innerJoin('mailboxes', 'mailboxes.id', 'mail_messages.sender_mailbox_id')
    .select(['mail_messages.sender_mailbox_id', 'mailboxes.address'])
    .where('mail_messages.id', '=', decision.messageId)
    .executeTakeFirstOrThrow();
  const filings: Filing[] = [
    { mailboxId: message.sender_mailbox_id, address: message.address, folder: 'sent', existing: true },
  ];
  if (decision.state === 'released') {
    const recipients = await tx.db
      .selectFrom('mail_recipients')
      .select(['mailbox_id', 'address'])
      .where('message_id', '=', decision.messageId)
      .orderBy('position')
      .execute();
    for (const r of recipients)
      filings.push({ mailboxId: r.mailbox_id, address: r.address, folder: 'inbox' });
    // A released message counts from now on, on the day it was submitted.
    await recordExchanged(tx, decision.messageId);
  }
  const changes = await fileItems(tx, decision.messageId, filings, at);
  await deps.audit.append(tx, {
    actor: decision.actorId,
    action: decision.state === 'released' ? 'mail.hold.released' : 'mail.hold.rejected',
    target: decision.messageId,
  });
  publishMailChanges(tx, deps.bus, changes);
}
