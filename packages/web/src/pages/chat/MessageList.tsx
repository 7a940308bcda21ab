import type { ChatMessage, Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Box, Divider, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageBubble } from './MessageBubble.tsx';
import { OutboxBubble } from './OutboxBubble.tsx';
import { formatDay } from './time.ts';
import { groupByDay } from './thread.ts';
import type { OutboxItem } from './useChatSend.ts';

type Entry = { kind: 'message'; message: ChatMessage } | { kind: 'outbox'; item: OutboxItem };

const sentAtOf = (entry: Entry) => (entry.kind === 'message' ? entry.message.sentAt : entry.item.createdAt);

interface Props {
  me: Me;
  conversation: Conversation;
  title: string;
  messages: ChatMessage[];
  outbox: OutboxItem[];
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  phone: boolean;
}

/**
 * The thread: synced messages in seq order, then what this tab is still sending (an outbox item
 * disappears as soon as the synced copy, same id, is in). An aria-live log, so a screen reader reads
 * new messages as they arrive without moving the focus.
 */
export function MessageList({ me, conversation, title, messages, outbox, onRetry, onDiscard, phone }: Props) {
  const { t, i18n } = useTranslation();
  const synced = new Set(messages.map((m) => m.id));
  const entries: Entry[] = [
    ...messages.map((message): Entry => ({ kind: 'message', message })),
    ...outbox.filter((item) => !synced.has(item.id)).map((item): Entry => ({ kind: 'outbox', item })),
  ];
  const scroller = useRef<HTMLDivElement>(null);
  const count = entries.length;

  // Follow the conversation: the newest message is the one to see.
  useEffect(() => {
    const box = scroller.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [count]);

  return (
    <Box
      ref={scroller}
      role="log"
      aria-live="polite"
      aria-label={t('chat.thread.log', { name: title })}
      tabIndex={0}
      data-testid="chat-log"
      px={phone ? 'xs' : 'md'}
      py="sm"
      bg="gray.0"
      style={{
        height: phone ? 'calc(100dvh - 300px)' : 'calc(100dvh - 340px)',
        minHeight: 280,
        overflowY: 'auto',
      }}
    >
      {count === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="xl">
          {t('chat.thread.empty')}
        </Text>
      ) : (
        groupByDay(entries, sentAtOf).map((group) => (
          <Stack key={group.day} gap={6} mb="sm">
            <Divider
              label={formatDay(group.day, i18n.language, t)}
              labelPosition="center"
              role="heading"
              aria-level={3}
            />
            {group.items.map((entry) =>
              entry.kind === 'message' ? (
                <MessageBubble
                  key={entry.message.id}
                  me={me}
                  conversation={conversation}
                  message={entry.message}
                />
              ) : (
                <OutboxBubble
                  key={entry.item.id}
                  item={entry.item}
                  onRetry={() => onRetry(entry.item.id)}
                  onDiscard={() => onDiscard(entry.item.id)}
                />
              ),
            )}
          </Stack>
        ))
      )}
    </Box>
  );
}
