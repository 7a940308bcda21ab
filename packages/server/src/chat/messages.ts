import { createHash } from 'node:crypto';
import {
  MAX_CHAT_PHOTO_ENVELOPE_BYTES,
  MAX_CHAT_TEXT_ENVELOPE_BYTES,
  type ChatMessage,
  type ChatReceiptRequest,
  type ChatSync,
  type ChatSyncQuery,
  type SendChatMessageRequest,
} from '@liaison/core/api/chat';
import { RateLimiter } from '../auth/rateLimit.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { AppError, fail } from '../errors.ts';
import { isUniqueViolation } from '../pki/store.ts';
import { envelopeSerialsOfDer } from '../mailboxes/envelope.ts';
import { CHAT_MESSAGE, CHAT_RECEIPT, publishChat } from './events.ts';
import { lockConversation } from './members.ts';
import {
  activeEncryptionSerials,
  memberIds,
  messageView,
  nextConversationSeq,
  requireMember,
} from './store.ts';

type MessageDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;

/** Per user, across every node (the counter is in the database): a flood slows only its sender. */
export const CHAT_RATE = { limit: 20, windowMs: 10_000 };

/** Standard base64 decoding that refuses what Node's lenient decoder would silently skip. */
function decodeEnvelope(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.toString('base64') !== text) fail('CHAT_ENVELOPE_INVALID');
  return bytes;
}

/**
 * The envelope must be addressed to exactly the current members' active encryption certificates: a
 * removed member's certificate is refused (they must not read what follows their removal) and every
 * current member's is required (the sender's too, for their other devices).
 */
function checkRecipients(
  envelope: Buffer,
  expected: Map<string, string[]>,
  members: readonly string[],
): void {
  const serials = envelopeSerialsOfDer(new Uint8Array(envelope));
  if (serials === null) fail('CHAT_ENVELOPE_INVALID');
  const addressed = new Set(serials);
  const allowed = new Set([...expected.values()].flat());
  const strangers = [...addressed].filter((s) => !allowed.has(s));
  // Every active certificate of every member must be addressed (a member holding two gets both).
  // A member left with none (revoked, expired) cannot be encrypted for by anyone: requiring them
  // would block the whole conversation, so they are skipped until they get a new certificate.
  const missing = members.filter((m) => (expected.get(m) ?? []).some((s) => !addressed.has(s)));
  if (strangers.length > 0 || missing.length > 0) {
    fail('CHAT_RECIPIENTS_MISMATCH', undefined, {
      missingUserIds: missing,
      unknownRecipients: strangers.length,
    });
  }
}

