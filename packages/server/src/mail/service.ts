import {
  type MailList,
  type MailListQuery,
  type MailMessage,
  type MailItem,
  type SubmitMessageRequest,
  type SubmittedMessage,
} from '@liaison/core/api/mail';
import { declaredPatients } from '@liaison/core/policy/bulkRules';
import type { z } from 'zod';
import type { ResolvedSession } from '../auth/sessions.ts';
import { iso } from '../clock.ts';
import { requireCurrentCharter } from '../charter/current.ts';
import { CommitBatcher } from '../db/batcher.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import type { DeviceService } from '../devices/service.ts';
import { fail } from '../errors.ts';
import { personalCertificates, isUniqueViolation } from '../pki/store.ts';
import { checkEnvelopeRecipients, decodeBlobs, submissionFingerprint } from './blobs.ts';
import { publishMailChanges, type MailChange } from './events.ts';
import { DEFAULT_POLICY, refuseNoReplySender, runPolicy, type PolicyRule } from './policy.ts';
import { requireMemberMailbox, resolveRecipients, resolveSenderMailbox } from './resolve.ts';
import { nextSequences } from './sequence.ts';
import {
  currentSeq,
  findItem,
  findMessage,
  listItems,
  readBody,
  recipientsOf,
  touchItem,
  unreadCount,
  type Folder,
  type ItemRow,
} from './store.ts';
import { recordDelivery, type DeliveryStep } from './delivery.ts';
import { base64, groupByMessage, toDelivery, toMailItem } from './views.ts';

type Submission = z.output<typeof SubmitMessageRequest>;

/**
 * Secure mail on the server side: accepts sealed letters from enrolled devices, files them in the
 * sender's and each recipient's mailbox, tracks delivery, and serves listings and ciphertext to the
 * members of each mailbox. It never sees a letter's content.
 */
export class MailService {
  private readonly batcher: CommitBatcher;

  constructor(
    private readonly deps: Deps,
    private readonly devices: DeviceService,
    private readonly rules: readonly PolicyRule[] = DEFAULT_POLICY,
  ) {
    this.batcher = new CommitBatcher(deps.db);
  }

