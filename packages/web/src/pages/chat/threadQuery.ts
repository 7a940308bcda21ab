import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { chatKeys, fetchChatPage } from '../../api/chat.ts';
import { isApiError } from '../../api/client.ts';
import { EMPTY_THREAD, syncThread, type ThreadState } from './thread.ts';

/**
 * The thread's sync as a react-query, apart from useChatData so that the navigation badge (loaded with
 * the shell, no crypto) can sync a conversation in the background with the very same cursor logic.
 */

/** Only a lost connection or a server hiccup is worth another try; a crypto failure will not change. */
export function retryNetwork(failureCount: number, error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500) && failureCount < 2;
}

/**
 * The messages of one conversation. Each fetch syncs after the last message already held, page by
 * page, so a refetch (an event, the tab coming back, a reconnection) only asks for what is new.
 */
export function threadQuery(queryClient: QueryClient, conversationId: string) {
  return queryOptions({
    queryKey: chatKeys.thread(conversationId),
    queryFn: () =>
      syncThread(
        queryClient.getQueryData<ThreadState>(chatKeys.thread(conversationId)) ?? EMPTY_THREAD,
        (after) => fetchChatPage(conversationId, after),
      ),
    staleTime: 30_000,
    retry: retryNetwork,
  });
}
