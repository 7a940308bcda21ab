import type { ChatMember, ChatMessage, SendChatMessageRequest } from '@liaison/core/api/chat';
import { isApiError } from '../../api/client.ts';

/**
 * Getting one message to the server, whatever the network does (no React, no crypto: both come in as
 * functions, so test/chatSend.test.ts drives every branch). The id is chosen once by the caller and
 * never changes: a retry after a lost answer sends the very same id and envelope, which the server
 * answers with the stored message rather than a duplicate.
 */

export interface DeliverDeps {
  /** The members as the server has them now (a fresh GET of the conversation). */
  members: () => Promise<ChatMember[]>;
  /** Encrypts the content for these members' certificates, under the message's id. */
  seal: (members: ChatMember[]) => Promise<SendChatMessageRequest>;
  post: (request: SendChatMessageRequest) => Promise<ChatMessage>;
  wait: (ms: number) => Promise<void>;
}

/** Attempts of one request: a dropped connection or a server hiccup is worth two more tries. */
export const DELIVERY_ATTEMPTS = 3;

/** Only a lost connection or a 5xx may go away by itself; a refusal will not. */
export function isRetryable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/** A failed delivery, with the sealed request to try again with (same id, same bytes). */
export class DeliveryFailure extends Error {
  override readonly name = 'DeliveryFailure';
  constructor(
    readonly reason: unknown,
    readonly request: SendChatMessageRequest | null,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Seals (unless `sealed` is given, a retry) and posts, retrying network failures with the same
 * request. On CHAT_RECIPIENTS_MISMATCH (someone joined or left, or renewed a certificate, meanwhile)
 * the members are fetched again and the content re-encrypted once, still under the same id: the
 * refused attempt stored nothing.
 */
export async function deliver(
  deps: DeliverDeps,
  sealed: SendChatMessageRequest | null = null,
): Promise<ChatMessage> {
  let request = sealed;
  let resealed = false;
  let attempt = 0;
  for (;;) {
    try {
      request ??= await deps.seal(await deps.members());
      attempt += 1;
      return await deps.post(request);
    } catch (error) {
      if (isApiError(error) && error.code === 'CHAT_RECIPIENTS_MISMATCH' && !resealed) {
        resealed = true;
        request = null;
        attempt = 0;
        continue;
      }
      if (request !== null && isRetryable(error) && attempt < DELIVERY_ATTEMPTS) {
        await deps.wait(1000 * attempt);
        continue;
      }
      throw new DeliveryFailure(error, request);
    }
  }
}
