/**
 * Message-ID and In-Reply-To carry the letter's UUID, the id the server knows it by, as
 * `<uuid@liaison>` (RFC 5322 §3.6.4 msg-id).
 */
import { Id } from '../api/common.ts';
import { CryptoError } from '../crypto/errors.ts';

export const MESSAGE_ID_DOMAIN = 'liaison';

/** The same check as the API's `Id`, so a letter that builds is one the server accepts. */
export function isMessageUuid(value: string): boolean {
  return Id.safeParse(value).success;
}

export function formatMessageId(uuid: string, field: string): string {
  if (!isMessageUuid(uuid)) throw new CryptoError('LETTER_MALFORMED', `${field} is not a UUID`);
  return `<${uuid}@${MESSAGE_ID_DOMAIN}>`;
}

/** The UUIDs of a msg-id list, in order; ids of other forms (from other mail systems) are skipped. */
export function messageUuids(value: string): string[] {
  const out: string[] = [];
  for (const match of value.matchAll(/<([^<>@\s]+)@[^<>\s]*>/g)) {
    const left = match[1] ?? '';
    if (isMessageUuid(left)) out.push(left);
  }
  return out;
}
