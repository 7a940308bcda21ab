import type { Reader, Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import { activeEncryptionSerials } from './store.ts';

/** Roles whose holders the platform verified without a national id (staff, secretaries). */
const VERIFIED_ROLES = ['secretary', 'establishment_admin', 'technician', 'platform_admin'];

/**
 * Who may be in a conversation: an active account that a technician verified (a professional with a
 * national id, or staff and secretaries created by an admin) and that has an active encryption
 * certificate, since nobody could encrypt a message for them otherwise. Application accounts and
 * pending, rejected or disabled users are refused.
 */
export async function requireEligible(db: Reader, userIds: readonly string[], nowIso: string): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const users = await db
    .selectFrom('users')
    .select(['id', 'status', 'national_id'])
    .where('id', 'in', ids)
    .execute();
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', ids)
    .execute();
  const serials = await activeEncryptionSerials(db, ids, nowIso);
  const refused = ids.filter((id) => {
    const user = users.find((u) => u.id === id);
    if (!user || user.status !== 'active') return true;
    const verified =
      user.national_id !== null || roles.some((r) => r.user_id === id && VERIFIED_ROLES.includes(r.role));
    return !verified || (serials.get(id) ?? []).length === 0;
  });
  if (refused.length > 0) fail('CHAT_MEMBER_NOT_ELIGIBLE', undefined, { userIds: refused });
}

/**
 * Takes the conversation row's lock for the rest of the transaction (a no-op update), so a
 * membership change and a send to the same conversation never interleave on PostgreSQL: a message is
 * checked against the member list it is stored under.
 */
export async function lockConversation(tx: Tx, conversationId: string): Promise<void> {
  await tx.db
    .updateTable('chat_conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', conversationId)
    .execute();
}

export async function logMembership(
  tx: Tx,
  entry: {
    conversationId: string;
    userId: string;
    action: 'created' | 'added' | 'removed' | 'left' | 'promoted' | 'demoted';
    by: string;
    seq: number;
    at: string;
  },
): Promise<void> {
  await tx.db
    .insertInto('chat_membership_log')
    .values({
      id: crypto.randomUUID(),
      conversation_id: entry.conversationId,
      user_id: entry.userId,
      action: entry.action,
      by_user_id: entry.by,
      seq: entry.seq,
      at: entry.at,
    })
    .execute();
}

export async function insertMembers(
  tx: Tx,
  conversationId: string,
  members: ReadonlyArray<{ userId: string; role: 'admin' | 'member' }>,
  seq: number,
  at: string,
): Promise<void> {
  if (members.length === 0) return;
  await tx.db
    .insertInto('chat_members')
    .values(
      members.map((m) => ({
        conversation_id: conversationId,
        user_id: m.userId,
        role: m.role,
        joined_at: at,
        // They were not recipients of anything before now: history starts after the current seq.
        joined_seq: seq,
        delivered_seq: seq,
        read_seq: seq,
      })),
    )
    .execute();
}
