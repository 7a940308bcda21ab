import type { ChatMemberRole, Conversation } from '@liaison/core/api/chat';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { announce, requireGroupAdmin } from './conversations.ts';
import { lockConversation, logMembership } from './members.ts';
import { conversationView } from './store.ts';

/**
 * An admin makes a member admin, or an admin (themselves included) a plain member again. The last
 * admin cannot step down this way (CHAT_LAST_ADMIN): leaving the group hands the role on instead.
 */
export async function changeRole(
  deps: Pick<Deps, 'db' | 'clock' | 'audit' | 'bus'>,
  userId: string,
  conversationId: string,
  targetId: string,
  role: ChatMemberRole,
): Promise<Conversation> {
  const at = iso(deps.clock.now());
  await deps.db.transaction(async (tx) => {
    await lockConversation(tx, conversationId);
    const me = await requireGroupAdmin(tx, conversationId, userId);
    const target = await tx.db
      .selectFrom('chat_members')
      .select('role')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', targetId)
      .executeTakeFirst();
    if (!target) fail('USER_NOT_FOUND', 'This person is not a member of the conversation.');
    if (target.role === role) return;
    if (role === 'member') {
      const admins = await tx.db
        .selectFrom('chat_members')
        .select('user_id')
        .where('conversation_id', '=', conversationId)
        .where('role', '=', 'admin')
        .execute();
      if (admins.length <= 1) fail('CHAT_LAST_ADMIN');
    }
    await tx.db
      .updateTable('chat_members')
      .set({ role })
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', targetId)
      .execute();
    const action = role === 'admin' ? 'promoted' : 'demoted';
    await logMembership(tx, { conversationId, userId: targetId, action, by: userId, seq: me.last_seq, at });
    await deps.audit.append(tx, {
      actor: userId,
      action: `chat.member.${action}`,
      target: conversationId,
      details: { userId: targetId, seq: me.last_seq },
    });
    await announce(deps, tx, conversationId);
  });
  return conversationView(deps.db.read, userId, conversationId);
}