export async function sendMessage(
  deps: MessageDeps,
  sender: { userId: string; deviceId: string | null },
  conversationId: string,
  input: SendChatMessageRequest,
): Promise<{ created: boolean; message: ChatMessage }> {
  try {
    await new RateLimiter(deps).hit(`chat:send:${sender.userId}`, CHAT_RATE.limit, CHAT_RATE.windowMs);
  } catch (err) {
    if (err instanceof AppError && err.code === 'RATE_LIMITED') {
      fail('CHAT_RATE_LIMITED', undefined, {
        limit: CHAT_RATE.limit,
        windowSeconds: CHAT_RATE.windowMs / 1000,
      });
    }
    throw err;
  }
  // The route's schema already pairs `photo` with kind 'photo'; checked again for other callers.
  if ((input.kind === 'photo') !== (input.photo !== undefined)) fail('VALIDATION_FAILED');
  const envelope = decodeEnvelope(input.envelope);
  if (envelope.length > MAX_CHAT_TEXT_ENVELOPE_BYTES) {
    fail('CHAT_MESSAGE_TOO_LARGE', undefined, { limit: MAX_CHAT_TEXT_ENVELOPE_BYTES });
  }
  const photo = input.photo === undefined ? null : decodeEnvelope(input.photo);
  if (photo && photo.length > MAX_CHAT_PHOTO_ENVELOPE_BYTES) {
    fail('CHAT_PHOTO_TOO_LARGE', undefined, { limit: MAX_CHAT_PHOTO_ENVELOPE_BYTES });
  }
  const hash = createHash('sha256').update(input.kind).update('\0').update(envelope);
  if (photo) hash.update('\0').update(photo);
  const fingerprint = hash.digest('hex');
  const at = iso(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    // Locked before the retry check, so two attempts of one id are judged one after the other.
    await lockConversation(tx, conversationId);
    await requireMember(tx.db, conversationId, sender.userId);
    const stored = await tx.db
      .selectFrom('chat_messages')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (stored) {
      const same =
        stored.conversation_id === conversationId &&
        stored.sender_user_id === sender.userId &&
        stored.fingerprint === fingerprint;
      if (!same) fail('CHAT_MESSAGE_CONFLICT');
      return { created: false, message: messageView(stored) };
    }
    const members = await memberIds(tx.db, conversationId);
    const expected = await activeEncryptionSerials(tx.db, members, at);
    // The photo is held to the same rule as its card: a removed member must not get either.
    for (const sealed of photo ? [envelope, photo] : [envelope]) checkRecipients(sealed, expected, members);
    const seq = await nextConversationSeq(tx, conversationId, at);
    const row = {
      id: input.id,
      conversation_id: conversationId,
      seq,
      sender_user_id: sender.userId,
      sender_device_id: sender.deviceId,
      kind: input.kind,
      size: envelope.length,
      photo_size: photo?.length ?? null,
      fingerprint,
      sent_at: at,
      envelope: new Uint8Array(envelope),
    };
    try {
      await tx.db.insertInto('chat_messages').values(row).execute();
      if (photo) {
        await tx.db
          .insertInto('chat_photos')
          .values({ message_id: input.id, envelope: new Uint8Array(photo) })
          .execute();
      }
    } catch (err) {
      // The same id being stored at this moment in another conversation (only a client reusing a UUID
      // does that): the conversation locks do not meet, the primary key does. A conflict, not a 500.
      if (isUniqueViolation(err)) fail('CHAT_MESSAGE_CONFLICT');
      throw err;
    }
    // The sender has their own message: it counts as delivered and read for them.
    await tx.db
      .updateTable('chat_members')
      .set({ delivered_seq: seq, read_seq: seq })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', sender.userId)
      .execute();
    publishChat(tx, deps.bus, CHAT_MESSAGE, { conversationId, seq, memberIds: members });
    return { created: true, message: messageView(row) };
  });
}

/** Messages after `after`, in order; a member never sees what was sent before they joined. */
export async function syncMessages(
  deps: Pick<Deps, 'db'>,
  userId: string,
  conversationId: string,
  query: ChatSyncQuery,
): Promise<ChatSync> {
  const me = await requireMember(deps.db.read, conversationId, userId);
  const after = Math.max(query.after, me.joined_seq);
  const rows = await deps.db.read
    .selectFrom('chat_messages')
    .select(['id', 'conversation_id', 'seq', 'sender_user_id', 'kind', 'envelope', 'photo_size', 'sent_at'])
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(query.limit + 1)
    .execute();
  return {
    messages: rows.slice(0, query.limit).map(messageView),
    lastSeq: me.last_seq,
    more: rows.length > query.limit,
  };
}

/**
 * Receipts only move forward (conditional updates, so concurrent devices cannot pull them back) and
 * stop at the last message; reading implies delivery.
 */
export async function recordReceipt(
  deps: Pick<Deps, 'db' | 'bus'>,
  userId: string,
  conversationId: string,
  which: 'read' | 'delivered',
  input: ChatReceiptRequest,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const me = await requireMember(tx.db, conversationId, userId);
    const seq = Math.min(input.seq, me.last_seq);
    const columns =
      which === 'read' ? (['read_seq', 'delivered_seq'] as const) : (['delivered_seq'] as const);
    let moved = false;
    for (const column of columns) {
      const result = await tx.db
        .updateTable('chat_members')
        .set({ [column]: seq })
        .where('conversation_id', '=', conversationId)
        .where('user_id', '=', userId)
        .where(column, '<', seq)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) moved = true;
    }
    // Only a real move is announced: a device repeating its receipt costs the others nothing.
    if (!moved) return;
    const marks = await tx.db
      .selectFrom('chat_members')
      .select(['delivered_seq', 'read_seq'])
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    publishChat(tx, deps.bus, CHAT_RECEIPT, {
      conversationId,
      seq: me.last_seq,
      memberIds: await memberIds(tx.db, conversationId),
      receipt: { userId, deliveredSeq: marks.delivered_seq, readSeq: marks.read_seq },
    });
  });
}
