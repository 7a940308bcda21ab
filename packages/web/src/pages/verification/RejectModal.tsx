import type { Registration } from '@liaison/core/api/index';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fullName } from '../../lib/session.ts';

interface Props {
  registration: Registration | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (registration: Registration, reason: string) => void;
}

/** A refusal is audited and may be told to the applicant, so it always carries a written reason. */
export function RejectModal({ registration, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim().length >= 3 ? null : t('validation.reason')) },
  });
  const { reset } = form;
  useEffect(() => {
    if (registration) reset();
  }, [registration, reset]);

  return (
    <Modal
      opened={registration !== null}
      onClose={onClose}
      title={registration ? t('verification.rejectTitle', { name: fullName(registration) }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) => {
          if (registration) onConfirm(registration, reason.trim());
        })}
      >
        <Stack gap="md">
          <Textarea
            label={t('verification.reason')}
            description={t('verification.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={500}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {t('verification.confirmReject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
