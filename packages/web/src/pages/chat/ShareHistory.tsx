import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Bundles and sends the recent messages; answers how many went (0: nothing this device can quote). */
  onShare: () => number;
  /** Members were just added: the question is asked right there, since they cannot read what came before. */
  afterAdd: boolean;
  onDismiss: () => void;
}

/**
 * Re-sharing recent messages with the members. Any member may: each quotes what their own device has
 * opened, the server never could. The result is said in a live region, the modal stays open.
 */
export function ShareHistory({ onShare, afterAdd, onDismiss }: Props) {
  const { t } = useTranslation();
  const [shared, setShared] = useState<number | null>(null);
  const share = () => {
    setShared(onShare());
    onDismiss();
  };
  const result =
    shared === null ? null : (
      <Text size="sm" c={shared > 0 ? 'teal.8' : 'dimmed'} role="status" data-testid="chat-history-shared">
        {shared > 0 ? t('chat.history.shared', { count: shared }) : t('chat.history.nothing')}
      </Text>
    );

  if (afterAdd) {
    return (
      <Alert variant="light" title={t('chat.history.offer')} data-testid="chat-history-offer">
        <Stack gap="xs">
          <Text size="sm">{t('chat.history.offerHelp')}</Text>
          <Group gap="xs">
            <Button size="xs" onClick={share} data-testid="chat-history-offer-share">
              {t('chat.history.offerShare')}
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={onDismiss}>
              {t('chat.history.offerLater')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
          {t('chat.history.help')}
        </Text>
        <Button variant="light" size="xs" onClick={share} data-testid="chat-history-share">
          {t('chat.history.share')}
        </Button>
      </Group>
      {result}
    </Stack>
  );
}
