import type { SenderLimit } from '@liaison/core/api/usage';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { RemoveLimitModal } from './RemoveLimitModal.tsx';
import { SenderLimitsTable } from './SenderLimitsTable.tsx';
import { useSenderLimits } from './useSenderLimits.ts';

interface Props {
  onAdd: () => void;
  onEdit: (limit: SenderLimit) => void;
}

/** « Limites par expéditeur »: the mailboxes whose limits differ from the defaults, to set, edit or remove. */
export function SenderLimitsSection({ onAdd, onEdit }: Props) {
  const { t } = useTranslation();
  const limits = useSenderLimits();
  const [removing, setRemoving] = useState<SenderLimit | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('quarantine.limits.intro')}
      </Text>
      <Group>
        <Button onClick={onAdd}>{t('quarantine.limits.add')}</Button>
      </Group>
      <ErrorAlert error={limits.error} />
      {limits.isPending ? <Loading /> : null}
      {limits.data?.length === 0 ? (
        <Text data-testid="sender-limits-empty">{t('quarantine.limits.empty')}</Text>
      ) : null}
      {limits.data && limits.data.length > 0 ? (
        <SenderLimitsTable limits={limits.data} onEdit={onEdit} onRemove={setRemoving} />
      ) : null}
      <RemoveLimitModal limit={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
