import type { TeleexpertiseFigures } from '@liaison/core/api/stats';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard.tsx';
import { formatCount } from './statsFormat.ts';
import { formatHours, hoursOf } from './teleexpertiseFormat.ts';

export type DelayMeasure = 'toAcceptance' | 'toAnswer';

const TITLES = { toAcceptance: 'acceptance', toAnswer: 'answer' } as const;

/** Long service names would squeeze the bars: the axis shows a shortened name, the table the full one. */
const AXIS_NAME_LENGTH = 32;

function shorten(name: string): string {
  return name.length > AXIS_NAME_LENGTH ? `${name.slice(0, AXIS_NAME_LENGTH - 1)}…` : name;
}

/**
 * Median and 90th percentile of one delay, side by side per service, in hours. Services with nothing
 * measured are in the table (as "—") but not drawn: an empty bar would read as "no delay".
 */
export function TeleexpertiseDelayChart({
  figures,
  measure,
}: {
  figures: TeleexpertiseFigures;
  measure: DelayMeasure;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const key = TITLES[measure];
  const platform = figures.scope.kind === 'platform';
  const label = (service: TeleexpertiseFigures['services'][number]) =>
    platform
      ? t('stats.teleexpertise.serviceOf', { service: service.name, organisation: service.organisationName })
      : service.name;
  const measured = figures.services.filter((s) => s[measure].count > 0);
  const hours = (ms: number | null) => formatHours(ms, language);
  const summary =
    measured.length === 0
      ? t(`stats.teleexpertise.${key}.empty`)
      : t(`stats.teleexpertise.${key}.summary`, {
          list: measured
            .map((s) =>
              t('stats.teleexpertise.item', {
                service: label(s),
                median: hours(s[measure].medianMs),
                p90: hours(s[measure].p90Ms),
                count: formatCount(s[measure].count, language),
              }),
            )
            .join(', '),
        });
  const median = t('stats.teleexpertise.median');
  const p90 = t('stats.teleexpertise.p90');
  return (
    <ChartCard
      title={t(`stats.teleexpertise.${key}.title`)}
      summary={summary}
      testId={`stats-teleexpertise-${key}`}
      columns={[t('stats.teleexpertise.service'), t('stats.teleexpertise.measured'), median, p90]}
      rows={figures.services.map((s) => ({
        key: s.id,
        cells: [
          label(s),
          formatCount(s[measure].count, language),
          hours(s[measure].medianMs),
          hours(s[measure].p90Ms),
        ],
      }))}
    >
      {measured.length === 0 ? (
        <Text c="dimmed">{t(`stats.teleexpertise.${key}.empty`)}</Text>
      ) : (
        <BarChart
          h={Math.max(160, measured.length * 56 + 60)}
          data={measured.map((s) => ({
            name: shorten(label(s)),
            median: hoursOf(s[measure].medianMs) ?? 0,
            p90: hoursOf(s[measure].p90Ms) ?? 0,
          }))}
          dataKey="name"
          orientation="vertical"
          series={[
            { name: 'median', label: median, color: 'liaison.7' },
            { name: 'p90', label: p90, color: 'liaison.3' },
          ]}
          yAxisProps={{ width: 230 }}
          gridAxis="y"
          withLegend
          valueFormatter={(value) => formatHours(value * 3600_000, language)}
          accessibilityLayer={false}
        />
      )}
    </ChartCard>
  );
}
