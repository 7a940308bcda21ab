import type { Me } from '@liaison/core/api/index';
import { OPEN_ASSIGNED_STATUSES } from '@liaison/core/teleexpertise/task';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchRequests, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { teleexpertisePaths } from '../paths.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { AvailabilitySummary } from './queue/AvailabilitySummary.tsx';
import { RequestList } from './queue/RequestList.tsx';
import { ServiceRequests } from './queue/ServiceRequests.tsx';
import { expertServices, useExpertContext } from './queue/useExpertContext.ts';

/** Waiting times and deadline colours move on their own: the screen ticks once a minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The expert's queue: requests assigned to me, then each of my services' requests. */
export function ExpertQueue() {
  return <Queue me={useTeleexpertiseMe()} />;
}

function Queue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const now = useNow();
  const context = useExpertContext();
  const query = { role: 'expert' as const };
  const mine = useQuery({ queryKey: teleexpertiseKeys.requests(query), queryFn: () => fetchRequests(query) });
  const myOpen = (mine.data ?? []).filter((request) => OPEN_ASSIGNED_STATUSES.includes(request.status));
  const services = expertServices(me, context.services.data ?? []);

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('teleexpertiseExpert.queue.title')}
        </Title>
        <Group gap="md">
          <Anchor component={Link} to={teleexpertisePaths.billing}>
            {t('teleexpertiseExpert.queue.billingLink')}
          </Anchor>
        </Group>
      </Group>
      <AvailabilitySummary openRequests={myOpen.length} />
      <Section title={t('teleexpertiseExpert.queue.mineTitle')}>
        {mine.isPending ? <Loading /> : null}
        <ErrorAlert error={mine.error ?? context.services.error} />
        {mine.data ? (
          <RequestList
            me={me}
            requests={myOpen}
            context={context}
            showAssignee={false}
            empty={t('teleexpertiseExpert.queue.mineEmpty')}
            now={now}
          />
        ) : null}
      </Section>
      {context.services.data && services.length === 0 ? (
        <Text c="dimmed">{t('teleexpertiseExpert.queue.notExpert')}</Text>
      ) : null}
      {services.map((service) => (
        <ServiceRequests key={service.id} me={me} service={service} context={context} now={now} />
      ))}
    </Stack>
  );
}
