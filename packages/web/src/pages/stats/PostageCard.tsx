import type { StatsReport } from '@liaison/core/api/stats';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoRow } from '../../components/InfoRow.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCount, formatEuros } from './statsFormat.ts';

/** How the savings are computed, and (platform only) what a typical large sender saves. */
export function PostageCard({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const euros = (cents: number) => formatEuros(cents, language);
  const { postage } = report;
  return (
    <Section title={t('stats.postage.title')}>
      <Text size="sm" c="dimmed">
        {t('stats.postage.explain')}
      </Text>
      <dl className="info-list" data-testid="stats-postage">
        <InfoRow label={t('stats.postage.unitCost')}>{euros(postage.unitCostCents)}</InfoRow>
        <InfoRow label={t('stats.postage.saved')}>
          {euros(postage.savedCents.current)}{' '}
          <Text span size="sm" c="dimmed">
            ({t('stats.change.previous', { value: euros(postage.savedCents.previous) })})
          </Text>
        </InfoRow>
        {report.scope.kind === 'platform' ? (
          <InfoRow label={t('stats.postage.topFive')}>
            {t('stats.postage.topFiveText', {
              messages: formatCount(postage.topFiveAverage.messages, language),
              saved: euros(postage.topFiveAverage.savedCents),
            })}
          </InfoRow>
        ) : null}
      </dl>
    </Section>
  );
}
