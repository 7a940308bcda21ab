import { Alert, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { teErrorMessage } from '../../shared/teErrorMessage.ts';
import type { SendStage } from '../sendRequest.ts';

interface Props {
  meId: string;
  stage: SendStage | null;
  error: unknown;
  onSend: () => void;
}

const PROGRESS: Record<SendStage, number> = { encrypting: 35, uploading: 75, done: 100 };

/** Step 5: send, with where it stands ("Chiffrement…", "Envoi…") and a retry after a failure. */
export function SendStep({ meId, stage, error, onSend }: Props) {
  const { t } = useTranslation();
  const busy = stage === 'encrypting' || stage === 'uploading';
  return (
    <Stack gap="md">
      <Text>{t('teleexpertise.wizard.send.explain')}</Text>
      {stage && (
        <Stack gap={4}>
          <Progress
            value={PROGRESS[stage]}
            animated={busy}
            aria-label={t('teleexpertise.wizard.send.progressLabel')}
          />
          <Group gap="xs" role="status" aria-live="polite">
            {busy && <Loader size="xs" />}
            <Text size="sm">{t(`teleexpertise.wizard.send.stages.${stage}`)}</Text>
          </Group>
        </Stack>
      )}
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert">
          {teErrorMessage(t, error, meId)}
        </Alert>
      )}
      <Group>
        <Button size="md" onClick={onSend} loading={busy} disabled={stage === 'done'}>
          {error ? t('teleexpertise.wizard.send.retry') : t('teleexpertise.wizard.send.button')}
        </Button>
      </Group>
    </Stack>
  );
}
