import type { StatsQuery, StatsReport } from '@liaison/core/api/stats';
import { Button, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchStats, statsCsvUrl, statsKeys } from '../../api/stats.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Dashboard } from './Dashboard.tsx';
import { periodProblem } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { formatCount, formatDay } from './statsFormat.ts';
import { usePeriodParams } from './usePeriodParams.ts';

interface Props {
  /** The page's title, which may name the establishment once its report has arrived. */
  title: (report: StatsReport | undefined) => string;
  /** An establishment's own figures; absent: the whole platform. */
  establishment?: string;
  /** Above the title (a way back to the establishment). */
  before?: ReactNode;
}

/** Shapes of the dashboard while the first report is computed: the page does not jump when it arrives. */
function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" role="status" aria-label={t('stats.loading')} data-testid="stats-loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{t('stats.loading')}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} h={130} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={340} radius="md" />
    </Stack>
  );
}

function PeriodShown({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation();
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <Text size="sm" c="dimmed" data-testid="stats-period-shown">
      {t('stats.period.shown', {
        from: day(report.period.from),
        to: day(report.period.to),
        days: formatCount(report.period.days, i18n.language),
        previousFrom: day(report.previousPeriod.from),
        previousTo: day(report.previousPeriod.to),
      })}{' '}
      {t('stats.period.utc')}
    </Text>
  );
}

/** The period picker, the export and the dashboard: the same screen for the platform and for one establishment. */
export function StatsScreen({ title, establishment, before }: Props) {
  const { t } = useTranslation();
  const { period, setPeriod } = usePeriodParams();
  const problem = periodProblem(period);
  const query: StatsQuery = { ...period, ...(establishment ? { establishment } : {}) };
  const report = useQuery({
    queryKey: statsKeys.report(query),
    queryFn: ({ signal }) => fetchStats(query, signal),
    enabled: problem === null,
    // While another period is computed, the previous figures stay on screen with a spinner.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const data = problem === null ? report.data : undefined;
  const heading = title(data);
  usePageTitle(heading);

  return (
    <Stack gap="lg" maw={1200}>
      {before}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} maw={760}>
          <Title order={1}>{heading}</Title>
          <Text c="dimmed">{t('stats.intro')}</Text>
        </Stack>
        {problem === null ? (
          <Button
            component="a"
            href={statsCsvUrl(query)}
            download
            variant="default"
            data-testid="stats-export"
          >
            {t('stats.export')}
          </Button>
        ) : null}
      </Group>
      {/* Keyed by the period shown, so a preset or a new address resets the inputs to it. */}
      <PeriodPicker key={`${period.from}/${period.to}`} value={period} onApply={setPeriod} />
      <ErrorAlert error={problem === null ? report.error : null} />
      {problem === null && report.isPending ? <DashboardSkeleton /> : null}
      {data ? (
        <Stack gap="sm">
          <Group gap="xs" aria-live="polite">
            <PeriodShown report={data} />
            {report.isPlaceholderData ? <Loader size="xs" aria-label={t('stats.refreshing')} /> : null}
          </Group>
          <Dashboard report={data} />
        </Stack>
      ) : null}
    </Stack>
  );
}
