import type { SubmitMessageRequest, SubmittedMessage } from '@liaison/core/api/mail';
import type { MailHold } from '@liaison/core/api/mailHold';
import type { z } from 'zod';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { recordExchanged } from '../stats/record.ts';
import type { DecodedBlobs } from './blobs.ts';
import { judgeSubmission } from './bulk.ts';
import { publishMailChanges } from './events.ts';
import { fileItems, storeMessage, type Filing } from './filing.ts';
import { insertHold } from './holds.ts';
import type { ResolvedMailbox, ResolvedRecipient } from './resolve.ts';

/** A submission that passed every check (MailService.submit), ready to store. */
export interface Accepted {
  input: z.output<typeof SubmitMessageRequest>;
  userId: string;
  deviceId: string;
  sender: ResolvedMailbox;
  recipients: ResolvedRecipient[];
  blobs: DecodedBlobs;
  fingerprint: string;
  /** Declared patients, checked against the category. */
  patients: number;
  now: Date;
}

/**
 * Stores and files one letter. The bulk rules are judged here, in the transaction that inserts the
 * letter, so the past hour a message is counted against includes every message committed before it
 * (see lockSender for concurrent ones). A letter that trips a rule is stored and filed in the sender's
 * Sent folder only, with its hold; the recipients' copies wait for a technician's release.
 */
export async function storeAccepted(
  tx: Tx,
  deps: Pick<Deps, 'config' | 'audit' | 'bus'>,
  a: Accepted,
): Promise<MailHold | null> {
  const at = iso(a.now);
  const { trips } = await judgeSubmission(tx, deps.config.bulk, {
    sender: a.sender,
    userId: a.userId,
    category: a.input.category,
    patients: a.patients,
    recipients: a.recipients,
    now: a.now,
  });
  await storeMessage(
    tx,
    {
      id: a.input.id,
      sender_mailbox_id: a.sender.id,
      sender_user_id: a.userId,
      sender_device_id: a.deviceId,
      from_address: a.sender.address,
      category: a.input.category,
      body_bytes: a.input.declared.bodyBytes,
      summary_bytes: a.input.declared.summaryBytes,
      attachment_count: a.input.declared.attachmentCount,
      attachment_bytes: a.input.declared.attachmentBytes,
      recipient_count: a.recipients.length,
      patients: a.patients,
      fingerprint: a.fingerprint,
      submitted_at: at,
    },
    a.blobs,
    a.recipients,
  );
  const held = trips.length > 0;
  const filings: Filing[] = [
    { mailboxId: a.sender.id, address: a.sender.address, folder: 'sent' },
    ...(held
      ? []
      : a.recipients.map((r) => ({ mailboxId: r.id, address: r.address, folder: 'inbox' as const }))),
  ];
  const changes = await fileItems(tx, a.input.id, filings, at);
  let hold: MailHold | null = null;
  if (held) {
    hold = await insertHold(tx, { messageId: a.input.id, senderMailboxId: a.sender.id, trips, at });
    await deps.audit.append(tx, {
      actor: a.userId,
      action: 'mail.held',
      target: a.input.id,
      details: { rules: trips.map((t) => t.rule), recipients: a.recipients.length },
    });
  } else {
    // Exchanged now, in this transaction: the statistics never count a letter that was rolled back.
    await recordExchanged(tx, a.input.id);
  }
  // Held: only the sender's mailbox changed, so only its clients are told.
  publishMailChanges(tx, deps.bus, changes);
  return hold;
}

/** The answer to a submission just stored: known without reading it back. */
export function submittedView(a: Accepted, hold: MailHold | null): SubmittedMessage {
  return {
    id: a.input.id,
    from: a.sender.address,
    submittedAt: iso(a.now),
    recipients: a.recipients.map((r) => ({
      address: r.address,
      field: r.field,
      state: 'submitted',
      deliveredAt: null,
      filedAt: null,
      readAt: null,
    })),
    hold,
  };
}
