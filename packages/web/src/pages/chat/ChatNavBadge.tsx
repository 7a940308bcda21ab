import type { Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { NavCountBadge } from '../../components/NavCountBadge.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chatKeys, fetchConversations } from '../../api/chat.ts';
import { notifyNewMessage } from './notify.ts';
import { conversationPath } from './paths.ts';
import { conversationTitle, newlyUnread, unreadTotal } from './thread.ts';
import { useBackgroundDelivery } from './useBackgroundDelivery.ts';

/**
 * Unread chat messages over all conversations, for the navigation. Loaded with the shell, so it
 * imports no crypto: the counts are server metadata, kept fresh by the live socket (lib/liveMail).
 * Being always mounted, it is also what raises a desktop notification when the page is hidden, and
 * what marks the conversations that are not open delivered once they are synced.
 */
export function ChatNavBadge({ me }: { me: Me }) {
  const { t } = useTranslation();
  const conversations = useQuery({
    queryKey: chatKeys.conversations,
    queryFn: fetchConversations,
    staleTime: 30_000,
  });
  useNewMessageNotifications(me, conversations.data);
  useBackgroundDelivery(me.id, conversations.data);
  const unread = unreadTotal(conversations.data ?? []);
  return (
    <NavCountBadge count={unread} label={t('chat.unreadCount', { count: unread })} testId="chat-nav-unread" />
  );
}

function useNewMessageNotifications(me: Me, conversations: Conversation[] | undefined): void {
  const { t } = useTranslation();
  const previous = useRef<Conversation[] | undefined>(undefined);
  useEffect(() => {
    if (!conversations) return;
    for (const conversation of newlyUnread(previous.current, conversations)) {
      const name = conversationTitle(conversation, me.id, t('chat.alone'));
      void notifyNewMessage({
        title: t('chat.notifications.title'),
        body: t('chat.notifications.body', { name }),
        tag: `chat-${conversation.id}`,
        url: conversationPath(conversation.id),
      });
    }
    previous.current = conversations;
  }, [conversations, me.id, t]);
}
