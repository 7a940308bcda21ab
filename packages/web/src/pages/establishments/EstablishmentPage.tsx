import type { Me } from '@liaison/core/api/index';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { fetchOrganisation } from '../../api/organisations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Section } from '../../components/Section.tsx';
import { administeredOrganisations, hasRole } from '../../lib/session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { canSeeEstablishmentStats } from '../stats/access.ts';
import { establishmentStatsPath } from '../stats/paths.ts';
import { AccountsSection } from './accounts/AccountsSection.tsx';
import { OrganisationProfileForm } from './profile/OrganisationProfileForm.tsx';

export function EstablishmentPage() {
  const { id = '' } = useParams();
  return <RequireSession>{(me) => <Establishment me={me} id={id} />}</RequireSession>;
}

function Establishment({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const organisation = useQuery({
    queryKey: queryKeys.organisation(id),
    queryFn: () => fetchOrganisation(id),
  });
  usePageTitle(organisation.data?.name ?? t('establishment.profileTitle'));

  // Mirrors the server's rule (docs/api.md): its admins and platform admins edit and see accounts;
  // technicians only read the profile.
  const isItsAdmin = administeredOrganisations(me).some((organisation) => organisation.id === id);
  const canEdit = isItsAdmin || hasRole(me, 'platform_admin');
  const canSeeList = hasRole(me, 'platform_admin', 'technician');

  if (organisation.isPending) return <Loading />;
  if (organisation.isError) return <ErrorAlert error={organisation.error} />;
  const data = organisation.data;

  return (
    <Stack gap="lg" maw={1100}>
      {canSeeList ? (
        <Anchor component={Link} to="/establishments" size="sm">
          ← {t('establishment.back')}
        </Anchor>
      ) : null}
      <Stack gap={4}>
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <Title order={1}>{data.name}</Title>
            <Badge variant="light">{t(`organisationKinds.${data.kind}`)}</Badge>
          </Group>
          {canSeeEstablishmentStats(me, id) ? (
            <Button
              component={Link}
              to={establishmentStatsPath(id)}
              variant="light"
              data-testid="establishment-stats"
            >
              {t('stats.link')}
            </Button>
          ) : null}
        </Group>
        {data.finess ? (
          <Text c="dimmed" ff="monospace">
            FINESS {data.finess}
          </Text>
        ) : null}
      </Stack>
      <Section title={t('establishment.profileTitle')}>
        {/* keyed by update time so a save from elsewhere resets the form to the stored profile */}
        <OrganisationProfileForm key={data.updatedAt} organisation={data} canEdit={canEdit} />
      </Section>
      {canEdit ? <AccountsSection organisationId={id} /> : null}
    </Stack>
  );
}
