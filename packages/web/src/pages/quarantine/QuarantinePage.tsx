import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../components/RequireSession.tsx';

/** Technicians: messages held by a usage rule, to release or reject. (Being built.) */
export function QuarantinePage() {
  const { t } = useTranslation();
  return (
    <RequireSession roles={['technician', 'platform_admin']}>
      {() => <Title order={1}>{t('quarantine.pending')}</Title>}
    </RequireSession>
  );
}
