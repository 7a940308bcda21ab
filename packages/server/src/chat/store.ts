import type { ChatMessage, Conversation } from '@liaison/core/api/chat';
import type { Reader, Tx } from '../db/index.ts';
import type { ChatMessageTable } from '../db/schemaChat.ts';
import { fail } from '../errors.ts';

/** SQLite and PostgreSQL both return counts as number or string (bigint) depending on the driver. */
function count(value: number | string | bigint): number {
  return Number(value);
}

/** The caller's membership row, or CHAT_NOT_MEMBER whether or not the conversation exists. */
export async function requireMember(db: Reader, conversationId: string, userId: string) {
  const row = await db
    .selectFrom('chat_members')
    .innerJoin('chat_conversations', 'chat_conversations.id', 'chat_members.conversation_id')
    .select([
      'chat_members.role',
      'chat_members.joined_seq',
      'chat_members.read_seq',
      'chat_members.delivered_seq',
      'chat_conversations.kind',
      'chat_conversations.last_seq',
    ])
    .where('chat_members.conversation_id', '=', conversationId)
    .where('chat_members.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) fail('CHAT_NOT_MEMBER');
  return row;
}

export async function memberIds(db: Reader, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('chat_members')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Serials of the certificates a message must be encrypted for: each member's active, unexpired
 * personal encryption certificate (mailbox_id null; shared mailboxes' keys are for mail).
 */
export async function activeEncryptionSerials(
  db: Reader,
  userIds: readonly string[],
  nowIso: string,
): Promise<Map<string, string[]>> {
  const serials = new Map<string, string[]>();
  if (userIds.length === 0) return serials;
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['user_id', 'serial'])
    .where('user_id', 'in', [...userIds])
    .where('usage', '=', 'encryption')
    .where('state', '=', 'active')
    .where('mailbox_id', 'is', null)
    .where('not_after', '>', nowIso)
    .execute();
  for (const row of rows) serials.set(row.user_id, [...(serials.get(row.user_id) ?? []), row.serial]);
  return serials;
}

/** Conversation views for `userId`, each with members, receipts and the caller's unread count. */
export async function conversationViews(
  db: Reader,
  userId: string,
  conversationIds?: readonly string[],
): Promise<Conversation[]> {
  let query = db
    .selectFrom('chat_members as me')
    .innerJoin('chat_conversations as c', 'c.id', 'me.conversation_id')
    .select(['c.id', 'c.kind', 'c.name', 'c.last_seq', 'c.last_message_at', 'c.created_at', 'me.read_seq'])
    .where('me.user_id', '=', userId);
  if (conversationIds) {
    if (conversationIds.length === 0) return [];
    query = query.where('c.id', 'in', [...conversationIds]);
  }
  // Newest activity first; coalesce, because the dialects sort NULLs at opposite ends.
  const conversations = await query
    .orderBy((eb) => eb.fn.coalesce('c.last_message_at', 'c.created_at'), 'desc')
    .orderBy('c.id')
    .execute();
  if (conversations.length === 0) return [];
  const ids = conversations.map((c) => c.id);
  const members = await db
    .selectFrom('chat_members')
    .innerJoin('users', 'users.id', 'chat_members.user_id')
    .select([
      'chat_members.conversation_id',
      'chat_members.user_id',
      'chat_members.role',
      'chat_members.delivered_seq',
      'chat_members.read_seq',
      'users.first_name',
      'users.last_name',
    ])
    .where('chat_members.conversation_id', 'in', ids)
    .orderBy('chat_members.joined_at')
    .orderBy('chat_members.user_id')
    .execute();
  // Unread: others' messages after my read mark, counted in SQL (one grouped query for the list).
  const unread = await db
    .selectFrom('chat_messages as m')
    .innerJoin('chat_members as me', (j) =>
      j.onRef('me.conversation_id', '=', 'm.conversation_id').on('me.user_id', '=', userId),
    )
    .select((eb) => ['m.conversation_id', eb.fn.countAll<number | string>().as('n')])
    .where('m.conversation_id', 'in', ids)
    .whereRef('m.seq', '>', 'me.read_seq')
    .where('m.sender_user_id', '!=', userId)
    .groupBy('m.conversation_id')
    .execute();
  const unreadBy = new Map(unread.map((u) => [u.conversation_id, count(u.n)]));
  return conversations.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    members: members
      .filter((m) => m.conversation_id === c.id)
      .map((m) => ({
        userId: m.user_id,
        displayName: `${m.first_name} ${m.last_name}`,
        role: m.role,
        deliveredSeq: m.delivered_seq,
        readSeq: m.read_seq,
      })),
    lastSeq: c.last_seq,
    unread: unreadBy.get(c.id) ?? 0,
    lastMessageAt: c.last_message_at,
    createdAt: c.created_at,
  }));
}

export async function conversationView(db: Reader, userId: string, conversationId: string) {
  const [view] = await conversationViews(db, userId, [conversationId]);
  if (!view) fail('CHAT_NOT_MEMBER');
  return view;
}

export function messageView(
  row: Omit<ChatMessageTable, 'fingerprint' | 'size' | 'sender_device_id'>,
): ChatMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderUserId: row.sender_user_id,
    kind: row.kind,
    envelope: Buffer.from(row.envelope).toString('base64'),
    photoBytes: row.photo_size,
    sentAt: row.sent_at,
  };
}

/**
 * The next number of the conversation. The conditional update locks the conversation row until
 * commit, so on PostgreSQL concurrent sends commit in the order of their numbers and a device syncing
 * "after 41" cannot miss a 42 that commits later; on SQLite writes are serialised anyway.
 */
export async function nextConversationSeq(tx: Tx, conversationId: string, at: string): Promise<number> {
  const bumped = await tx.db
    .updateTable('chat_conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_at: at }))
    .where('id', '=', conversationId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!bumped) fail('CHAT_NOT_MEMBER');
  return bumped.last_seq;
}
