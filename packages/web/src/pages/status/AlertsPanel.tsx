import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useStatusAlerts } from './useStatusAdmin.ts';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid={testId} data-value={value}>
        {new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR').format(value)}
      </Text>
    </Paper>
  );
}

/** Whether the alert emails got out: counts, and the ones still waiting with why they wait. */
export function AlertsPanel() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const alerts = useStatusAlerts();
  const data = alerts.data;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      p="lg"
      radius="md"
      data-testid="status-alerts"
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {t('status.manage.alerts.title')}
          </Title>
          <Button
            size="xs"
            variant="default"
            loading={alerts.isFetching}
            onClick={() => void alerts.refetch()}
          >
            {t('status.manage.alerts.refresh')}
          </Button>
        </Group>
        <ErrorAlert error={alerts.error} />
        {alerts.isPending ? <Loading /> : null}
        {data ? (
          <>
            <SimpleGrid cols={2} spacing="md" maw={420}>
              <Count label={t('status.manage.alerts.sent')} value={data.sent} testId="status-alerts-sent" />
              <Count
                label={t('status.manage.alerts.pending')}
                value={data.pending}
                testId="status-alerts-pending"
              />
            </SimpleGrid>
            {data.waiting.length === 0 ? (
              <Text c="dimmed">{t('status.manage.alerts.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table striped withTableBorder verticalSpacing="xs">
                  <Table.Caption>{t('status.manage.alerts.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('status.manage.alerts.to')}</Table.Th>
                      <Table.Th scope="col">{t('status.manage.alerts.subject')}</Table.Th>
                      <Table.Th scope="col">{t('status.manage.alerts.attempts')}</Table.Th>
                      <Table.Th scope="col">{t('status.manage.alerts.nextAttempt')}</Table.Th>
                      <Table.Th scope="col">{t('status.manage.alerts.lastError')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.waiting.map((entry, index) => (
                      <Table.Tr key={`${entry.to}-${entry.nextAttemptAt}-${index}`}>
                        <Table.Th scope="row" style={{ overflowWrap: 'anywhere' }}>
                          {entry.to}
                        </Table.Th>
                        <Table.Td>{entry.subject}</Table.Td>
                        <Table.Td>{entry.attempts}</Table.Td>
                        <Table.Td>{formatDateTime(entry.nextAttemptAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                            {entry.lastError ?? '—'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
