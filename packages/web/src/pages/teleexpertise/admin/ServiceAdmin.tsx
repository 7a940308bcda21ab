import type { Me } from '@liaison/core/api/index';
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import { fetchOrganisations } from '../../../api/organisations.ts';
import { fetchForms, fetchServices, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { administeredOrganisations, hasRole } from '../../../lib/session.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { CreateServiceForm } from './CreateServiceForm.tsx';
import { ImportFormPanel } from './ImportFormPanel.tsx';
import { ServiceCard } from './ServiceCard.tsx';

/** Service administration, for establishment admins (their establishments) and platform admins. */
export function ServiceAdmin() {
  const { t } = useTranslation();
  const me = useTeleexpertiseMe();
  if (!hasRole(me, 'establishment_admin', 'platform_admin')) {
    return (
      <Stack>
        <Title order={2} size="h3">
          {t('forbidden.title')}
        </Title>
        <Text>{t('forbidden.text')}</Text>
      </Stack>
    );
  }
  return <Admin me={me} />;
}

function Admin({ me }: { me: Me }) {
  const { t } = useTranslation();
  const platform = hasRole(me, 'platform_admin');
  const services = useQuery({ queryKey: teleexpertiseKeys.services, queryFn: fetchServices });
  const forms = useQuery({ queryKey: teleexpertiseKeys.forms, queryFn: fetchForms });
  const allOrganisations = useQuery({
    queryKey: queryKeys.organisations(false),
    queryFn: () => fetchOrganisations(false),
    enabled: platform,
  });
  const organisations = platform
    ? (allOrganisations.data ?? []).map((o) => ({ id: o.id, name: o.name }))
    : administeredOrganisations(me);
  const orgIds = new Set(organisations.map((o) => o.id));
  // A platform admin sees every service; an establishment admin those of the establishments they run.
  const shown = (services.data ?? []).filter((s) => platform || orgIds.has(s.organisationId));

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('teleexpertiseExpert.admin.title')}
      </Title>
      <ErrorAlert error={services.error ?? forms.error ?? allOrganisations.error} />
      <Section title={t('teleexpertiseExpert.admin.servicesTitle')}>
        {services.isPending ? <Loading /> : null}
        {services.data && shown.length === 0 ? (
          <Text c="dimmed">{t('teleexpertiseExpert.admin.noService')}</Text>
        ) : null}
        <Stack gap="md">
          {shown.map((service) => (
            <ServiceCard key={service.id} service={service} forms={forms.data ?? []} />
          ))}
        </Stack>
      </Section>
      <Section title={t('teleexpertiseExpert.admin.create.title')}>
        {services.data && forms.data ? (
          <CreateServiceForm
            me={me}
            organisations={organisations}
            services={services.data}
            forms={forms.data}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('teleexpertiseExpert.admin.import.title')}>
        <ImportFormPanel />
      </Section>
    </Stack>
  );
}
