import type { Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Badge, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { conversationPath } from './paths.ts';
import { formatActivity } from './time.ts';
import { conversationTitle, newestFirst } from './thread.ts';
import { useConversations } from './useChatData.ts';

export function ConversationList({ me, selectedId }: { me: Me; selectedId: string | undefined }) {
  const { t } = useTranslation();
  const conversations = useConversations();
  if (conversations.isPending) return <Loader size="sm" m="md" aria-label={t('chat.list.label')} />;
  if (conversations.isError) return <ErrorAlert error={conversations.error} />;
  if (conversations.data.length === 0) {
    return (
      <Text c="dimmed" size="sm" p="md" data-testid="chat-list-empty">
        {t('chat.list.empty')}
      </Text>
    );
  }
  return (
    <nav aria-label={t('chat.list.label')}>
      <Stack gap={2} data-testid="chat-list">
        {newestFirst(conversations.data).map((conversation) => (
          <Row
            key={conversation.id}
            me={me}
            conversation={conversation}
            selected={conversation.id === selectedId}
          />
        ))}
      </Stack>
    </nav>
  );
}

function Row({ me, conversation, selected }: { me: Me; conversation: Conversation; selected: boolean }) {
  const { t, i18n } = useTranslation();
  const title = conversationTitle(conversation, me.id, t('chat.alone'));
  const activity = conversation.lastMessageAt
    ? formatActivity(conversation.lastMessageAt, i18n.language, t)
    : t('chat.list.noMessage');
  return (
    <NavLink
      component={Link}
      to={conversationPath(conversation.id)}
      active={selected}
      aria-current={selected ? 'page' : undefined}
      data-testid="chat-conversation"
      data-unread={conversation.unread > 0}
      label={
        <Text size="sm" fw={conversation.unread > 0 ? 700 : 500} truncate="end">
          {title}
        </Text>
      }
      description={
        <Group gap={6} wrap="nowrap">
          {conversation.kind === 'group' ? (
            <Text span size="xs" c="dimmed">
              {t('chat.list.membersCount', { count: conversation.members.length })} ·
            </Text>
          ) : null}
          <Text span size="xs" c="dimmed">
            {activity}
          </Text>
        </Group>
      }
      rightSection={
        conversation.unread > 0 ? (
          <Badge
            size="sm"
            variant="filled"
            circle={conversation.unread < 10}
            aria-label={t('chat.unreadCount', { count: conversation.unread })}
            data-testid="chat-conversation-unread"
          >
            {conversation.unread}
          </Badge>
        ) : null
      }
    />
  );
}
