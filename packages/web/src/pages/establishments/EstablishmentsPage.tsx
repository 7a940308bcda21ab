import type { Me } from '@liaison/core/api/index';
import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { fetchOrganisations } from '../../api/organisations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { hasRole } from '../../lib/session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { CreateOrganisationModal } from './CreateOrganisationModal.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';

export function EstablishmentsPage() {
  return (
    <RequireSession roles={['platform_admin', 'technician']}>
      {(me) => <EstablishmentList me={me} />}
    </RequireSession>
  );
}

function EstablishmentList({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('establishments.title'));
  const [incompleteOnly, setIncompleteOnly] = useState(false);
  const [creating, { open, close }] = useDisclosure(false);
  const organisations = useQuery({
    queryKey: queryKeys.organisations(incompleteOnly),
    queryFn: () => fetchOrganisations(incompleteOnly),
  });
  const canCreate = hasRole(me, 'platform_admin');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('establishments.title')}</Title>
        {canCreate ? <Button onClick={open}>{t('establishments.create')}</Button> : null}
      </Group>
      <Switch
        label={t('establishments.filterIncomplete')}
        description={t('establishments.filterIncompleteHelp')}
        checked={incompleteOnly}
        onChange={(event) => setIncompleteOnly(event.currentTarget.checked)}
      />
      <ErrorAlert error={organisations.error} />
      {organisations.isPending ? <Loading /> : null}
      {organisations.data?.length === 0 ? <Text c="dimmed">{t('establishments.empty')}</Text> : null}
      {organisations.data && organisations.data.length > 0 ? (
        <OrganisationsTable organisations={organisations.data} />
      ) : null}
      {canCreate ? <CreateOrganisationModal opened={creating} onClose={close} /> : null}
    </Stack>
  );
}
