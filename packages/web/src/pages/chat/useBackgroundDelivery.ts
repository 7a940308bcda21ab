import type { Conversation } from '@liaison/core/api/chat';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { chatKeys, sendReceipt } from '../../api/chat.ts';
import { cursorOf } from './thread.ts';
import { threadQuery } from './threadQuery.ts';

/**
 * "Delivered" for the conversations that are not open. The mark means this device holds the messages,
 * so it is never sent from the list's counts alone: the conversation is synced first (same cursor as
 * the thread, envelopes only, nothing decrypted) and marked up to the last message actually fetched.
 * The open thread marks by itself (useReceipts).
 */
export function useBackgroundDelivery(myUserId: string, conversations: readonly Conversation[] | undefined) {
  const queryClient = useQueryClient();
  // The lastSeq each conversation was synced for: one attempt per new message, not one per render.
  const attempted = useRef(new Map<string, number>());

  useEffect(() => {
    if (!conversations) return;
    const due = toDeliver(conversations, myUserId, attempted.current, (id) => isOnScreen(queryClient, id));
    for (const { conversationId, lastSeq, deliveredSeq } of due) {
      attempted.current.set(conversationId, lastSeq);
      deliverInBackground(queryClient, conversationId, deliveredSeq).catch(() => {
        // Offline or refused: the next event or list refresh tries again.
        attempted.current.delete(conversationId);
      });
    }
  }, [conversations, myUserId, queryClient]);
}

export interface DueDelivery {
  conversationId: string;
  lastSeq: number;
  deliveredSeq: number;
}

/**
 * The conversations to sync in the background: something after this person's delivered mark, not
 * already tried for that last seq, and not on screen. Pure, unit-tested in test/chatDelivery.test.ts.
 */
export function toDeliver(
  conversations: readonly Conversation[],
  myUserId: string,
  attempted: ReadonlyMap<string, number>,
  onScreen: (conversationId: string) => boolean,
): DueDelivery[] {
  return conversations.flatMap((conversation) => {
    const mine = conversation.members.find((m) => m.userId === myUserId);
    if (!mine || conversation.lastSeq <= mine.deliveredSeq) return [];
    if ((attempted.get(conversation.id) ?? 0) >= conversation.lastSeq) return [];
    if (onScreen(conversation.id)) return [];
    return [
      { conversationId: conversation.id, lastSeq: conversation.lastSeq, deliveredSeq: mine.deliveredSeq },
    ];
  });
}

/** A thread someone is looking at has an observer: it syncs and marks on its own. */
function isOnScreen(queryClient: QueryClient, conversationId: string): boolean {
  const query = queryClient.getQueryCache().find({ queryKey: chatKeys.thread(conversationId), exact: true });
  return (query?.getObserversCount() ?? 0) > 0;
}

async function deliverInBackground(
  queryClient: QueryClient,
  conversationId: string,
  deliveredSeq: number,
): Promise<void> {
  // staleTime 0: the list says there is more than what is held, whatever the age of the cache.
  const thread = await queryClient.fetchQuery({ ...threadQuery(queryClient, conversationId), staleTime: 0 });
  const held = cursorOf(thread);
  if (held <= deliveredSeq) return;
  const updated = await sendReceipt(conversationId, 'delivered', held);
  queryClient.setQueryData(chatKeys.conversation(updated.id), updated);
  await queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
}
