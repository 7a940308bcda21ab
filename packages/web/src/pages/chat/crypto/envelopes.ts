import type { ChatMessage } from '@liaison/core/api/chat';
import { parseHistoryBundle, type ChatHistoryBundle } from '@liaison/core/chat/history';
import { ChatPhotoError, parsePhotoCard, type ChatPhotoCard } from '@liaison/core/chat/photo';
import {
  base64Decode,
  base64Encode,
  decrypt,
  encrypt,
  type DecryptRecipient,
} from '@liaison/core/crypto/index';

/**
 * Chat envelopes: one CMS EnvelopedData per content, encrypted once for every member's certificate.
 * A text message holds plain UTF-8 text (what `liaison chat send` writes, so both read each other);
 * a photo message holds the JSON card, and its second envelope the JPEG; a history message holds the
 * JSON bundle of re-shared messages (core/chat/history.ts).
 */

export async function sealBytes(content: Uint8Array, recipients: string[]): Promise<string> {
  return base64Encode(await encrypt({ content, recipients }));
}

export function openBytes(envelope: string, keys: DecryptRecipient[]): Promise<Uint8Array> {
  return decrypt({ envelope: base64Decode(envelope), recipient: keys });
}

/** What a message says once opened on this device; a failure is an answer, shown in its bubble. */
export type OpenedChat =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; card: ChatPhotoCard }
  | { kind: 'history'; bundle: ChatHistoryBundle }
  | { kind: 'unreadable'; error: unknown };

export function readText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export async function openChatMessage(
  message: Pick<ChatMessage, 'kind' | 'envelope'>,
  keys: DecryptRecipient[],
): Promise<OpenedChat> {
  try {
    const bytes = await openBytes(message.envelope, keys);
    if (message.kind === 'photo') return { kind: 'photo', card: parsePhotoCard(bytes) };
    if (message.kind === 'history') return { kind: 'history', bundle: parseHistoryBundle(bytes) };
    return { kind: 'text', text: readText(bytes) };
  } catch (error) {
    return { kind: 'unreadable', error };
  }
}

export function isPhotoError(error: unknown): error is ChatPhotoError {
  return error instanceof ChatPhotoError;
}
