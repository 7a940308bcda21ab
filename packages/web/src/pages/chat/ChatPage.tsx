import type { Me } from '@liaison/core/api/index';
import { Alert, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { KeysNotice } from '../mail/KeysNotice.tsx';
import { usePersonalKeys } from '../mail/useMailCrypto.ts';
import { canChat } from './access.ts';
import { ConversationList } from './ConversationList.tsx';
import { NewConversationModal } from './NewConversationModal.tsx';
import { NotificationsButton } from './NotificationsButton.tsx';
import { NoticesSection } from './NoticesSection.tsx';
import { NoticeThreadPane } from './NoticeThreadPane.tsx';
import { noticeThreadPath } from './paths.ts';
import { ThreadView } from './ThreadView.tsx';
import { useStartWith } from './useStartWith.ts';

/** On a phone the list and the thread are two screens (with a back button); side by side on a desk. */
export const PHONE_QUERY = '(max-width: 600px)';

export function ChatPage() {
  return <RequireSession>{(me) => <Chat me={me} />}</RequireSession>;
}

function Chat({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('chat.title'));
  // /chat/:conversationId for a conversation, /chat/notices/:organisationId for an establishment's notices.
  const { conversationId, organisationId } = useParams();
  const navigate = useNavigate();
  const opened = conversationId ?? organisationId;
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const keys = usePersonalKeys(me);
  const [creating, { open: startCreating, close: stopCreating }] = useDisclosure(false);
  const startWith = useStartWith();

  if (!canChat(me)) {
    return (
      <Stack gap="md" maw={900}>
        <Title order={1}>{t('chat.title')}</Title>
        <Text c="dimmed">{t('chat.notEligible')}</Text>
      </Stack>
    );
  }

  const showList = !phone || opened === undefined;
  const showThread = !phone || opened !== undefined;
  return (
    <Stack gap="sm" maw={1200}>
      {showList ? (
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={1}>{t('chat.title')}</Title>
          <Group gap="sm" wrap="wrap">
            <NotificationsButton />
            <Button onClick={startCreating} data-testid="chat-new">
              {t('chat.newConversation')}
            </Button>
          </Group>
        </Group>
      ) : null}

      {keys.isError ? <KeysNotice error={keys.error} title={t('chat.keysTitle')} /> : null}
      {startWith.starting ? (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">{t('chat.startWith.opening')}</Text>
        </Group>
      ) : null}
      {startWith.error instanceof Error && startWith.error.message === 'no-certificate' ? (
        <Alert color="orange" role="alert">
          {t('chat.startWith.noCertificate')}
        </Alert>
      ) : startWith.error ? (
        <ErrorAlert error={startWith.error} />
      ) : null}

      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: phone ? 'minmax(0, 1fr)' : 'minmax(240px, 320px) minmax(0, 1fr)',
          gap: 'var(--mantine-spacing-md)',
          alignItems: 'start',
        }}
      >
        {showList ? (
          <Paper withBorder radius="md" p={4}>
            <ConversationList me={me} selectedId={conversationId} />
            <NoticesSection selected={organisationId} onOpen={(id) => void navigate(noticeThreadPath(id))} />
          </Paper>
        ) : null}
        {showThread ? (
          conversationId ? (
            <ThreadView key={conversationId} me={me} conversationId={conversationId} phone={phone} />
          ) : organisationId ? (
            <NoticeThreadPane key={organisationId} organisationId={organisationId} phone={phone} />
          ) : (
            <Paper withBorder radius="md" p="xl">
              <Text c="dimmed" ta="center">
                {t('chat.thread.choose')}
              </Text>
            </Paper>
          )
        ) : null}
      </Box>
      <NewConversationModal me={me} opened={creating} onClose={stopCreating} />
    </Stack>
  );
}
