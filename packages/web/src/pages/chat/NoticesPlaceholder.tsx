import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';

/** Reserves /chat/notices/:sender until the patient movement notices view is wired in (chat/notices). */
export function NoticesPlaceholder() {
  return <RequireSession>{() => <Placeholder />}</RequireSession>;
}

function Placeholder() {
  const { t } = useTranslation();
  usePageTitle(t('chat.notices.title'));
  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{t('chat.notices.title')}</Title>
      <Text c="dimmed">{t('chat.notices.placeholder')}</Text>
    </Stack>
  );
}
