import type { Me } from '@liaison/core/api/index';
import { buildBillingCsv, TE_YEARLY_LIMIT } from '@liaison/core/teleexpertise/billing';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchBilling, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { formatDate } from '../../../lib/format.ts';
import { teleexpertisePaths } from '../paths.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { monthLabel, previousMonth, recentMonths } from './billing/months.ts';
import { saveBlob } from './billing/saveBlob.ts';
import { useBillingLines } from './billing/useBillingLines.ts';
import { useExpertContext } from './queue/useExpertContext.ts';
import { patientName } from './request/patientName.ts';

/** The month's completed tele-expertises as a CSV for billing (TE2 / RQD), assembled on this device. */
export function BillingExport() {
  return <Billing me={useTeleexpertiseMe()} />;
}

function Billing({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const months = useMemo(() => recentMonths(new Date()), []);
  const context = useExpertContext();
  const billing = useQuery({
    queryKey: teleexpertiseKeys.billing(month),
    queryFn: () => fetchBilling(month),
  });
  const { query: lines, progress } = useBillingLines(
    me,
    month,
    billing.data,
    billing.dataUpdatedAt,
    context.services.data,
  );
  const result = useMemo(
    () =>
      lines.data
        ? buildBillingCsv({ month, entries: lines.data.entries, yearEntries: lines.data.yearEntries })
        : null,
    [lines.data, month],
  );
  const rows = lines.data
    ? [...lines.data.entries].sort((a, b) => Date.parse(a.answeredAt) - Date.parse(b.answeredAt))
    : [];
  const decrypting = billing.data !== undefined && lines.isPending && progress.total > 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('teleexpertiseExpert.billing.title')}
        </Title>
        <Anchor component={Link} to={teleexpertisePaths.queue}>
          {t('teleexpertiseExpert.backToQueue')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('teleexpertiseExpert.billing.intro')}
      </Text>
      <Select
        label={t('teleexpertiseExpert.billing.month')}
        data={months.map((m) => ({ value: m, label: monthLabel(m, i18n.language) }))}
        value={month}
        onChange={(value) => value && setMonth(value)}
        allowDeselect={false}
        w={{ base: '100%', sm: 280 }}
      />
      <ErrorAlert error={billing.error ?? context.services.error ?? lines.error} />
      {billing.isPending ? <Loading /> : null}
      {decrypting ? (
        <div role="status" aria-live="polite">
          <Text size="sm" mb={4}>
            {t('teleexpertiseExpert.billing.decrypting', { done: progress.done, total: progress.total })}
          </Text>
          <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} aria-hidden="true" />
        </div>
      ) : null}

      {lines.data && lines.data.unreadable.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('teleexpertiseExpert.billing.unreadableTitle')}
        >
          {t('teleexpertiseExpert.billing.unreadable', {
            count: lines.data.unreadable.length,
            ids: lines.data.unreadable.map((e) => e.requestId).join(', '),
          })}
        </Alert>
      ) : null}

      {result && result.warnings.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={t('teleexpertiseExpert.billing.warningsTitle', { limit: TE_YEARLY_LIMIT })}
          data-testid="te-billing-warnings"
        >
          <List size="sm">
            {result.warnings.map((warning) => (
              <List.Item key={warning.requestIds.join()}>
                {t('teleexpertiseExpert.billing.warning', { patient: warning.patient, count: warning.count })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {lines.data ? (
        rows.length === 0 ? (
          <Text c="dimmed">
            {t('teleexpertiseExpert.billing.empty', { month: monthLabel(month, i18n.language) })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs" data-testid="te-billing-table">
              <Table.Caption>
                {t('teleexpertiseExpert.billing.caption', {
                  count: rows.length,
                  month: monthLabel(month, i18n.language),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('teleexpertiseExpert.billing.date')}</Table.Th>
                  <Table.Th>{t('teleexpertiseExpert.billing.act')}</Table.Th>
                  <Table.Th>{t('teleexpertiseExpert.billing.patient')}</Table.Th>
                  <Table.Th>{t('teleexpertiseExpert.billing.requester')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((line) => (
                  <Table.Tr key={line.requestId}>
                    <Table.Td>{formatDate(line.answeredAt, i18n.language, 'medium')}</Table.Td>
                    <Table.Td>{t('teleexpertiseExpert.billing.acts')}</Table.Td>
                    <Table.Td>
                      {patientName(line.patient)} (
                      {formatDate(line.patient.birthDate, i18n.language, 'medium')})
                    </Table.Td>
                    <Table.Td>{line.requesterName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      ) : null}

      {result ? (
        <Group>
          <Button
            size="md"
            disabled={rows.length === 0}
            onClick={() =>
              saveBlob(
                new Blob([result.csv], { type: 'text/csv;charset=utf-8' }),
                `teleexpertise-${month}.csv`,
              )
            }
          >
            {t('teleexpertiseExpert.billing.download')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
