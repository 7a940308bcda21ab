import { z } from 'zod';
import { MAX_CHAT_TEXT_ENVELOPE_BYTES } from '../api/chat.ts';

/**
 * Re-shared history (issue 8): a newcomer to a group was not a recipient of anything sent before they
 * joined, and the server cannot re-encrypt what it cannot read. A member who wants them to have the
 * context opens recent messages on their own device and sends them again as one 'history' message,
 * encrypted like any other for every current member. It is a quotation by that member, shown as such:
 * the original senders did not sign it.
 */

export const MAX_HISTORY_MESSAGES = 200;

export const ChatHistoryEntry = z.strictObject({
  seq: z.number().int().min(1),
  senderName: z.string().min(1).max(200),
  sentAt: z.string().min(1).max(40),
  /** The text, or for a photo its caption after "[photo]" (the picture itself is not re-shared). */
  text: z.string().max(MAX_CHAT_TEXT_ENVELOPE_BYTES),
});
export type ChatHistoryEntry = z.infer<typeof ChatHistoryEntry>;

export const ChatHistoryBundle = z.strictObject({
  v: z.literal(1),
  messages: z.array(ChatHistoryEntry).min(1).max(MAX_HISTORY_MESSAGES),
});
export type ChatHistoryBundle = z.infer<typeof ChatHistoryBundle>;

/** Room left in the envelope for CMS and its recipient infos (about 400 bytes each for 100 members). */
const ENVELOPE_OVERHEAD = 48 * 1024;

/**
 * The bundle of the most recent entries that fits one message, oldest first; null when there is
 * nothing to share. Older entries are dropped first when the texts are long.
 */
export function historyBundle(entries: readonly ChatHistoryEntry[]): Uint8Array<ArrayBuffer> | null {
  const budget = MAX_CHAT_TEXT_ENVELOPE_BYTES - ENVELOPE_OVERHEAD;
  const encoder = new TextEncoder();
  const picked = [...entries].sort((a, b) => a.seq - b.seq).slice(-MAX_HISTORY_MESSAGES);
  while (picked.length > 0) {
    const bytes = encoder.encode(JSON.stringify(ChatHistoryBundle.parse({ v: 1, messages: picked })));
    if (bytes.length <= budget) return bytes;
    picked.shift();
  }
  return null;
}

export class ChatHistoryError extends Error {
  readonly code = 'HISTORY_INVALID';
}

export function parseHistoryBundle(bytes: Uint8Array): ChatHistoryBundle {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ChatHistoryError('the shared history is not JSON');
  }
  const bundle = ChatHistoryBundle.safeParse(json);
  if (!bundle.success) throw new ChatHistoryError('the shared history is not a history bundle');
  return bundle.data;
}
