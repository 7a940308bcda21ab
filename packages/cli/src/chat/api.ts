/** The chat routes the CLI calls (server/src/chat/routes.ts), typed with core's contract. */
import type { ChatMessage, ChatPhoto, ChatSync, Conversation } from '@liaison/core/api/chat';
import { segment } from '../api.ts';
import type { Remote } from '../remote.ts';

const conversationPath = (id: string, rest = '') => `/api/chat/conversations/${segment(id)}${rest}`;

export const listConversations = (r: Remote) => r.api.get<Conversation[]>('/api/chat/conversations');

export const getConversation = (r: Remote, id: string) => r.api.get<Conversation>(conversationPath(id));

/** Starts a direct conversation with `userId`, or returns the one that already exists. */
export const directConversation = (r: Remote, userId: string) =>
  r.api.post<Conversation>('/api/chat/conversations', { kind: 'direct', userId });

export const postMessage = (
  r: Remote,
  id: string,
  body: { id: string; kind: 'text' | 'history'; envelope: string },
) => r.api.post<ChatMessage>(conversationPath(id, '/messages'), body);

export const getPhoto = (r: Remote, id: string, messageId: string) =>
  r.api.get<ChatPhoto>(conversationPath(id, `/messages/${segment(messageId)}/photo`));

export function syncPage(r: Remote, id: string, after: number, limit: number): Promise<ChatSync> {
  const query = new URLSearchParams({ after: String(after), limit: String(limit) });
  return r.api.get<ChatSync>(conversationPath(id, `/messages?${query.toString()}`));
}

export const markRead = (r: Remote, id: string, seq: number) =>
  r.api.post<Conversation>(conversationPath(id, '/read'), { seq });

/** How a conversation is named to the caller: its name, or the other person's for a direct one. */
export function conversationTitle(c: Conversation, myUserId: string): string {
  if (c.name !== null) return c.name;
  const others = c.members.filter((m) => m.userId !== myUserId).map((m) => m.displayName);
  return others.join(', ') || '(just you)';
}
