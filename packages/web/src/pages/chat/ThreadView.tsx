import type { Me } from '@liaison/core/api/index';
import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePersonalKeys } from '../mail/useMailCrypto.ts';
import { Composer } from './Composer.tsx';
import { MembersModal } from './MembersModal.tsx';
import { MessageList } from './MessageList.tsx';
import { CHAT_PATH } from './paths.ts';
import { conversationTitle, cursorOf, EMPTY_THREAD } from './thread.ts';
import { useChatSend, useOutbox } from './useChatSend.ts';
import { useConversation, useThread } from './useChatData.ts';
import { useReceipts } from './useReceipts.ts';

export function ThreadView({
  me,
  conversationId,
  phone,
}: {
  me: Me;
  conversationId: string;
  phone: boolean;
}) {
  const { t } = useTranslation();
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  const outbox = useOutbox(conversationId);
  const send = useChatSend(me, conversationId);
  const [membersOpen, { open: openMembers, close: closeMembers }] = useDisclosure(false);
  // Without this person's keys in this browser nothing can be sealed: the page says why (KeysNotice).
  const keys = usePersonalKeys(me);
  const held = thread.data ?? EMPTY_THREAD;
  useReceipts(me.id, conversation.data, cursorOf(held));

  const back = phone ? (
    <Anchor
      component={Link}
      to={CHAT_PATH}
      size="sm"
      aria-label={t('chat.thread.backLabel')}
      data-testid="chat-back"
    >
      ← {t('chat.thread.back')}
    </Anchor>
  ) : null;

  if (conversation.isError) {
    return (
      <Stack gap="sm">
        {back}
        <ErrorAlert error={conversation.error} />
      </Stack>
    );
  }
  if (!conversation.data) return <Loader size="sm" aria-label={t('chat.thread.loading')} />;
  const title = conversationTitle(conversation.data, me.id, t('chat.alone'));

  return (
    <Paper withBorder radius="md" p={0} data-testid="chat-thread" style={{ overflow: 'hidden' }}>
      <Group
        justify="space-between"
        wrap="nowrap"
        gap="sm"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Stack gap={0} miw={0}>
          {back}
          <Title
            // On a phone the thread is a screen of its own: its name is the page's heading.
            order={phone ? 1 : 2}
            size="h4"
            lineClamp={2}
            data-testid="chat-thread-title"
          >
            {title}
          </Title>
        </Stack>
        <Button
          variant="light"
          size="compact-sm"
          onClick={openMembers}
          style={{ flexShrink: 0 }}
          data-testid="chat-members-open"
        >
          {t('chat.members.button', { count: conversation.data.members.length })}
        </Button>
      </Group>

      {thread.isError ? <ErrorAlert error={thread.error} /> : null}
      {thread.isPending ? (
        <Text c="dimmed" size="sm" p="md">
          {t('chat.thread.loading')}
        </Text>
      ) : (
        <MessageList
          me={me}
          conversation={conversation.data}
          title={title}
          messages={held.messages}
          outbox={outbox}
          onRetry={send.retry}
          onDiscard={send.discard}
          phone={phone}
        />
      )}
      <Composer onSendText={send.sendText} onSendPhoto={send.sendPhoto} disabled={!keys.isSuccess} />
      <MembersModal
        me={me}
        conversation={conversation.data}
        opened={membersOpen}
        onClose={closeMembers}
        sendHistory={send.sendHistory}
      />
    </Paper>
  );
}
