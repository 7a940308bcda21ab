import type { Figure, StatsReport } from '@liaison/core/api/stats';
import { Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { figureChange, formatChange, formatCount, formatEuros, TREND_ARROWS } from './statsFormat.ts';

interface KpiProps {
  id: string;
  label: string;
  hint?: string;
  figure: Figure;
  format: (value: number) => string;
  /** More interceptions is not good news: the colour follows, the arrow and sign stay factual. */
  higherIsBetter?: boolean;
}

function KpiCard({ id, label, hint, figure, format, higherIsBetter = true }: KpiProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const change = figureChange(figure);
  const good = change.trend === 'up' ? higherIsBetter : change.trend === 'down' ? !higherIsBetter : null;
  const colour = good === null ? 'dimmed' : good ? 'teal.8' : 'red.8';
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      p="md"
      radius="md"
      data-testid={`kpi-${id}`}
      data-current={figure.current}
      data-previous={figure.previous}
    >
      <Stack gap={4}>
        <Title order={3} size="h6" id={titleId}>
          {label}
        </Title>
        <Text fz={28} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {format(figure.current)}
        </Text>
        <Text size="sm" fw={600} c={colour} data-testid={`kpi-${id}-change`}>
          <span aria-hidden="true">{TREND_ARROWS[change.trend]} </span>
          {change.ratio === null ? (
            <VisuallyHidden>{t('stats.change.none')}</VisuallyHidden>
          ) : (
            <>
              {formatChange(change, i18n.language)}{' '}
              <Text span size="sm" fw={400} c="dimmed">
                {t('stats.change.vsPrevious')}
              </Text>
            </>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {t('stats.change.previous', { value: format(figure.previous) })}
        </Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The four figures people look at first, each beside the previous period's. */
export function KpiCards({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const count = (value: number) => formatCount(value, i18n.language);
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm">
      <Title order={2} size="h4" id={titleId}>
        {t('stats.kpi.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <KpiCard
          id="activeUsers"
          label={t('stats.kpi.activeUsers')}
          figure={report.activeUsers}
          format={count}
        />
        <KpiCard
          id="messages"
          label={t('stats.kpi.messages')}
          figure={report.messagesExchanged}
          format={count}
        />
        <KpiCard
          id="postage"
          label={t('stats.kpi.postage')}
          figure={report.postage.savedCents}
          format={euros}
        />
        <KpiCard
          id="interceptions"
          label={t('stats.kpi.interceptions')}
          hint={t('stats.kpi.interceptionsHint')}
          figure={report.interceptions.total}
          format={count}
          higherIsBetter={false}
        />
      </SimpleGrid>
    </Stack>
  );
}
