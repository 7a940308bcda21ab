import type { StatsReport } from '@liaison/core/api/stats';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { DataTable } from './DataTable.tsx';
import { figureChange, formatChange, formatCount, TREND_ARROWS } from './statsFormat.ts';

const ROWS = [
  'sent',
  'received',
  'distinctSenders',
  'distinctCityRecipients',
  'distinctCitySenders',
  'distinctRecipients',
] as const;

/** Hospitals and clinics with "the city", each way: a small table, as six unrelated figures chart poorly. */
export function FlowsTable({ report }: { report: StatsReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatCount(value, language);
  const title =
    report.scope.kind === 'platform' ? t('stats.flows.title') : t('stats.flows.titleEstablishment');
  return (
    <Section title={title}>
      <DataTable
        caption={t('stats.flows.intro')}
        testId="stats-flows"
        columns={[
          t('stats.flows.measure'),
          t('stats.columns.current'),
          t('stats.columns.previous'),
          t('stats.columns.change'),
        ]}
        rows={ROWS.map((row) => {
          const figure = report.establishments[row];
          const change = figureChange(figure);
          return {
            key: row,
            cells: [
              t(`stats.flows.rows.${row}`),
              n(figure.current),
              n(figure.previous),
              `${TREND_ARROWS[change.trend]} ${formatChange(change, language)}`.trim(),
            ],
          };
        })}
      />
    </Section>
  );
}
