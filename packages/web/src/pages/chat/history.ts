import type { ChatMessage } from '@liaison/core/api/chat';
import type { ChatHistoryBundle, ChatHistoryEntry } from '@liaison/core/chat/history';
import type { OpenedChat } from './crypto/envelopes.ts';

/**
 * Re-shared history, the pure parts (no React, no crypto), unit-tested in test/chatHistory.test.ts:
 * which messages a member re-shares, and what a received bundle shows.
 */

/** How many recent messages "share recent history" takes: the context of a handover, not an archive. */
export const HISTORY_SHARE_COUNT = 20;

/**
 * The last `limit` messages this device has opened, as bundle entries, oldest first. Only what this
 * device could read is re-shared (it cannot quote what it never decrypted); earlier bundles are left
 * out so quotations do not nest; a photo travels as its caption, the picture itself is not re-shared.
 */
export function entriesToShare(
  messages: readonly ChatMessage[],
  openedOf: (messageId: string) => OpenedChat | undefined,
  senderName: (userId: string) => string,
  limit = HISTORY_SHARE_COUNT,
): ChatHistoryEntry[] {
  const entries: ChatHistoryEntry[] = [];
  for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
    const opened = openedOf(message.id);
    const text = opened ? quotedText(opened) : null;
    if (text === null) continue;
    entries.push({
      seq: message.seq,
      senderName: senderName(message.senderUserId),
      sentAt: message.sentAt,
      text,
    });
  }
  return entries.slice(-limit);
}

function quotedText(opened: OpenedChat): string | null {
  switch (opened.kind) {
    case 'text':
      return opened.text;
    case 'photo':
      return opened.card.caption ? `[photo] ${opened.card.caption}` : '[photo]';
    case 'history':
    case 'unreadable':
      return null;
  }
}

/** One quoted message as the thread shows it. */
export interface QuotedMessage {
  key: string;
  senderName: string;
  sentAt: string;
  text: string;
}

/**
 * The entries of a received bundle in the order they were sent. Keys stay unique even if a sender
 * repeated a seq (the bundle is the sharer's say, not the server's record).
 */
export function quotedMessages(bundle: ChatHistoryBundle): QuotedMessage[] {
  return [...bundle.messages]
    .sort((a, b) => a.seq - b.seq)
    .map((entry, index) => ({
      key: `${entry.seq}-${index}`,
      senderName: entry.senderName,
      sentAt: entry.sentAt,
      text: entry.text,
    }));
}
