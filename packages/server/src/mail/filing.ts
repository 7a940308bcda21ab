import type { Tx } from '../db/index.ts';
import type { MailMessageTable } from '../db/schema.ts';
import type { DecodedBlobs } from './blobs.ts';
import type { MailChange } from './events.ts';
import type { ResolvedRecipient } from './resolve.ts';
import { nextSequences } from './sequence.ts';
import type { Folder } from './store.ts';

/** One copy of a letter to file: which mailbox, which folder. */
export interface Filing {
  mailboxId: string;
  address: string;
  folder: Folder;
  /** The copy exists already (the sender's, when a hold is decided): it only takes a new number. */
  existing?: boolean;
}

/** The letter itself: its metadata, its two sealed blobs, its recipients (not yet filed anywhere). */
export async function storeMessage(
  tx: Tx,
  message: MailMessageTable,
  blobs: DecodedBlobs,
  recipients: readonly ResolvedRecipient[],
): Promise<void> {
  await tx.db.insertInto('mail_messages').values(message).execute();
  await tx.db
    .insertInto('mail_blobs')
    .values({ message_id: message.id, body: blobs.body, summary: blobs.summary })
    .execute();
  await tx.db
    .insertInto('mail_recipients')
    .values(
      recipients.map((r) => ({
        message_id: message.id,
        mailbox_id: r.id,
        address: r.address,
        field: r.field,
        position: r.position,
        delivered_at: null,
        filed_at: null,
        read_at: null,
      })),
    )
    .execute();
}

/**
 * Files a letter in mailboxes, each copy with its mailbox's next change number, and returns the
 * changes to publish once committed. Used at submission (the sender's copy, and the recipients' unless
 * a usage rule holds it) and when a technician decides on a held letter (the recipients' copies on a
 * release, and the sender's renumbered either way). All the mailboxes' counters are taken in one
 * sorted pass (nextSequences), so two filings never lock the same counters in opposite orders.
 */
export async function fileItems(
  tx: Tx,
  messageId: string,
  filings: readonly Filing[],
  at: string,
): Promise<MailChange[]> {
  // A letter to one's own mailbox is filed twice; one number per mailbox per change is enough
  // for ordering, so the second filing takes a number of its own.
  const seqs = await nextSequences(tx, [...new Set(filings.map((f) => f.mailboxId))]);
  const changes: MailChange[] = [];
  const used = new Set<string>();
  for (const filing of filings) {
    let seq = seqs.get(filing.mailboxId)!;
    if (used.has(filing.mailboxId))
      seq = (await nextSequences(tx, [filing.mailboxId])).get(filing.mailboxId)!;
    used.add(filing.mailboxId);
    changes.push({ mailboxId: filing.mailboxId, address: filing.address, seq });
    if (filing.existing === true) {
      await tx.db
        .updateTable('mail_items')
        .set({ seq, updated_at: at })
        .where('mailbox_id', '=', filing.mailboxId)
        .where('folder', '=', filing.folder)
        .where('message_id', '=', messageId)
        .execute();
      continue;
    }
    await tx.db
      .insertInto('mail_items')
      .values({
        mailbox_id: filing.mailboxId,
        folder: filing.folder,
        message_id: messageId,
        seq,
        read: filing.folder === 'sent' ? 1 : 0,
        archived: 0,
        deleted: 0,
        updated_at: at,
      })
      .execute();
  }
  return changes;
}
