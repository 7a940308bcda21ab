import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/errorMessage.ts';
import { fetchRequests, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { teleexpertisePaths } from '../paths.ts';
import { patientLabel, usePatient } from '../shared/patientName.ts';
import { TaskStatusBadge } from '../shared/TaskStatusBadge.tsx';
import { useSeenOnce } from '../shared/useSeenOnce.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';

const PHONE_QUERY = '(max-width: 48em)';

/** The requester's own requests, newest first: a table on a computer, cards on a phone. */
export function MyRequests() {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const requests = useQuery({
    queryKey: teleexpertiseKeys.requests({ role: 'requester' }),
    queryFn: () => fetchRequests({ role: 'requester' }),
    select: (list) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('teleexpertise.myRequests.title')}</Title>
        <Button component={Link} to={teleexpertisePaths.newRequest}>
          {t('teleexpertise.myRequests.newRequest')}
        </Button>
      </Group>
      {requests.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>{t('teleexpertise.myRequests.loading')}</Text>
        </Group>
      ) : requests.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, requests.error)}
        </Alert>
      ) : requests.data.length === 0 ? (
        <Card withBorder p="lg">
          <Stack align="flex-start">
            <Text>{t('teleexpertise.myRequests.empty')}</Text>
            <Button component={Link} to={teleexpertisePaths.newRequest}>
              {t('teleexpertise.myRequests.emptyAction')}
            </Button>
          </Stack>
        </Card>
      ) : phone ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {requests.data.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </Stack>
      ) : (
        <RequestTable requests={requests.data} />
      )}
    </Stack>
  );
}

function PatientCell({ request }: { request: TeleexpertiseRequestSummary }) {
  const { t, i18n } = useTranslation();
  const me = useTeleexpertiseMe();
  const [ref, seen] = useSeenOnce<HTMLAnchorElement>();
  const patient = usePatient(me.id, request.id, null, seen);
  const name = patient.data
    ? patientLabel(patient.data)
    : patient.isError
      ? t('teleexpertise.common.unreadable')
      : t('teleexpertise.common.decrypting');
  return (
    <Anchor
      ref={ref}
      component={Link}
      to={teleexpertisePaths.request(request.id)}
      fw={600}
      fs={patient.data ? undefined : 'italic'}
      aria-label={
        patient.data
          ? t('teleexpertise.myRequests.open', { patient: name })
          : t('teleexpertise.myRequests.openUnknown', {
              date: formatDateTime(request.createdAt, i18n.language),
            })
      }
    >
      {name}
    </Anchor>
  );
}

function RequestTable({ requests }: { requests: readonly TeleexpertiseRequestSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.patient')}</Table.Th>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.service')}</Table.Th>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.sentAt')}</Table.Th>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.dueAt')}</Table.Th>
            <Table.Th scope="col">{t('teleexpertise.myRequests.columns.assignee')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td>
                <PatientCell request={request} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{request.serviceName}</Text>
                <Text size="xs" c="dimmed">
                  {request.organisationName}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaskStatusBadge status={request.status} size="sm" />
              </Table.Td>
              <Table.Td>{formatDate(request.createdAt, i18n.language, 'medium')}</Table.Td>
              <Table.Td>{formatDateTime(request.dueAt, i18n.language)}</Table.Td>
              <Table.Td>
                {request.assigneeName ?? (
                  <Text c="dimmed" size="sm">
                    {t('teleexpertise.common.noAssignee')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestCard({ request }: { request: TeleexpertiseRequestSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder component="li" p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PatientCell request={request} />
        <TaskStatusBadge status={request.status} size="sm" />
      </Group>
      <Text size="sm">
        {request.serviceName} · {request.organisationName}
      </Text>
      <Text size="xs" c="dimmed">
        {t('teleexpertise.common.sentAt')} {formatDate(request.createdAt, i18n.language, 'medium')} ·{' '}
        {t('teleexpertise.common.dueAt')} {formatDateTime(request.dueAt, i18n.language)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('teleexpertise.common.assigneeIs', {
          name: request.assigneeName ?? t('teleexpertise.common.noAssignee'),
        })}
      </Text>
    </Card>
  );
}
