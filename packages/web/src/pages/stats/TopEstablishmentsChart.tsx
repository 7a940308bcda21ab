import { ORGANISATION_KINDS, type OrganisationKind } from '@liaison/core/api/common';
import type { StatsReport } from '@liaison/core/api/stats';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard.tsx';
import { formatCount, formatEuros } from './statsFormat.ts';

/** Long hospital names would squeeze the bars: the axis shows a shortened name, the table the full one. */
const AXIS_NAME_LENGTH = 32;

function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

function shorten(name: string): string {
  return name.length > AXIS_NAME_LENGTH ? `${name.slice(0, AXIS_NAME_LENGTH - 1)}…` : name;
}

/** Horizontal bars, so names read left to right rather than slanted under the axis. */
export function TopEstablishmentsChart({ top }: { top: StatsReport['topEstablishments'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatCount(value, language);
  // A kind newer than this client is shown as the server wrote it rather than hidden.
  const kind = (value: string) => (isOrganisationKind(value) ? t(`organisationKinds.${value}`) : value);
  const summary =
    top.length === 0
      ? t('stats.top.empty')
      : t('stats.top.summary', {
          list: top.map((entry) => t('stats.top.item', { name: entry.name, sent: n(entry.sent) })).join(', '),
        });
  return (
    <ChartCard
      title={t('stats.top.title')}
      summary={summary}
      testId="stats-top"
      columns={[t('stats.top.name'), t('stats.top.kind'), t('stats.top.sent'), t('stats.top.saved')]}
      rows={top.map((entry) => ({
        key: entry.id,
        cells: [entry.name, kind(entry.kind), n(entry.sent), formatEuros(entry.postageSavedCents, language)],
      }))}
    >
      {top.length === 0 ? (
        <Text c="dimmed">{t('stats.top.empty')}</Text>
      ) : (
        <BarChart
          h={Math.max(160, top.length * 40 + 40)}
          data={top.map((entry) => ({ name: shorten(entry.name), sent: entry.sent }))}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'sent', label: t('stats.top.sent'), color: 'liaison.7' }]}
          yAxisProps={{ width: 230 }}
          gridAxis="y"
          withBarValueLabel
          valueFormatter={n}
          accessibilityLayer={false}
        />
      )}
    </ChartCard>
  );
}
