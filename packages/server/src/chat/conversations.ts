import { MAX_CHAT_MEMBERS, type Conversation, type CreateConversationRequest } from '@liaison/core/api/chat';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { CHAT_CONVERSATION, publishChat } from './events.ts';
import { insertMembers, lockConversation, logMembership, requireEligible } from './members.ts';
import { conversationView, memberIds, requireMember } from './store.ts';

type ConversationDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'bus'>;

export async function announce(deps: ConversationDeps, tx: Tx, conversationId: string, extra: string[] = []) {
  const row = await tx.db
    .selectFrom('chat_conversations')
    .select('last_seq')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const members = await memberIds(tx.db, conversationId);
  publishChat(tx, deps.bus, CHAT_CONVERSATION, {
    conversationId,
    seq: row.last_seq,
    memberIds: [...new Set([...members, ...extra])],
  });
}

/** A direct conversation is found again by its two members; a group is always new. */
export async function createConversation(
  deps: ConversationDeps,
  userId: string,
  input: CreateConversationRequest,
): Promise<{ created: boolean; conversation: Conversation }> {
  const at = iso(deps.clock.now());
  const others = input.kind === 'direct' ? [input.userId] : [...new Set(input.memberIds)];
  if (input.kind === 'direct' && input.userId === userId) {
    fail('VALIDATION_FAILED', 'A direct conversation needs another person.');
  }
  const memberSet = [...new Set([userId, ...others])];
  if (memberSet.length > MAX_CHAT_MEMBERS) fail('VALIDATION_FAILED', `At most ${MAX_CHAT_MEMBERS} members.`);
  const directKey = input.kind === 'direct' ? [userId, input.userId].sort().join(':') : null;
  const result = await deps.db.transaction(async (tx) => {
    await requireEligible(tx.db, memberSet, at);
    const id = crypto.randomUUID();
    const inserted = await tx.db
      .insertInto('chat_conversations')
      .values({
        id,
        kind: input.kind,
        name: input.kind === 'group' ? input.name : null,
        direct_key: directKey,
        created_by: userId,
        created_at: at,
        last_seq: 0,
        last_message_at: null,
      })
      .onConflict((oc) => oc.column('direct_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // The two already talk: hand back their conversation rather than a second thread.
      const existing = await tx.db
        .selectFrom('chat_conversations')
        .select('id')
        .where('direct_key', '=', directKey)
        .executeTakeFirstOrThrow();
      return { created: false, id: existing.id };
    }
    const admins = new Set([userId, ...(input.kind === 'group' ? (input.adminIds ?? []) : [])]);
    const members = memberSet.map((m) => ({
      userId: m,
      role: input.kind === 'group' && admins.has(m) ? ('admin' as const) : ('member' as const),
    }));
    await insertMembers(tx, id, members, 0, at);
    for (const m of memberSet) {
      await logMembership(tx, {
        conversationId: id,
        userId: m,
        action: m === userId ? 'created' : 'added',
        by: userId,
        seq: 0,
        at,
      });
    }
    await deps.audit.append(tx, {
      actor: userId,
      action: 'chat.conversation.created',
      target: id,
      details: { kind: input.kind, members: memberSet },
    });
    await announce(deps, tx, id);
    return { created: true, id };
  });
  return { created: result.created, conversation: await conversationView(deps.db.read, userId, result.id) };
}

export async function requireGroupAdmin(tx: Tx, conversationId: string, userId: string) {
  const me = await requireMember(tx.db, conversationId, userId);
  if (me.kind !== 'group') fail('CHAT_DIRECT_FIXED');
  if (me.role !== 'admin') fail('CHAT_ADMIN_REQUIRED');
  return me;
}

/** Admins add members; newcomers start at the current seq (no earlier history: not recipients). */
export async function addMembers(
  deps: ConversationDeps,
  userId: string,
  conversationId: string,
  userIds: readonly string[],
): Promise<Conversation> {
  const at = iso(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    await lockConversation(tx, conversationId);
    const me = await requireGroupAdmin(tx, conversationId, userId);
    const current = new Set(await memberIds(tx.db, conversationId));
    const added = [...new Set(userIds)].filter((id) => !current.has(id));
    if (current.size + added.length > MAX_CHAT_MEMBERS) {
      fail('VALIDATION_FAILED', `At most ${MAX_CHAT_MEMBERS} members.`);
    }
    if (added.length === 0) return;
    await requireEligible(tx.db, added, at);
    await insertMembers(
      tx,
      conversationId,
      added.map((id) => ({ userId: id, role: 'member' as const })),
      me.last_seq,
      at,
    );
    for (const id of added) {
      await logMembership(tx, {
        conversationId,
        userId: id,
        action: 'added',
        by: userId,
        seq: me.last_seq,
        at,
      });
    }
    await deps.audit.append(tx, {
      actor: userId,
      action: 'chat.members.added',
      target: conversationId,
      details: { userIds: added, seq: me.last_seq },
    });
    await announce(deps, tx, conversationId);
  });
  return conversationView(deps.db.read, userId, conversationId);
}

/**
 * An admin removes a member, or a member leaves. When the last admin leaves, the longest-standing
 * member becomes admin, so a group is never left without anyone able to manage it.
 */
export async function removeMember(
  deps: ConversationDeps,
  userId: string,
  conversationId: string,
  targetId: string,
): Promise<void> {
  const at = iso(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    await lockConversation(tx, conversationId);
    const me = await requireMember(tx.db, conversationId, userId);
    if (me.kind !== 'group') fail('CHAT_DIRECT_FIXED');
    if (targetId !== userId && me.role !== 'admin') fail('CHAT_ADMIN_REQUIRED');
    const removed = await tx.db
      .deleteFrom('chat_members')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', targetId)
      .returning('role')
      .executeTakeFirst();
    if (!removed) fail('USER_NOT_FOUND', 'This person is not a member of the conversation.');
    const action = targetId === userId ? 'left' : 'removed';
    await logMembership(tx, { conversationId, userId: targetId, action, by: userId, seq: me.last_seq, at });
    const admins = await tx.db
      .selectFrom('chat_members')
      .select('user_id')
      .where('conversation_id', '=', conversationId)
      .where('role', '=', 'admin')
      .execute();
    if (admins.length === 0) {
      const successor = await tx.db
        .selectFrom('chat_members')
        .select('user_id')
        .where('conversation_id', '=', conversationId)
        .orderBy('joined_at')
        .orderBy('user_id')
        .executeTakeFirst();
      if (successor) {
        await tx.db
          .updateTable('chat_members')
          .set({ role: 'admin' })
          .where('conversation_id', '=', conversationId)
          .where('user_id', '=', successor.user_id)
          .execute();
      }
    }
    await deps.audit.append(tx, {
      actor: userId,
      action: `chat.member.${action}`,
      target: conversationId,
      details: { userId: targetId, seq: me.last_seq },
    });
    // The one who left is told too, so their devices drop the conversation.
    await announce(deps, tx, conversationId, [targetId]);
  });
}

export async function renameConversation(
  deps: ConversationDeps,
  userId: string,
  conversationId: string,
  name: string,
): Promise<Conversation> {
  await deps.db.transaction(async (tx) => {
    await requireGroupAdmin(tx, conversationId, userId);
    await tx.db.updateTable('chat_conversations').set({ name }).where('id', '=', conversationId).execute();
    await announce(deps, tx, conversationId);
  });
  return conversationView(deps.db.read, userId, conversationId);
}
