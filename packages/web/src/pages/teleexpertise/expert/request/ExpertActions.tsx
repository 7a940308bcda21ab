import type { TeleexpertiseRequestDetail, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { encodeNoteContent, noteContent } from '@liaison/core/teleexpertise/noteContent';
import { allowedActions } from '@liaison/core/teleexpertise/task';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  acceptRequest,
  askInformation,
  declineRequest,
  teleexpertiseKeys,
} from '../../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { teleexpertisePaths } from '../../paths.ts';
import { sealTe, teRecipients } from '../../shared/teCrypto.ts';
import { AskModal } from './AskModal.tsx';
import { DeclineModal } from './DeclineModal.tsx';

interface Props {
  detail: TeleexpertiseRequestDetail;
  service: Pick<TeleexpertiseService, 'mailboxAddress' | 'encryptionCertificate'>;
  /** Opens the answer form (shown below the request). */
  onAnswer: () => void;
}

/** The assignee's buttons, exactly those core's state machine allows for the request's status. */
export function ExpertActions({ detail, service, onAnswer }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [modal, setModal] = useState<'decline' | 'ask' | null>(null);
  const actions = allowedActions(detail.status, 'assignee');
  const refresh = () => queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.all });

  const accept = useMutation({
    mutationFn: () => acceptRequest(detail.id),
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.actions.accepted') });
    },
  });
  const decline = useMutation({
    mutationFn: () => declineRequest(detail.id),
    onSuccess: async () => {
      setModal(null);
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.actions.declined') });
      await refresh();
      // No longer mine: back to the queue.
      void navigate(teleexpertisePaths.queue);
    },
  });
  const ask = useMutation({
    mutationFn: async (text: string) => {
      const recipients = await teRecipients(queryClient, {
        service,
        requesterUserId: detail.requesterUserId,
      });
      const envelope = await sealTe(encodeNoteContent(noteContent(text)), recipients);
      return askInformation(detail.id, { envelope });
    },
    onSuccess: async () => {
      setModal(null);
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.actions.asked') });
      await refresh();
    },
  });

  if (actions.length === 0) return null;
  return (
    <>
      <Group gap="sm" wrap="wrap" data-testid="te-expert-actions">
        {actions.includes('accept') ? (
          <Button size="md" color="green" loading={accept.isPending} onClick={() => accept.mutate()}>
            {t('teleexpertiseExpert.actions.accept')}
          </Button>
        ) : null}
        {actions.includes('answer') ? (
          <Button size="md" onClick={onAnswer}>
            {t('teleexpertiseExpert.actions.answer')}
          </Button>
        ) : null}
        {actions.includes('ask') ? (
          <Button size="md" variant="light" onClick={() => setModal('ask')}>
            {t('teleexpertiseExpert.actions.ask')}
          </Button>
        ) : null}
        {actions.includes('decline') ? (
          <Button size="md" variant="light" color="red" onClick={() => setModal('decline')}>
            {t('teleexpertiseExpert.actions.decline')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={accept.error} />
      <DeclineModal
        opened={modal === 'decline'}
        onClose={() => setModal(null)}
        onConfirm={() => decline.mutate()}
        pending={decline.isPending}
        error={decline.error}
      />
      <AskModal
        opened={modal === 'ask'}
        onClose={() => setModal(null)}
        onSend={(text) => ask.mutate(text)}
        pending={ask.isPending}
        error={ask.error}
      />
    </>
  );
}