  async submit(
    session: ResolvedSession,
    input: Submission,
  ): Promise<{ created: boolean; message: SubmittedMessage }> {
    const device = await this.devices.requireActiveDevice(session);
    const userId = session.user.id;
    const now = this.deps.clock.now();
    const blobs = decodeBlobs(input, this.deps.config.mailMaxBytes, input.to.length + input.cc.length);
    const fingerprint = submissionFingerprint(input, blobs);
    const replayed = await this.replay(input.id, userId, fingerprint);
    if (replayed) return { created: false, message: replayed };

    refuseNoReplySender(input.from);
    await requireCurrentCharter(this.deps.db.read, userId);
    const sender = await resolveSenderMailbox(this.deps.db.read, input.from, userId, now);
    await this.requireSigningCertificate(userId, now);
    const recipients = await resolveRecipients(this.deps.db.read, input.to, input.cc, now);
    await runPolicy(this.rules, {
      senderUserId: userId,
      from: sender,
      recipients,
      category: input.category,
      declared: input.declared,
      maxBytes: this.deps.config.mailMaxBytes,
    });
    if (sender.encryptionSerials.length === 0) {
      fail('NO_ENCRYPTION_CERTIFICATE', `${sender.address} has no encryption certificate yet.`);
    }
    checkEnvelopeRecipients(blobs, sender, recipients);

    const at = iso(now);
    try {
      await this.batcher.run(async (tx) => {
        await tx.db
          .insertInto('mail_messages')
          .values({
            id: input.id,
            sender_mailbox_id: sender.id,
            sender_user_id: userId,
            sender_device_id: device.id,
            from_address: sender.address,
            category: input.category,
            body_bytes: input.declared.bodyBytes,
            summary_bytes: input.declared.summaryBytes,
            attachment_count: input.declared.attachmentCount,
            attachment_bytes: input.declared.attachmentBytes,
            recipient_count: recipients.length,
            patients: declaredPatients(input.category, input.declared.patients),
            fingerprint,
            submitted_at: at,
          })
          .execute();
        await tx.db
          .insertInto('mail_blobs')
          .values({ message_id: input.id, body: blobs.body, summary: blobs.summary })
          .execute();
        await tx.db
          .insertInto('mail_recipients')
          .values(
            recipients.map((r) => ({
              message_id: input.id,
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
        const filings: Array<{ mailboxId: string; address: string; folder: Folder }> = [
          { mailboxId: sender.id, address: sender.address, folder: 'sent' },
          ...recipients.map((r) => ({ mailboxId: r.id, address: r.address, folder: 'inbox' as const })),
        ];
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
          await tx.db
            .insertInto('mail_items')
            .values({
              mailbox_id: filing.mailboxId,
              folder: filing.folder,
              message_id: input.id,
              seq,
              read: filing.folder === 'sent' ? 1 : 0,
              archived: 0,
              deleted: 0,
              updated_at: at,
            })
            .execute();
          changes.push({ mailboxId: filing.mailboxId, address: filing.address, seq });
        }
        publishMailChanges(tx, this.deps.bus, changes);
      });
    } catch (err) {
      // Two copies of one retry raced: the loser answers like a retry.
      if (isUniqueViolation(err)) {
        const again = await this.replay(input.id, userId, fingerprint);
        if (again) return { created: false, message: again };
      }
      throw err;
    }
    this.deps.logger.info(
      { messageId: input.id, recipients: recipients.length, bytes: input.declared.bodyBytes },
      'mail submitted',
    );
    // Just written: the answer is known without reading it back.
    const message: SubmittedMessage = {
      id: input.id,
      from: sender.address,
      submittedAt: at,
      recipients: recipients.map((r) => ({
        address: r.address,
        field: r.field,
        state: 'submitted',
        deliveredAt: null,
        filedAt: null,
        readAt: null,
      })),
      hold: null,
    };
    return { created: true, message };
  }

  /** A mailbox's items: a sync from a sequence, or a folder page. */
  async list(userId: string, address: string, query: z.output<typeof MailListQuery>): Promise<MailList> {
    const mailbox = await requireMemberMailbox(this.deps.db.read, address, userId);
    const rows = await listItems(this.deps.db.read, mailbox.id, query);
    const page = rows.slice(0, query.limit);
    return {
      items: await this.toItems(page),
      seq: await currentSeq(this.deps.db.read, mailbox.id),
      more: rows.length > query.limit,
      unread: await unreadCount(this.deps.db.read, mailbox.id),
    };
  }

  /** The ciphertext of one letter; the first fetch by a recipient marks it delivered to them. */
  async fetch(userId: string, address: string, messageId: string, folder?: Folder): Promise<MailMessage> {
    const item = await this.requireItem(userId, address, messageId, folder);
    if (item.folder === 'inbox') await this.advance(item, 'delivered');
    const body = await readBody(this.deps.db.read, messageId);
    // Delivery moves the sender's copy, not this one: the item read above is still current.
    return { ...(await this.toItem(item)), body: base64(body) };
  }

  async update(
    userId: string,
    address: string,
    messageId: string,
    changes: { read?: boolean | undefined; archived?: boolean | undefined },
    folder?: Folder,
  ): Promise<MailItem> {
    const item = await this.requireItem(userId, address, messageId, folder);
    await this.deps.db.transaction(async (tx) => {
      await this.change(tx, item, {
        ...(changes.read !== undefined ? { read: changes.read ? 1 : 0 } : {}),
        ...(changes.archived !== undefined ? { archived: changes.archived ? 1 : 0 } : {}),
      });
      if (changes.read === true && item.folder === 'inbox') await this.advance(item, 'read');
    });
    return this.toItem(await this.requireItem(userId, address, messageId, item.folder));
  }

  /** Removes the letter from this mailbox only (the others keep their copy). */
  async remove(userId: string, address: string, messageId: string, folder?: Folder): Promise<void> {
    const item = await this.requireItem(userId, address, messageId, folder);
    await this.deps.db.transaction((tx) => this.change(tx, item, { deleted: 1 }));
  }

  /** One change of one item: its next sequence number, and the event once committed. */
  private async change(tx: Tx, item: ItemRow, changes: Parameters<typeof touchItem>[2]): Promise<void> {
    const key = { mailboxId: item.mailbox_id, folder: item.folder, messageId: item.message_id };
    const seq = await touchItem(tx, key, changes, iso(this.deps.clock.now()));
    publishMailChanges(tx, this.deps.bus, [
      { mailboxId: item.mailbox_id, address: item.mailbox_address, seq },
    ]);
  }

  /** A connector wrote the letter into the practice software: the sender sees "filed". */
  async acknowledge(session: ResolvedSession, address: string, messageId: string): Promise<MailItem> {
    await this.devices.requireActiveDevice(session);
    const item = await this.requireItem(session.user.id, address, messageId, 'inbox');
    await this.advance(item, 'filed');
    return this.toItem(await this.requireItem(session.user.id, address, messageId, 'inbox'));
  }

  /** Delivery of a sent letter, for the members of its From mailbox. */
  async status(userId: string, messageId: string): Promise<SubmittedMessage> {
    const message = await findMessage(this.deps.db.read, messageId);
    if (!message) fail('MESSAGE_NOT_FOUND');
    const member = await this.deps.db.read
      .selectFrom('mailbox_members')
      .select('user_id')
      .where('mailbox_id', '=', message.sender_mailbox_id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) fail('MESSAGE_NOT_FOUND');
    return this.describe(messageId);
  }

  private async describe(messageId: string): Promise<SubmittedMessage> {
    const message = await findMessage(this.deps.db.read, messageId);
    if (!message) fail('MESSAGE_NOT_FOUND');
    const recipients = await recipientsOf(this.deps.db.read, [messageId]);
    return {
      id: message.id,
      from: message.from_address,
      submittedAt: message.submitted_at,
      recipients: recipients.map(toDelivery),
      hold: null,
    };
  }

  private async replay(id: string, userId: string, fingerprint: string): Promise<SubmittedMessage | null> {
    const existing = await findMessage(this.deps.db.read, id);
    if (!existing) return null;
    if (existing.sender_user_id !== userId || existing.fingerprint !== fingerprint)
      fail('MESSAGE_ID_CONFLICT');
    return this.describe(id);
  }

  private async requireSigningCertificate(userId: string, now: Date): Promise<void> {
    const certificates = await personalCertificates(this.deps.db.read, userId);
    const valid = certificates.some(
      (c) => c.usage === 'signing' && c.state === 'active' && new Date(c.not_after) > now,
    );
    if (!valid) fail('SENDER_CERTIFICATE_INVALID');
  }

  private async requireItem(
    userId: string,
    address: string,
    messageId: string,
    folder: Folder | undefined,
  ): Promise<ItemRow> {
    const mailbox = await requireMemberMailbox(this.deps.db.read, address, userId);
    const item = await findItem(this.deps.db.read, mailbox.id, messageId, folder);
    if (!item) fail('MESSAGE_NOT_FOUND');
    return item;
  }

  private async advance(item: ItemRow, step: DeliveryStep): Promise<void> {
    await recordDelivery(this.deps, item.message_id, item.mailbox_id, step);
  }

  private async toItem(row: ItemRow): Promise<MailItem> {
    return toMailItem(row, await recipientsOf(this.deps.db.read, [row.message_id]));
  }

  private async toItems(rows: readonly ItemRow[]): Promise<MailItem[]> {
    const grouped = groupByMessage(
      await recipientsOf(
        this.deps.db.read,
        rows.map((r) => r.message_id),
      ),
    );
    return rows.map((row) => toMailItem(row, grouped.get(row.message_id) ?? []));
  }
}
