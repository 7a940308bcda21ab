import type { StatsQuery, StatsReport } from '@liaison/core/api/stats';
import { Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchTeleexpertiseFigures, statsKeys } from '../../api/stats.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TeleexpertiseDelayChart } from './TeleexpertiseDelayChart.tsx';
import { TeleexpertiseCountsTable, TeleexpertiseExpertsTable } from './TeleexpertiseTables.tsx';

/**
 * Tele-expertise delays for the report's period and scope, fetched on their own: a failure or a slow
 * answer here leaves the rest of the dashboard as it is.
 */
export function TeleexpertiseSection({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query: StatsQuery = {
    from: report.period.from,
    to: report.period.to,
    ...(report.scope.kind === 'establishment' ? { establishment: report.scope.id } : {}),
  };
  const figures = useQuery({
    queryKey: statsKeys.teleexpertise(query),
    queryFn: ({ signal }) => fetchTeleexpertiseFigures(query, signal),
    staleTime: 5 * 60_000,
  });
  const data = figures.data;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg" data-testid="stats-teleexpertise">
      <Stack gap={4}>
        <Title order={2} size="h3" id={headingId}>
          {t('stats.teleexpertise.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('stats.teleexpertise.intro')}
        </Text>
      </Stack>
      <ErrorAlert error={figures.error} />
      {figures.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text>{t('stats.teleexpertise.loading')}</Text>
        </Group>
      ) : null}
      {data && data.services.length === 0 ? <Text c="dimmed">{t('stats.teleexpertise.none')}</Text> : null}
      {data && data.services.length > 0 ? (
        <>
          <TeleexpertiseCountsTable figures={data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TeleexpertiseDelayChart figures={data} measure="toAcceptance" />
            <TeleexpertiseDelayChart figures={data} measure="toAnswer" />
          </SimpleGrid>
          <TeleexpertiseExpertsTable figures={data} />
        </>
      ) : null}
    </Stack>
  );
}
