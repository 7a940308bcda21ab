import type { TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import {
  decodeNoteContent,
  encodeNoteContent,
  noteContent,
  TE_NOTE_MAX_CHARS,
} from '@liaison/core/teleexpertise/noteContent';
import { Alert, Blockquote, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teErrorMessage } from '../../shared/teErrorMessage.ts';
import { fetchService, provideInformation, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';
import { sealTe, teRecipients, useOpenedEnvelope } from '../../shared/teCrypto.ts';

interface Props {
  request: TeleexpertiseRequestDetail;
  viewerId: string;
  keys: DecryptRecipient[] | undefined;
}

/**
 * On hold: the expert's question, decrypted here, and the requester's reply, sealed like the request
 * (to the service mailbox and to the requester) before it leaves the device.
 */
export function ProvideInformation({ request, viewerId, keys }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const asked = [...request.timeline].reverse().find((e) => e.kind === 'info-requested' && e.envelope);
  const question = useOpenedEnvelope({
    userId: viewerId,
    requestId: request.id,
    part: `note-${asked?.seq ?? 0}`,
    envelope: asked?.envelope,
    keys,
    decode: decodeNoteContent,
  });

  const provide = useMutation({
    mutationFn: async () => {
      const service = await queryClient.fetchQuery({
        queryKey: teleexpertiseKeys.service(request.serviceId),
        queryFn: () => fetchService(request.serviceId),
      });
      const bytes = encodeNoteContent(noteContent(text.trim()));
      const recipients = await teRecipients(queryClient, {
        service,
        requesterUserId: request.requesterUserId,
      });
      return provideInformation(request.id, { envelope: await sealTe(bytes, recipients) });
    },
    onSuccess: async () => {
      setText('');
      notifications.show({ color: 'green', message: t('teleexpertise.view.provide.done') });
      await queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.requestsAll });
    },
  });

  return (
    <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-orange-5)' }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('teleexpertise.view.expertQuestion')}
        </Title>
        {question.data ? (
          <Blockquote p="xs" color="orange" style={{ whiteSpace: 'pre-wrap' }}>
            {question.data.text}
          </Blockquote>
        ) : (
          <Text size="sm" c={question.isError ? 'red' : 'dimmed'}>
            {question.isError
              ? t('teleexpertise.timeline.noteUnreadable')
              : t('teleexpertise.timeline.noteOpening')}
          </Text>
        )}
        <Textarea
          label={t('teleexpertise.view.provide.label')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={TE_NOTE_MAX_CHARS}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {provide.isError && (
          <Alert color="red" role="alert">
            {teErrorMessage(t, provide.error, viewerId)}
          </Alert>
        )}
        <div>
          <Button onClick={() => provide.mutate()} loading={provide.isPending} disabled={text.trim() === ''}>
            {t('teleexpertise.view.provide.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
