import type { Me } from '@liaison/core/api/index';
import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { fetchKeyBackup } from '../../api/devices.ts';
import { queryKeys } from '../../api/keys.ts';
import type { Certificate } from '../../api/pki.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { isStoragePersistent } from '../../keystore/keystore.ts';
import { GenerateKeys } from './GenerateKeys.tsx';
import { keyStage } from './keyState.ts';
import { RestoreKeys } from './RestoreKeys.tsx';

interface Props {
  me: Me;
  certificates: Certificate[] | undefined;
  localSerials: string[] | undefined;
}

/** Shown once this browser is an approved device: generate, restore, or all set. */
export function MyKeys({ me, certificates, localSerials }: Props) {
  const stage = keyStage({ deviceApproved: true, certificates, localSerials });
  const backup = useQuery({
    queryKey: queryKeys.keyBackup,
    queryFn: fetchKeyBackup,
    enabled: stage.kind === 'restore',
    // The backup is a secret-bearing blob: keep it in memory no longer than this page needs it.
    gcTime: 0,
    staleTime: Infinity,
  });

  switch (stage.kind) {
    case 'device-first':
    case 'loading':
      return <Loading />;
    case 'ready':
      return <KeysReady />;
    case 'generate':
      return <GenerateKeys me={me} reason={stage.reason} />;
    case 'restore': {
      if (backup.isPending) return <Loading />;
      // Certificates were issued but no backup was ever saved: the first generation stopped half-way.
      if (isApiError(backup.error) && backup.error.code === 'BACKUP_NOT_FOUND') {
        return <GenerateKeys me={me} reason="interrupted" />;
      }
      if (backup.error) return <ErrorAlert error={backup.error} />;
      return <RestoreKeys me={me} backup={backup.data.backup} needed={stage.missing} />;
    }
  }
}

function KeysReady() {
  const { t } = useTranslation();
  const persistent = useQuery({ queryKey: queryKeys.storagePersisted, queryFn: isStoragePersistent });
  return (
    <Alert color="green" variant="light" title={t('keys.mine.readyTitle')} data-testid="keys-ready">
      <Text size="sm">{t('keys.mine.readyText')}</Text>
      {persistent.data !== undefined ? (
        <Text size="sm" mt="xs" c="dimmed">
          {persistent.data ? t('keys.mine.persistent') : t('keys.mine.notPersistent')}
        </Text>
      ) : null}
    </Alert>
  );
}
