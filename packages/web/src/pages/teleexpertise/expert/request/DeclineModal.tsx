import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
}

/** "Refuser": the request goes to the next expert, never back to me; the reason is optional and short. */
export function DeclineModal({ opened, onClose, onConfirm, pending, error }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('teleexpertiseExpert.actions.declineTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('teleexpertiseExpert.actions.declineText')}</Text>
          <Textarea
            label={t('teleexpertiseExpert.actions.declineReason')}
            description={t('teleexpertiseExpert.actions.declineReasonHelp')}
            maxLength={200}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {t('teleexpertiseExpert.actions.declineConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
