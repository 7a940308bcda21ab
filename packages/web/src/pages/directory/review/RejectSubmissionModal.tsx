import type { DirectorySubmission } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

interface Props {
  submission: DirectorySubmission | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (submission: DirectorySubmission, reason: string) => void;
}

/** A refusal goes back to the establishment with its reason, so it can correct and propose again. */
export function RejectSubmissionModal({ submission, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const name = submission ? entryDisplayName(submission.fields) : '';
  return (
    <Modal
      opened={submission !== null}
      onClose={onClose}
      title={t('directory.review.rejectTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {submission ? (
        <ReasonForm
          key={submission.id}
          pending={pending}
          error={error}
          onCancel={onClose}
          onConfirm={(reason) => onConfirm(submission, reason)}
        />
      ) : null}
    </Modal>
  );
}

function ReasonForm({
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const tooShort = reason.trim().length < 3;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!tooShort) onConfirm(reason.trim());
      }}
    >
      <Stack gap="md">
        <Textarea
          label={t('directory.review.reason')}
          description={t('directory.review.reasonHelp')}
          required
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={tried && tooShort ? t('validation.reason') : undefined}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={pending}>
            {t('directory.review.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
