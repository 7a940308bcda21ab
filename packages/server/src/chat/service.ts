import type {
  ChatMemberRole,
  ChatMessage,
  ChatPhoto,
  ChatReceiptRequest,
  ChatSync,
  ChatSyncQuery,
  Conversation,
  CreateConversationRequest,
  SendChatMessageRequest,
} from '@liaison/core/api/chat';
import type { Deps } from '../deps.ts';
import { addMembers, createConversation, removeMember, renameConversation } from './conversations.ts';
import { recordReceipt, sendMessage, syncMessages } from './messages.ts';
import { readPhoto } from './photos.ts';
import { changeRole } from './roles.ts';
import { conversationView, conversationViews } from './store.ts';

/** Who sends: always the session's user and device, never a field of the request. */
export interface ChatCaller {
  userId: string;
  deviceId: string | null;
}

/**
 * Secure instant messaging: conversations, members, end-to-end encrypted messages (issue 8). The
 * server stores each message as an opaque CMS envelope and checks only what it can see: membership,
 * sizes, and that the envelope is addressed to exactly the current members' certificates.
 */
export class ChatService {
  constructor(private readonly deps: Deps) {}

  list(caller: ChatCaller): Promise<Conversation[]> {
    return conversationViews(this.deps.db.read, caller.userId);
  }

  get(caller: ChatCaller, conversationId: string): Promise<Conversation> {
    return conversationView(this.deps.db.read, caller.userId, conversationId);
  }

  create(caller: ChatCaller, input: CreateConversationRequest) {
    return createConversation(this.deps, caller.userId, input);
  }

  rename(caller: ChatCaller, conversationId: string, name: string): Promise<Conversation> {
    return renameConversation(this.deps, caller.userId, conversationId, name);
  }

  addMembers(caller: ChatCaller, conversationId: string, userIds: readonly string[]): Promise<Conversation> {
    return addMembers(this.deps, caller.userId, conversationId, userIds);
  }

  changeRole(
    caller: ChatCaller,
    conversationId: string,
    userId: string,
    role: ChatMemberRole,
  ): Promise<Conversation> {
    return changeRole(this.deps, caller.userId, conversationId, userId, role);
  }

  removeMember(caller: ChatCaller, conversationId: string, userId: string): Promise<void> {
    return removeMember(this.deps, caller.userId, conversationId, userId);
  }

  send(
    caller: ChatCaller,
    conversationId: string,
    input: SendChatMessageRequest,
  ): Promise<{ created: boolean; message: ChatMessage }> {
    return sendMessage(this.deps, caller, conversationId, input);
  }

  sync(caller: ChatCaller, conversationId: string, query: ChatSyncQuery): Promise<ChatSync> {
    return syncMessages(this.deps, caller.userId, conversationId, query);
  }

  photo(caller: ChatCaller, conversationId: string, messageId: string): Promise<ChatPhoto> {
    return readPhoto(this.deps, caller.userId, conversationId, messageId);
  }

  receipt(
    caller: ChatCaller,
    conversationId: string,
    which: 'read' | 'delivered',
    input: ChatReceiptRequest,
  ): Promise<void> {
    return recordReceipt(this.deps, caller.userId, conversationId, which, input);
  }
}
