import type { CreateConversationRequest } from '@liaison/core/api/chat';
import type { Me } from '@liaison/core/api/index';
import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chatKeys, createConversation } from '../../api/chat.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ColleaguePicker } from './ColleaguePicker.tsx';
import type { Colleague } from './colleagues.ts';
import { conversationPath } from './paths.ts';

type Kind = CreateConversationRequest['kind'];

/** A direct conversation with one colleague (the existing one if any), or a care team with a name. */
export function NewConversationModal({
  me,
  opened,
  onClose,
}: {
  me: Me;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('direct');
  const [name, setName] = useState('');
  const [people, setPeople] = useState<Colleague[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const reset = () => {
    setName('');
    setPeople([]);
    setProblem(null);
    create.reset();
  };

  const create = useMutation({
    mutationFn: (request: CreateConversationRequest) => createConversation(request),
    onSuccess: (conversation) => {
      queryClient.setQueryData(chatKeys.conversation(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
      reset();
      onClose();
      void navigate(conversationPath(conversation.id));
    },
  });

  const submit = () => {
    if (kind === 'direct') {
      const colleague = people[0];
      if (!colleague) return setProblem(t('chat.create.pickOne'));
      create.mutate({ kind: 'direct', userId: colleague.userId });
      return;
    }
    if (name.trim() === '') return setProblem(t('chat.create.nameRequired'));
    if (people.length === 0) return setProblem(t('chat.create.pickSome'));
    create.mutate({ kind: 'group', name: name.trim(), memberIds: people.map((c) => c.userId) });
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('chat.create.title')}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('chat.create.kindLabel')}
            value={kind}
            onChange={(value) => {
              setKind(value === 'group' ? 'group' : 'direct');
              setPeople((current) => (value === 'direct' ? current.slice(0, 1) : current));
              setProblem(null);
            }}
            data={[
              { value: 'direct', label: t('chat.create.direct') },
              { value: 'group', label: t('chat.create.group') },
            ]}
            fullWidth
          />
          {kind === 'group' ? (
            <TextInput
              label={t('chat.create.groupName')}
              placeholder={t('chat.create.groupNamePlaceholder')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={120}
              required
              data-autofocus
            />
          ) : null}
          <ColleaguePicker
            label={kind === 'group' ? t('chat.create.members') : t('chat.create.colleague')}
            {...(kind === 'group' ? { description: t('chat.create.membersHelp') } : {})}
            value={people}
            onChange={(next) => {
              setPeople(next);
              setProblem(null);
            }}
            single={kind === 'direct'}
            excludeUserIds={[me.id]}
            error={problem}
            testId="chat-new-people"
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="chat-create">
              {kind === 'group' ? t('chat.create.submitGroup') : t('chat.create.submitDirect')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
