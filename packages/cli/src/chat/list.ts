/**
 * `liaison chat list`: the caller's conversations, most recent first as the server orders them. Only
 * metadata is shown (names, unread counts, times), so no keystore is opened: it works on a machine
 * that has a session but no keys.
 */
import type { Conversation } from '@liaison/core/api/chat';
import type { MeView } from '../apiTypes.ts';
import { connect } from '../remote.ts';
import { conversationTitle, listConversations } from './api.ts';

function line(c: Conversation, me: string): string {
  const unread = c.unread > 0 ? `${c.unread} unread` : 'read';
  return [c.id, c.kind.padEnd(6), unread.padEnd(10), c.lastMessageAt ?? '-', conversationTitle(c, me)].join(
    '  ',
  );
}

export async function listChats(o: { json?: boolean }): Promise<void> {
  const remote = connect();
  const [me, conversations] = await Promise.all([
    remote.api.get<MeView>('/api/me'),
    listConversations(remote),
  ]);
  if (o.json) {
    const rows = conversations.map((c) => ({ ...c, title: conversationTitle(c, me.id) }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  process.stdout.write(conversations.map((c) => line(c, me.id) + '\n').join(''));
}
