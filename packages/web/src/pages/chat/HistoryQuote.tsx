import type { ChatHistoryBundle } from '@liaison/core/chat/history';
import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quotedMessages } from './history.ts';
import { formatDateTime } from './time.ts';

/**
 * A re-shared history message: a quotation by the member who shared it, set apart from ordinary
 * messages (border, muted background) because the original senders did not sign this copy.
 */
export function HistoryQuote({ bundle, sharedBy }: { bundle: ChatHistoryBundle; sharedBy: string }) {
  const { t, i18n } = useTranslation();
  const quoted = quotedMessages(bundle);
  return (
    <Stack gap={6} data-testid="chat-history">
      <Text size="sm" fw={600} data-testid="chat-history-title">
        {t('chat.history.title', { name: sharedBy })}
      </Text>
      <Box
        component="blockquote"
        m={0}
        py={4}
        px="sm"
        bg="gray.0"
        style={{
          borderLeft: '3px solid var(--mantine-color-gray-5)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {quoted.map((entry) => (
            <Box component="li" key={entry.key} data-testid="chat-history-entry">
              <Text size="xs" c="dimmed">
                <Text span size="xs" fw={700} c="gray.8">
                  {entry.senderName}
                </Text>
                {' · '}
                <time dateTime={entry.sentAt}>{formatDateTime(entry.sentAt, i18n.language)}</time>
              </Text>
              <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {entry.text}
              </Text>
            </Box>
          ))}
        </Stack>
      </Box>
      <Text size="xs" c="dimmed" fs="italic">
        {t('chat.history.note', { name: sharedBy })}
      </Text>
    </Stack>
  );
}
