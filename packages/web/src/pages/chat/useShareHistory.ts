import type { Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { historyBundle, parseHistoryBundle } from '@liaison/core/chat/history';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { chatKeys } from '../../api/chat.ts';
import type { OpenedChat } from './crypto/envelopes.ts';
import { entriesToShare } from './history.ts';
import { EMPTY_THREAD, memberName, type ThreadState } from './thread.ts';

/**
 * "Share recent history": the messages this device has already opened (the decrypted cache; nothing is
 * decrypted again for this), bundled and handed to the thread's ordinary send path. Answers how many
 * messages went into the bundle, 0 when there was nothing to share.
 */
export function useShareHistory(
  me: Me,
  conversation: Conversation,
  sendHistory: (bundle: Uint8Array<ArrayBuffer>, count: number) => void,
): () => number {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(() => {
    const thread = queryClient.getQueryData<ThreadState>(chatKeys.thread(conversation.id)) ?? EMPTY_THREAD;
    const entries = entriesToShare(
      thread.messages,
      (id) => queryClient.getQueryData<OpenedChat>(chatKeys.message(me.id, id)),
      (userId) =>
        userId === me.id
          ? `${me.firstName} ${me.lastName}`
          : (memberName(conversation, userId) ?? t('chat.formerMember')),
    );
    const bundle = historyBundle(entries);
    if (!bundle) return 0;
    // historyBundle may drop the oldest entries to fit one message: count what it kept.
    const count = parseHistoryBundle(bundle).messages.length;
    sendHistory(bundle, count);
    return count;
  }, [queryClient, conversation, me, sendHistory, t]);
}
