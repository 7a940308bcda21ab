import type { ChatMessage } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { checkReceivedPhoto, type ChatPhotoCard } from '@liaison/core/chat/photo';
import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { chatKeys, fetchChatPhoto, fetchConversation, fetchConversations } from '../../api/chat.ts';
import { fetchCaChainPem, mailKeys } from '../../api/mail.ts';
import { personalKeysQuery } from '../mail/useMailCrypto.ts';
import { openBytes, openChatMessage } from './crypto/envelopes.ts';
import { retryNetwork, threadQuery } from './threadQuery.ts';

/**
 * The chat screens' server state and decryption, through react-query. Server state lives under
 * `['chat']` and is refetched on WebSocket events (lib/liveMail); decrypted content under
 * `['chat-plain', userId]`, in memory only, dropped at sign-out with everything else.
 */

export const conversationsQuery = queryOptions({
  queryKey: chatKeys.conversations,
  queryFn: fetchConversations,
  staleTime: 30_000,
});

export function useConversations() {
  return useQuery(conversationsQuery);
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: chatKeys.conversation(id ?? ''),
    queryFn: id ? () => fetchConversation(id) : skipToken,
    retry: retryNetwork,
  });
}

export function useThread(conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery(threadQuery(queryClient, conversationId));
}

export const caChainQuery = queryOptions({
  queryKey: mailKeys.caChain,
  queryFn: fetchCaChainPem,
  staleTime: 60 * 60_000,
});

/** One message opened on this device: an envelope never changes, so it is decrypted once. */
export function useOpenedMessage(me: Me, message: Pick<ChatMessage, 'id' | 'kind' | 'envelope'>) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: chatKeys.message(me.id, message.id),
    queryFn: async () => {
      const keys = await queryClient.fetchQuery(personalKeysQuery(me.id));
      return openChatMessage(message, keys.decryption);
    },
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The full photo's JPEG, fetched and decrypted on demand, then checked against its card (a JPEG of the
 * announced size and SHA-256) before anything shows it: the server cannot look inside, so it cannot
 * vouch for it either.
 */
export function usePhoto(
  me: Me,
  conversationId: string,
  messageId: string,
  card: ChatPhotoCard,
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: chatKeys.photo(me.id, messageId),
    queryFn: enabled
      ? async () => {
          const [keys, photo] = await Promise.all([
            queryClient.fetchQuery(personalKeysQuery(me.id)),
            fetchChatPhoto(conversationId, messageId),
          ]);
          return checkReceivedPhoto(card, await openBytes(photo.envelope, keys.decryption));
        }
      : skipToken,
    staleTime: Infinity,
    retry: retryNetwork,
  });
}
