import { Anchor, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NoticeThreadView } from './notices/NoticeThreadView.tsx';
import { CHAT_PATH } from './paths.ts';

/** An establishment's notices in the thread's place, with the same back link on a phone. */
export function NoticeThreadPane({ organisationId, phone }: { organisationId: string; phone: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        {phone ? (
          <Anchor component={Link} to={CHAT_PATH} size="sm" aria-label={t('chat.thread.backLabel')}>
            ← {t('chat.thread.back')}
          </Anchor>
        ) : null}
        <NoticeThreadView organisationId={organisationId} />
      </Stack>
    </Paper>
  );
}
