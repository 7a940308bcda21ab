import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { isFinal } from '@liaison/core/teleexpertise/task';
import { Badge, Group, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRequests, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { Loading } from '../../../../components/Loading.tsx';
import { Section } from '../../../../components/Section.tsx';
import { RequestList } from './RequestList.tsx';
import type { useExpertContext } from './useExpertContext.ts';

interface Props {
  me: Me;
  service: TeleexpertiseService;
  context: ReturnType<typeof useExpertContext>;
  now: number;
}

/** Every request of one service I am expert of; finished ones only on demand (they pile up). */
export function ServiceRequests({ me, service, context, now }: Props) {
  const { t } = useTranslation();
  const [showFinished, setShowFinished] = useState(false);
  const query = { role: 'service' as const, serviceId: service.id };
  const requests = useQuery({
    queryKey: teleexpertiseKeys.requests(query),
    queryFn: () => fetchRequests(query),
  });
  const shown = (requests.data ?? []).filter((request) => showFinished || !isFinal(request.status));

  return (
    <Section
      title={t('teleexpertiseExpert.queue.serviceTitle', {
        service: service.name,
        organisation: service.organisationName,
      })}
    >
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Badge variant="light" color={service.queued > 0 ? 'orange' : 'gray'}>
          {t('teleexpertiseExpert.queue.queued', { count: service.queued })}
        </Badge>
        <Switch
          label={t('teleexpertiseExpert.queue.showFinished')}
          checked={showFinished}
          onChange={(event) => setShowFinished(event.currentTarget.checked)}
        />
      </Group>
      {requests.isPending ? <Loading /> : null}
      <ErrorAlert error={requests.error} />
      {requests.data ? (
        <RequestList
          me={me}
          requests={shown}
          context={context}
          showAssignee
          empty={t('teleexpertiseExpert.queue.serviceEmpty')}
          now={now}
        />
      ) : null}
    </Section>
  );
}
