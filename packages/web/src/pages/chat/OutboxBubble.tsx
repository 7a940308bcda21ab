import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bubble } from './Bubble.tsx';
import { chatErrorMessage } from './chatErrors.ts';
import type { OutboxItem } from './useChatSend.ts';

/** A message on its way from this tab: what it says, how far it got, and a retry when it failed. */
export function OutboxBubble({
  item,
  onRetry,
  onDiscard,
}: {
  item: OutboxItem;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const failed = item.stage === 'failed';
  const footer = failed ? (
    <Text size="xs" c="red.8" fw={600}>
      {t('chat.stage.failed')}
    </Text>
  ) : (
    <Group gap={4} wrap="nowrap">
      <Loader size={10} />
      <Text size="xs" c="dimmed" data-testid="chat-outbox-stage">
        {t(`chat.stage.${item.stage}`)}
      </Text>
    </Group>
  );
  return (
    <Bubble own sender={null} footer={footer} testId="chat-outbox" data={{ 'data-stage': item.stage }}>
      <Stack gap={4}>
        {item.content.kind === 'text' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.content.text}
          </Text>
        ) : item.content.kind === 'history' ? (
          <Text size="sm" fs="italic">
            {t('chat.history.sending', { count: item.content.count })}
          </Text>
        ) : (
          <LocalPhoto file={item.content.file} caption={item.content.caption} />
        )}
        {failed ? (
          <>
            <Text size="xs" c="red.8" role="alert" data-testid="chat-outbox-error">
              {chatErrorMessage(t, item.error)}
            </Text>
            <Group gap="xs" justify="flex-end">
              <Button size="compact-xs" variant="subtle" color="gray" onClick={onDiscard}>
                {t('chat.discard')}
              </Button>
              <Button size="compact-xs" onClick={onRetry} data-testid="chat-outbox-retry">
                {t('chat.retry')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Bubble>
  );
}

/** The picked file as a small preview while it is reduced and sent (this device's own pixels). */
function LocalPhoto({ file, caption }: { file: Blob; caption: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return (
    <Stack gap={4}>
      {url ? (
        <img
          src={url}
          alt={caption}
          style={{ display: 'block', maxWidth: 200, maxHeight: 200, objectFit: 'cover', borderRadius: 8 }}
        />
      ) : null}
      {caption ? <Text size="sm">{caption}</Text> : null}
    </Stack>
  );
}
