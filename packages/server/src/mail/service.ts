import {
  type MailList,
  type MailListQuery,
  type MailMessage,
  type MailItem,
  type SubmitMessageRequest,
  type SubmittedMessage,
} from '@liaison/core/api/mail';
import type { MailHold } from '@liaison/core/api/mailHold';
import type { MailPrecheck, MailPrecheckRequest } from '@liaison/core/api/usage';
import type { z } from 'zod';
import type { ResolvedSession } from '../auth/sessions.ts';
import { iso } from '../clock.ts';
import { requireCurrentCharter } from '../charter/current.ts';
import { CommitBatcher } from '../db/batcher.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import type { DeviceService } from '../devices/service.ts';
import { fail } from '../errors.ts';
import { requireNoticeRoute } from '../notices/rules.ts';
import { personalCertificates, isUniqueViolation } from '../pki/store.ts';
import { checkEnvelopeRecipients, decodeBlobs, submissionFingerprint } from './blobs.ts';
import { checkedPatients } from './bulk.ts';
import { publishMailChanges } from './events.ts';
import { findHold } from './holds.ts';
import { DEFAULT_POLICY, refuseNoReplySender, runPolicy, type PolicyRule } from './policy.ts';
import { precheck } from './precheck.ts';
import { requireMemberMailbox, resolveRecipients, resolveSenderMailbox } from './resolve.ts';
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
import { storeAccepted, submittedView, type Accepted } from './submit.ts';
import { base64, groupByMessage, toDelivery, toMailItem } from './views.ts';

type Submission = z.output<typeof SubmitMessageRequest>;

/**
 * Secure mail on the server side: accepts sealed letters from enrolled devices, files them in the
 * sender's and each recipient's mailbox (or holds them for a technician when a usage rule trips),
 * tracks delivery, and serves listings and ciphertext to the members of each mailbox. It never sees a
 * letter's content.
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
    const patients = checkedPatients(input.category, input.declared.patients);
    await requireCurrentCharter(this.deps.db.read, userId);
    const sender = await resolveSenderMailbox(this.deps.db.read, input.from, userId, now);
    await this.requireSigningCertificate(userId, now);
    const recipients = await resolveRecipients(this.deps.db.read, input.to, input.cc, now);
    if (input.category === 'notice') await requireNoticeRoute(this.deps.db.read, sender, recipients);
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

    const accepted: Accepted = {
      input,
      userId,
      deviceId: device.id,
      sender,
      recipients,
      blobs,
      fingerprint,
      patients,
      now,
    };
    let hold: MailHold | null;
    try {
      hold = await this.batcher.run((tx) => storeAccepted(tx, this.deps, accepted));
    } catch (err) {
      // Two copies of one retry raced: the loser answers like a retry.
      if (isUniqueViolation(err)) {
        const again = await this.replay(input.id, userId, fingerprint);
        if (again) return { created: false, message: again };
      }
      throw err;
    }
    // Metadata only (id, counts, rules): never an address, never anything of the letter.
    this.deps.logger.info(
      {
        messageId: input.id,
        recipients: recipients.length,
        bytes: input.declared.bodyBytes,
        ...(hold ? { held: hold.trips.map((t) => t.rule) } : {}),
      },
      hold ? 'mail held' : 'mail submitted',
    );
    // Just written: the answer is known without reading it back.
    return { created: true, message: submittedView(accepted, hold) };
  }

  /** Would this message be held? Compose and the CLI ask before sealing; nothing is stored. */
  async precheck(userId: string, input: z.output<typeof MailPrecheckRequest>): Promise<MailPrecheck> {
    await requireCurrentCharter(this.deps.db.read, userId);
    return precheck(this.deps, userId, input);
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
      hold: await findHold(this.deps.db.read, messageId),
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
