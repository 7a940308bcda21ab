import type { Tx } from '../db/index.ts';

/**
 * Takes the next change number of each mailbox, in one transaction. The row update locks the
 * mailbox's counter until commit, so on PostgreSQL two letters to the same mailbox commit in the
 * order of their numbers: a client syncing "after 41" can never miss a 42 that commits later.
 * Mailboxes are taken in id order so two transactions touching the same mailboxes cannot deadlock.
 */
export async function nextSequences(tx: Tx, mailboxIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(mailboxIds)].sort();
  const taken = new Map<string, number>();
  for (const mailboxId of ids) taken.set(mailboxId, await nextSequence(tx, mailboxId));
  return taken;
}

export async function nextSequence(tx: Tx, mailboxId: string): Promise<number> {
  const bumped = await tx.db
    .updateTable('mailbox_sequences')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('mailbox_id', '=', mailboxId)
    .returning('seq')
    .executeTakeFirst();
  if (bumped) return bumped.seq;
  await tx.db
    .insertInto('mailbox_sequences')
    .values({ mailbox_id: mailboxId, seq: 0 })
    .onConflict((oc) => oc.column('mailbox_id').doNothing())
    .execute();
  return nextSequence(tx, mailboxId);
}
