import { Button, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enableNotifications, notificationState, type NotificationState } from './notify.ts';

/** Asks for notification permission on the person's click only (see notify.ts). */
export function NotificationsButton() {
  const { t } = useTranslation();
  const [state, setState] = useState<NotificationState>(notificationState);
  const label = {
    off: t('chat.notifications.enable'),
    on: t('chat.notifications.enabled'),
    denied: t('chat.notifications.denied'),
    unsupported: t('chat.notifications.unsupported'),
  }[state];
  return (
    <Tooltip label={t('chat.notifications.help')} multiline w={260}>
      <Button
        variant="default"
        disabled={state !== 'off'}
        onClick={() => void enableNotifications().then(setState)}
        data-testid="chat-notifications"
        data-state={state}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
