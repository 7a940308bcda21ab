import {
  ChatMessage,
  ChatPhoto,
  ChatSync,
  Conversation,
  MAX_CHAT_SYNC_LIMIT,
  type ChatMemberRole,
  type CreateConversationRequest,
  type SendChatMessageRequest,
} from '@liaison/core/api/chat';
import { api, apiNoContent } from './client.ts';
import { arrayOf, nullable, object, oneOf, schema, string } from './shapes.ts';

/**
 * Instant messaging (packages/server/src/chat/routes.ts; contract in packages/core/src/api/chat.ts).
 * Only envelopes and routing metadata go through here: encryption and decryption happen in
 * pages/chat/crypto. Loaded with the navigation (unread badge), so nothing here imports the crypto core.
 */

/**
 * react-query keys of chat. Everything under `['chat']` is server state, refetched when the WebSocket
 * says a conversation changed. Decrypted content lives under `['chat-plain', userId]`: an envelope never
 * changes, so it is decrypted once, and `queryClient.clear()` at sign-out drops it with the rest.
 */
export const chatKeys = {
  all: ['chat'] as const,
  conversations: ['chat', 'conversations'] as const,
  conversation: (id: string) => ['chat', 'conversation', id] as const,
  /** The synced messages of one conversation (grown page by page from the last seq held). */
  thread: (id: string) => ['chat', 'thread', id] as const,
  /** Messages being sent from this tab (optimistic, retried with the same id and envelope). */
  outbox: (id: string) => ['chat-outbox', id] as const,
  plain: (userId: string) => ['chat-plain', userId] as const,
  message: (userId: string, messageId: string) => ['chat-plain', userId, 'message', messageId] as const,
  photo: (userId: string, messageId: string) => ['chat-plain', userId, 'photo', messageId] as const,
  colleagues: (q: string) => ['chat-colleagues', q] as const,
};

const conversationPath = (id: string, rest = '') =>
  `/api/chat/conversations/${encodeURIComponent(id)}${rest}`;

export function fetchConversations() {
  return api('/api/chat/conversations', Conversation.array());
}

export function fetchConversation(id: string) {
  return api(conversationPath(id), Conversation);
}

/** 201 for a new conversation, 200 for the direct one that already existed: the same shape. */
export function createConversation(request: CreateConversationRequest) {
  return api('/api/chat/conversations', Conversation, { method: 'POST', body: request });
}

export function renameConversation(id: string, name: string) {
  return api(conversationPath(id), Conversation, { method: 'PATCH', body: { name } });
}

export function addMembers(id: string, userIds: string[]) {
  return api(conversationPath(id, '/members'), Conversation, { method: 'POST', body: { userIds } });
}

/** Makes a member admin or an admin a plain member (admins; never the last admin: CHAT_LAST_ADMIN). */
export function changeMemberRole(id: string, userId: string, role: ChatMemberRole) {
  return api(conversationPath(id, `/members/${encodeURIComponent(userId)}`), Conversation, {
    method: 'PATCH',
    body: { role },
  });
}

/** Removes a member (admins) or, for one's own id, leaves the conversation. */
export function removeMember(id: string, userId: string) {
  return apiNoContent(conversationPath(id, `/members/${encodeURIComponent(userId)}`), { method: 'DELETE' });
}

/** 201 the first time, 200 for a retry of the same id and envelope: the stored message either way. */
export function postChatMessage(conversationId: string, request: SendChatMessageRequest) {
  return api(conversationPath(conversationId, '/messages'), ChatMessage, { method: 'POST', body: request });
}

export function fetchChatPage(conversationId: string, after: number, limit = MAX_CHAT_SYNC_LIMIT) {
  const query = new URLSearchParams({ after: String(after), limit: String(limit) });
  return api(conversationPath(conversationId, `/messages?${query.toString()}`), ChatSync);
}

export function fetchChatPhoto(conversationId: string, messageId: string) {
  return api(conversationPath(conversationId, `/messages/${encodeURIComponent(messageId)}/photo`), ChatPhoto);
}

/** Moves this person's read or delivered mark forward (never back); answers the conversation. */
export function sendReceipt(conversationId: string, which: 'read' | 'delivered', seq: number) {
  return api(conversationPath(conversationId, `/${which}`), Conversation, {
    method: 'POST',
    body: { seq },
  });
}

// Contract: packages/server/src/pki/schemas.ts (CertificateView); the fields chat needs.
const checkChatCertificate = object({
  serial: string,
  usage: oneOf(['signing', 'encryption'] as const),
  state: oneOf(['active', 'superseded', 'revoked'] as const),
  userId: string,
  mailboxId: nullable(string),
  emails: arrayOf(string),
  notAfter: string,
  certificatePem: string,
});
export type ChatCertificate = ReturnType<typeof checkChatCertificate>;

/** Every personal certificate of a member, whatever its state (picked in pages/chat/crypto). */
export function fetchMemberCertificates(userId: string) {
  return api(
    `/api/pki/users/${encodeURIComponent(userId)}/certificates`,
    schema(arrayOf(checkChatCertificate)),
  );
}

/**
 * The current encryption certificates of a mailbox, with the user they belong to: how a colleague
 * found by name (a personal mailbox in the recipients search) becomes a user id to chat with, since
 * directory entries and mail recipients carry no user id.
 */
export function fetchMailboxCertificates(address: string) {
  return api(
    `/api/pki/mailboxes/${encodeURIComponent(address)}/certificates`,
    schema(arrayOf(checkChatCertificate)),
  );
}
