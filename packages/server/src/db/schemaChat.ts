/** Tables of instant messaging (migration 012). */
export interface ChatConversationTable {
  id: string;
  kind: 'direct' | 'group';
  name: string | null;
  direct_key: string | null;
  created_by: string;
  created_at: string;
  last_seq: number;
  last_message_at: string | null;
}

export interface ChatMemberTable {
  conversation_id: string;
  user_id: string;
  role: 'admin' | 'member';
  joined_at: string;
  joined_seq: number;
  delivered_seq: number;
  read_seq: number;
}

export interface ChatMembershipLogTable {
  id: string;
  conversation_id: string;
  user_id: string;
  action: 'created' | 'added' | 'removed' | 'left' | 'promoted' | 'demoted';
  by_user_id: string;
  seq: number;
  at: string;
}

export interface ChatMessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender_user_id: string;
  sender_device_id: string | null;
  kind: 'text' | 'photo' | 'history';
  size: number;
  /** Byte size of the photo envelope in chat_photos (migration 013); null for text. */
  photo_size: number | null;
  fingerprint: string;
  sent_at: string;
  envelope: Uint8Array;
}

export interface ChatPhotoTable {
  message_id: string;
  envelope: Uint8Array;
}

export interface ChatTables {
  chat_conversations: ChatConversationTable;
  chat_members: ChatMemberTable;
  chat_membership_log: ChatMembershipLogTable;
  chat_messages: ChatMessageTable;
  chat_photos: ChatPhotoTable;
}
