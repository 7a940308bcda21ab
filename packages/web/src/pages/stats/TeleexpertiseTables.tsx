import type { TeleexpertiseFigures } from '@liaison/core/api/stats';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { DataTable } from './DataTable.tsx';
import { formatCount } from './statsFormat.ts';
import { formatHours } from './teleexpertiseFormat.ts';

const COUNTS = ['requests', 'accepted', 'completed', 'rejected', 'cancelled', 'open'] as const;

/** What became of the requests of the period, per service: six figures a table says better than a chart. */
export function TeleexpertiseCountsTable({ figures }: { figures: TeleexpertiseFigures }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const platform = figures.scope.kind === 'platform';
  return (
    <Section title={t('stats.teleexpertise.counts.title')}>
      <DataTable
        caption={t('stats.teleexpertise.counts.title')}
        testId="stats-teleexpertise-counts"
        columns={[
          t('stats.teleexpertise.service'),
          ...COUNTS.map((count) => t(`stats.teleexpertise.counts.${count}`)),
        ]}
        rows={figures.services.map((s) => ({
          key: s.id,
          cells: [
            platform
              ? t('stats.teleexpertise.serviceOf', { service: s.name, organisation: s.organisationName })
              : s.name,
            ...COUNTS.map((count) => n(s.counts[count])),
          ],
        }))}
      />
    </Section>
  );
}

/** Delays per expert and service: who accepted and answered how fast. */
export function TeleexpertiseExpertsTable({ figures }: { figures: TeleexpertiseFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatCount(value, language);
  const hours = (ms: number | null) => formatHours(ms, language);
  return (
    <Section title={t('stats.teleexpertise.experts.title')}>
      <Text size="sm" c="dimmed">
        {t('stats.teleexpertise.experts.intro')}
      </Text>
      {figures.experts.length === 0 ? (
        <Text c="dimmed">{t('stats.teleexpertise.experts.empty')}</Text>
      ) : (
        <DataTable
          caption={t('stats.teleexpertise.experts.title')}
          testId="stats-teleexpertise-experts"
          columns={[
            t('stats.teleexpertise.expert'),
            t('stats.teleexpertise.service'),
            t('stats.teleexpertise.counts.accepted'),
            t('stats.teleexpertise.counts.completed'),
            t('stats.teleexpertise.experts.medianAcceptance'),
            t('stats.teleexpertise.experts.p90Acceptance'),
            t('stats.teleexpertise.experts.medianAnswer'),
            t('stats.teleexpertise.experts.p90Answer'),
          ]}
          rows={figures.experts.map((e) => ({
            key: `${e.serviceId}/${e.userId}`,
            cells: [
              e.displayName,
              e.serviceName,
              n(e.accepted),
              n(e.completed),
              hours(e.toAcceptance.medianMs),
              hours(e.toAcceptance.p90Ms),
              hours(e.toAnswer.medianMs),
              hours(e.toAnswer.p90Ms),
            ],
          }))}
        />
      )}
    </Section>
  );
}
