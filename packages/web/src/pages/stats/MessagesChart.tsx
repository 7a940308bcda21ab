import type { StatsReport } from '@liaison/core/api/stats';
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard.tsx';
import { formatCount, formatDay, formatMonth, type Granularity } from './statsFormat.ts';

/** A bucket's name: the day, "Semaine du 3 juin", or the month, as the server grouped them. */
export function bucketLabel(
  t: TFunction,
  start: string,
  granularity: Granularity,
  language: string,
  style: 'long' | 'short',
): string {
  switch (granularity) {
    case 'day':
      return formatDay(start, language, style);
    case 'week':
      return t('stats.series.week', { date: formatDay(start, language, style) });
    case 'month':
      return formatMonth(start, language);
  }
}

/** Messages over the period, drawn against the same position in the previous period (dashed). */
export function MessagesChart({ series }: { series: StatsReport['series'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatCount(value, language);
  const current = t('stats.columns.current');
  const previous = t('stats.columns.previous');
  const data = series.points.map((point) => ({
    label: bucketLabel(t, point.start, series.granularity, language, 'short'),
    messages: point.messages,
    previous: point.previous,
  }));
  const values = series.points.map((point) => point.messages);
  const summary = t('stats.series.summary', {
    total: n(values.reduce((sum, value) => sum + value, 0)),
    previous: n(series.points.reduce((sum, point) => sum + point.previous, 0)),
    unit: t(`stats.series.units.${series.granularity}`),
    min: n(values.length > 0 ? Math.min(...values) : 0),
    max: n(values.length > 0 ? Math.max(...values) : 0),
  });
  return (
    <ChartCard
      title={t('stats.series.title')}
      summary={summary}
      testId="stats-series"
      columns={[t('stats.series.date'), current, previous]}
      rows={series.points.map((point) => ({
        key: point.start,
        cells: [
          bucketLabel(t, point.start, series.granularity, language, 'long'),
          n(point.messages),
          n(point.previous),
        ],
      }))}
    >
      {data.length === 0 ? (
        <Text c="dimmed">{t('stats.series.empty')}</Text>
      ) : (
        <LineChart
          h={300}
          data={data}
          dataKey="label"
          series={[
            { name: 'messages', label: current, color: 'liaison.7' },
            { name: 'previous', label: previous, color: 'gray.6', strokeDasharray: '6 4' },
          ]}
          curveType="linear"
          withLegend
          withDots={data.length <= 62}
          valueFormatter={n}
          accessibilityLayer={false}
        />
      )}
    </ChartCard>
  );
}
