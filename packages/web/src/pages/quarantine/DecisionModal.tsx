import type { QuarantineItem } from '@liaison/core/api/usage';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { defaultRejectReason, recipientsText, totalRecipients } from './heldTexts.ts';
import type { Decision, DecisionKind } from './useQuarantine.ts';

/** Shortest reason the form accepts for a rejection: the sender must learn why, and what to do instead. */
const MIN_REASON = 10;
const MAX_REASON = 1000;

interface Props {
  target: { item: QuarantineItem; kind: DecisionKind } | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (decision: Decision) => void;
}

/**
 * Releasing (with an optional note) or rejecting (with a reason, prefilled with a suggestion citing
 * the charter article) one held message. The sender reads either text as written.
 */
export function DecisionModal({ target, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const name = target?.item.senderName ?? '';
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target?.kind === 'release'
          ? t('quarantine.release.title', { name })
          : t('quarantine.reject.title', { name })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {target ? (
        <DecisionForm
          key={`${target.kind}-${target.item.messageId}`}
          item={target.item}
          kind={target.kind}
          pending={pending}
          error={error}
          onCancel={onClose}
          onConfirm={(reason) => onConfirm({ item: target.item, kind: target.kind, reason })}
        />
      ) : null}
    </Modal>
  );
}

function DecisionForm({
  item,
  kind,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  item: QuarantineItem;
  kind: DecisionKind;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // The suggestion is in French whatever the technician's language: senders read it as written.
  const [reason, setReason] = useState(() =>
    kind === 'reject' ? defaultRejectReason(i18n.getFixedT('fr'), item) : '',
  );
  const [tried, setTried] = useState(false);
  const rejecting = kind === 'reject';
  const tooShort = rejecting && reason.trim().length < MIN_REASON;
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
        <Text size="sm">
          {rejecting
            ? t('quarantine.reject.text')
            : t('quarantine.release.text', { total: totalRecipients(item) })}
        </Text>
        <Text size="sm" c="dimmed">
          {item.from} · {recipientsText(t, item, i18n.language)}
        </Text>
        <Textarea
          label={rejecting ? t('quarantine.reject.reason') : t('quarantine.release.note')}
          description={rejecting ? t('quarantine.reject.reasonHelp') : t('quarantine.release.noteHelp')}
          required={rejecting}
          autosize
          minRows={rejecting ? 6 : 3}
          maxLength={MAX_REASON}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={tried && tooShort ? t('quarantine.reject.reasonRequired') : undefined}
          data-testid="decision-reason"
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={rejecting ? 'red' : 'teal'}
            loading={pending}
            data-testid="decision-confirm"
          >
            {rejecting ? t('quarantine.reject.confirm') : t('quarantine.release.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
