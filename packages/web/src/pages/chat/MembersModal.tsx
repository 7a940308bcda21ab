import type { Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Badge, Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addMembers, chatKeys, removeMember, renameConversation } from '../../api/chat.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ColleaguePicker } from './ColleaguePicker.tsx';
import type { Colleague } from './colleagues.ts';
import { CHAT_PATH } from './paths.ts';
import { conversationTitle, isAdmin } from './thread.ts';

interface Props {
  me: Me;
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}

/**
 * Who is in the conversation and with which role. Group admins rename, add and remove; anyone may
 * leave. The server decides (CHAT_ADMIN_REQUIRED otherwise): the buttons only spare a refusal.
 */
export function MembersModal({ me, conversation, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const admin = isAdmin(conversation, me.id);
  const group = conversation.kind === 'group';
  const [name, setName] = useState(conversation.name ?? '');
  const [adding, setAdding] = useState<Colleague[]>([]);

  const updated = (next: Conversation) => {
    queryClient.setQueryData(chatKeys.conversation(next.id), next);
    void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
  };
  const rename = useMutation({
    mutationFn: () => renameConversation(conversation.id, name.trim()),
    onSuccess: updated,
  });
  const add = useMutation({
    mutationFn: () =>
      addMembers(
        conversation.id,
        adding.map((c) => c.userId),
      ),
    onSuccess: (next) => {
      setAdding([]);
      updated(next);
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(conversation.id, userId),
    onSuccess: async (_answer, userId) => {
      if (userId === me.id) {
        queryClient.removeQueries({ queryKey: chatKeys.thread(conversation.id) });
        await queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
        onClose();
        void navigate(CHAT_PATH);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: chatKeys.conversation(conversation.id) });
      await queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
    },
  });
  const error = rename.error ?? add.error ?? remove.error;
  const title = conversationTitle(conversation, me.id, t('chat.alone'));

  return (
    <Modal opened={opened} onClose={onClose} title={t('chat.members.title')} size="lg">
      <Stack gap="md">
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="chat-members">
          {conversation.members.map((member) => (
            <Group key={member.userId} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Text size="sm" fw={600} truncate="end">
                  {member.displayName} {member.userId === me.id ? t('chat.members.youSuffix') : null}
                </Text>
                <Badge size="xs" variant={member.role === 'admin' ? 'filled' : 'outline'} tt="none">
                  {t(`chat.members.roles.${member.role}`)}
                </Badge>
              </Group>
              {group && admin && member.userId !== me.id ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('chat.members.remove', { name: member.displayName })}
                  loading={remove.isPending && remove.variables === member.userId}
                  onClick={() => remove.mutate(member.userId)}
                >
                  {t('chat.members.removeShort')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>

        {!group ? (
          <Text size="sm" c="dimmed">
            {t('chat.members.direct')}
          </Text>
        ) : admin ? (
          <>
            <Divider />
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (name.trim()) rename.mutate();
              }}
            >
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('chat.members.rename')}
                  value={name}
                  maxLength={120}
                  onChange={(event) => setName(event.currentTarget.value)}
                />
                <Button type="submit" variant="light" loading={rename.isPending} disabled={!name.trim()}>
                  {t('chat.members.saveName')}
                </Button>
              </Group>
            </form>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <ColleaguePicker
                  label={t('chat.members.add')}
                  value={adding}
                  onChange={setAdding}
                  excludeUserIds={conversation.members.map((m) => m.userId)}
                  testId="chat-add-people"
                />
              </div>
              <Button
                variant="light"
                disabled={adding.length === 0}
                loading={add.isPending}
                onClick={() => add.mutate()}
              >
                {t('chat.members.addSubmit')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('chat.members.adminOnly')}
          </Text>
        )}

        <ErrorAlert error={error} />
        {group ? (
          <>
            <Divider />
            <Group justify="flex-end">
              <Button
                color="red"
                variant="outline"
                loading={remove.isPending && remove.variables === me.id}
                onClick={() => {
                  if (window.confirm(t('chat.members.leaveConfirm', { name: title }))) remove.mutate(me.id);
                }}
              >
                {t('chat.members.leave')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
