import { z } from 'zod';
import { Id } from './common.ts';

/**
 * The instant-messaging contract (issue 8). Each message travels as one CMS EnvelopedData whose
 * content key is wrapped for the active encryption certificate of every current member (the sender
 * included, so their other devices read it). The server sees only the routing metadata here:
 * conversation, sender, kind, size, times, sequence numbers and receipts.
 */

/**
 * 'text': the envelope holds UTF-8 text. 'photo': the envelope holds a small JSON card (caption,
 * dimensions, an encrypted thumbnail, the photo's SHA-256; see core/chat/photo.ts) and `photo` holds
 * the reduced JPEG in its own envelope, downloaded on demand. 'history': a member re-shares recent
 * messages with newcomers, as one JSON bundle (core/chat/history.ts). Patient movement notices are not chat
 * messages: an establishment's system sends them as letters (core/notice), so `liaison fetch` files them.
 */
export const CHAT_MESSAGE_KINDS = ['text', 'photo', 'history'] as const;
export const ChatMessageKind = z.enum(CHAT_MESSAGE_KINDS);
export type ChatMessageKind = z.infer<typeof ChatMessageKind>;

/**
 * Largest envelope (decoded bytes) of a text message or of a photo's card: a long text for a whole
 * care team fits, and so does a thumbnail.
 */
export const MAX_CHAT_TEXT_ENVELOPE_BYTES = 64 * 1024;
/**
 * Largest photo envelope (decoded bytes). A 1600 px JPEG at the devices' quality is 0.2–0.8 MB; the
 * envelope adds about 400 bytes per recipient certificate.
 */
export const MAX_CHAT_PHOTO_ENVELOPE_BYTES = 3 * 1024 * 1024;
/** Members of one group: a care team, not a mailing list. */
export const MAX_CHAT_MEMBERS = 100;
/** Most messages one sync page returns. */
export const MAX_CHAT_SYNC_LIMIT = 500;

export const ChatConversationKind = z.enum(['direct', 'group']);
export type ChatConversationKind = z.infer<typeof ChatConversationKind>;

export const ChatMemberRole = z.enum(['admin', 'member']);
export type ChatMemberRole = z.infer<typeof ChatMemberRole>;

const GroupName = z.string().trim().min(1).max(120);
const Seq = z.number().int().min(0);

export const ChatMember = z.object({
  userId: Id,
  displayName: z.string(),
  role: ChatMemberRole,
  /** Highest sequence number this member's devices have received (never goes back). */
  deliveredSeq: Seq,
  /** Highest sequence number this member has read (never goes back). */
  readSeq: Seq,
});
export type ChatMember = z.infer<typeof ChatMember>;

export const Conversation = z.object({
  id: Id,
  kind: ChatConversationKind,
  /** Null for a direct conversation: each side shows the other person's name. */
  name: z.string().nullable(),
  members: z.array(ChatMember),
  lastSeq: Seq,
  /** Messages after the caller's readSeq that others sent. */
  unread: z.number().int().min(0),
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

export const CreateConversationRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct'), userId: Id }),
  z.strictObject({
    kind: z.literal('group'),
    name: GroupName,
    /** The other members; the creator is added as admin. */
    memberIds: z.array(Id).max(MAX_CHAT_MEMBERS - 1),
    /** Members who are admins too (the creator always is). */
    adminIds: z.array(Id).max(MAX_CHAT_MEMBERS).optional(),
  }),
]);
export type CreateConversationRequest = z.infer<typeof CreateConversationRequest>;

export const RenameConversationRequest = z.strictObject({ name: GroupName });
export type RenameConversationRequest = z.infer<typeof RenameConversationRequest>;

export const AddChatMembersRequest = z.strictObject({
  userIds: z.array(Id).min(1).max(MAX_CHAT_MEMBERS),
});
export type AddChatMembersRequest = z.infer<typeof AddChatMembersRequest>;

/** An admin makes a member admin, or an admin a plain member again (never the last admin). */
export const ChangeChatRoleRequest = z.strictObject({ role: ChatMemberRole });
export type ChangeChatRoleRequest = z.infer<typeof ChangeChatRoleRequest>;

const Base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64 (one line, standard alphabet)');

/** No sender field: the sender is whoever holds the session, so a forged sender cannot be expressed. */
export const SendChatMessageFields = z.strictObject({
  /** Chosen by the client (UUID): a retry with the same id and content returns the stored message. */
  id: Id,
  kind: ChatMessageKind,
  /** Base64 DER of a CMS EnvelopedData for every current member's encryption certificate. */
  envelope: Base64,
  /** Photos only: the reduced JPEG, in its own envelope for the same certificates. */
  photo: Base64.optional(),
});

/** A photo message carries `photo`, and only a photo message does. */
export const photoMatchesKind: [
  (m: { kind: ChatMessageKind; photo?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (m) => (m.kind === 'photo') === (m.photo !== undefined),
  { message: 'a photo message carries `photo`, and only a photo message does', path: ['photo'] },
];

export const SendChatMessageRequest = SendChatMessageFields.refine(...photoMatchesKind);
export type SendChatMessageRequest = z.infer<typeof SendChatMessageRequest>;

export const ChatMessage = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int().min(1),
  senderUserId: Id,
  kind: ChatMessageKind,
  envelope: z.string(),
  /** Photos: the byte size of the photo envelope, fetched with GET …/messages/:id/photo. Else null. */
  photoBytes: z.number().int().min(1).nullable(),
  sentAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** GET /api/chat/conversations/:id/messages/:messageId/photo */
export const ChatPhoto = z.object({
  messageId: Id,
  /** Base64 DER of the photo's CMS EnvelopedData (a JPEG inside). */
  envelope: z.string(),
});
export type ChatPhoto = z.infer<typeof ChatPhoto>;

export const ChatSyncQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHAT_SYNC_LIMIT).default(100),
});
export type ChatSyncQuery = z.infer<typeof ChatSyncQuery>;

export const ChatSync = z.object({
  messages: z.array(ChatMessage),
  /** The conversation's current last sequence number. */
  lastSeq: Seq,
  /** True when more messages follow the last one returned: ask again after its seq. */
  more: z.boolean(),
});
export type ChatSync = z.infer<typeof ChatSync>;

export const ChatReceiptRequest = z.strictObject({ seq: Seq });
export type ChatReceiptRequest = z.infer<typeof ChatReceiptRequest>;

/**
 * Pushed over the WebSocket, a hint to sync: 'chat' when a message took number `seq`,
 * 'chat.conversation' when members, roles or the name changed (sent to whoever left, too).
 */
export const ChatEvent = z.object({
  type: z.enum(['chat', 'chat.conversation']),
  conversationId: Id,
  seq: Seq,
});
export type ChatEvent = z.infer<typeof ChatEvent>;

/** Pushed to the members when someone's receipts moved forward (ticks in the thread). */
export const ChatReceiptEvent = z.object({
  type: z.literal('chat.receipt'),
  conversationId: Id,
  userId: Id,
  deliveredSeq: Seq,
  readSeq: Seq,
});
export type ChatReceiptEvent = z.infer<typeof ChatReceiptEvent>;
