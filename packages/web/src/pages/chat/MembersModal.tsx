import type { ChatMember, Conversation } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addMembers, changeMemberRole, chatKeys, removeMember, renameConversation } from '../../api/chat.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ColleaguePicker } from './ColleaguePicker.tsx';
import type { Colleague } from './colleagues.ts';
import { MemberRow } from './MemberRow.tsx';
import { CHAT_PATH } from './paths.ts';
import { ShareHistory } from './ShareHistory.tsx';
import { conversationTitle, isAdmin } from './thread.ts';
import { useShareHistory } from './useShareHistory.ts';

interface Props {
  me: Me;
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
  /** The thread's send path for a history bundle (same sealing and retries as a text). */
  sendHistory: (bundle: Uint8Array<ArrayBuffer>, count: number) => void;
}

/**
 * Who is in the conversation and with which role. Group admins rename, add, remove and name other
 * admins; any member may re-share recent history or leave. The server decides (CHAT_ADMIN_REQUIRED otherwise): the buttons only spare a refusal.
 */
export function MembersModal({ me, conversation, opened, onClose, sendHistory }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const admin = isAdmin(conversation, me.id);
  const group = conversation.kind === 'group';
  const [name, setName] = useState(conversation.name ?? '');
  const [adding, setAdding] = useState<Colleague[]>([]);
  const [justAdded, setJustAdded] = useState(false);
  const shareHistory = useShareHistory(me, conversation, sendHistory);
  const admins = conversation.members.filter((m) => m.role === 'admin').length;

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
      setJustAdded(true);
      updated(next);
    },
  });
  const role = useMutation({
    mutationFn: (change: { userId: string; role: ChatMember['role'] }) =>
      changeMemberRole(conversation.id, change.userId, change.role),
    onSuccess: updated,
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
  const error = rename.error ?? add.error ?? role.error ?? remove.error;
  const title = conversationTitle(conversation, me.id, t('chat.alone'));

  return (
    <Modal opened={opened} onClose={onClose} title={t('chat.members.title')} size="lg">
      <Stack gap="md">
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="chat-members">
          {conversation.members.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isMe={member.userId === me.id}
              manage={group && admin}
              lastAdmin={admins <= 1}
              roleChanging={role.isPending && role.variables.userId === member.userId}
              removing={remove.isPending && remove.variables === member.userId}
              onRole={(next) => role.mutate({ userId: member.userId, role: next })}
              onRemove={() => remove.mutate(member.userId)}
            />
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
            <ShareHistory onShare={shareHistory} afterAdd={justAdded} onDismiss={() => setJustAdded(false)} />
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
