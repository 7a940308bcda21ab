import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryKeys, fetchImportStatus } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';

const POLL_MS = 700;

interface Props {
  organisationId: string;
  importId: string;
  progressToken: string | undefined;
  onShowEntries: () => void;
}

/** Follows a running import row by row until it is done, then refreshes the entry list. */
export function ImportProgress({ organisationId, importId, progressToken, onShowEntries }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: directoryKeys.importStatus(importId),
    queryFn: () => fetchImportStatus(importId, progressToken),
    refetchInterval: (query) =>
      query.state.data?.status === 'running' || !query.state.data ? POLL_MS : false,
  });
  const state = status.data?.status;

  useEffect(() => {
    if (state === 'done' || state === 'failed') {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.organisation(organisationId) });
    }
  }, [state, organisationId, queryClient]);

  const data = status.data;
  const total = data?.totalRows ?? 0;
  const processed = data?.processedRows ?? 0;
  const percent = total > 0 ? Math.round((processed / total) * 100) : state === 'done' ? 100 : 0;
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR');

  return (
    <Stack gap="sm" data-testid="import-progress" data-status={state ?? 'starting'}>
      <ErrorAlert error={status.error} />
      <Text fw={600}>{data?.fileName ?? t('directory.upload.progressTitle')}</Text>
      <Progress
        value={percent}
        size="xl"
        radius="md"
        animated={state === 'running'}
        color={state === 'failed' ? 'red' : state === 'done' ? 'green' : undefined}
        aria-label={t('directory.upload.progressLabel')}
      />
      <Text size="sm" aria-live="polite" data-testid="import-progress-text">
        {t('directory.upload.progress', { processed: number.format(processed), total: number.format(total) })}
      </Text>
      {state === 'done' && data ? (
        <Alert color="green" variant="light" data-testid="import-done">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('directory.upload.done', {
                create: data.counts?.create ?? 0,
                update: data.counts?.update ?? 0,
                unchanged: data.counts?.unchanged ?? 0,
              })}
            </Text>
            <Button size="xs" onClick={onShowEntries}>
              {t('directory.upload.showEntries')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {state === 'failed' && data ? (
        <Alert color="red" variant="light" data-testid="import-failed">
          {t('directory.upload.failed', { message: data.error?.message ?? '' })}
        </Alert>
      ) : null}
    </Stack>
  );
}
