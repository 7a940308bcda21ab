import type { TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import { Anchor, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../lib/format.ts';
import { teleexpertisePaths } from '../../paths.ts';
import { TaskStatusBadge } from '../../shared/TaskStatusBadge.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Where the request stands: service, status, dates, expert (routing data the server holds). */
export function RequestSummary({ request }: { request: TeleexpertiseRequestDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {request.serviceName} · {request.organisationName}
        </Text>
        <TaskStatusBadge status={request.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Field label={t('teleexpertise.common.sentAt')}>
          {formatDateTime(request.createdAt, i18n.language)}
        </Field>
        <Field label={t('teleexpertise.common.dueAt')}>
          {formatDateTime(request.dueAt, i18n.language)}
          {request.pausedSince && (
            <Text size="xs" c="orange">
              {t('teleexpertise.common.paused', { date: formatDateTime(request.pausedSince, i18n.language) })}
            </Text>
          )}
        </Field>
        <Field label={t('teleexpertise.common.assignee')}>
          {request.assigneeName ?? t('teleexpertise.common.noAssignee')}
        </Field>
      </SimpleGrid>
      {request.followsRequestId && (
        <Anchor component={Link} to={teleexpertisePaths.request(request.followsRequestId)} size="sm" mt="xs">
          {t('teleexpertise.view.followUp')}
        </Anchor>
      )}
    </Paper>
  );
}
