import type { StatsReport } from '@liaison/core/api/stats';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard.tsx';
import { ComparisonBars } from './ComparisonBars.tsx';
import { formatCount } from './statsFormat.ts';

const STATES = ['held', 'released', 'rejected'] as const;

/** Bulk mailings held by the usage rules (charter article 5), by what became of them. */
export function InterceptionsChart({ interceptions }: { interceptions: StatsReport['interceptions'] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const items = STATES.map((state) => ({
    key: state,
    label: t(`stats.interceptions.states.${state}`),
    current: interceptions[state].current,
    previous: interceptions[state].previous,
  }));
  const current = t('stats.columns.current');
  const previous = t('stats.columns.previous');
  return (
    <ChartCard
      title={t('stats.interceptions.title')}
      summary={t('stats.interceptions.summary', {
        total: n(interceptions.total.current),
        previous: n(interceptions.total.previous),
        list: items
          .map((item) => t('stats.interceptions.item', { label: item.label, current: n(item.current) }))
          .join(', '),
      })}
      testId="stats-interceptions"
      columns={[t('stats.interceptions.state'), current, previous]}
      rows={[
        ...items.map((item) => ({ key: item.key, cells: [item.label, n(item.current), n(item.previous)] })),
        {
          key: 'total',
          cells: [
            t('stats.kpi.interceptions'),
            n(interceptions.total.current),
            n(interceptions.total.previous),
          ],
        },
      ]}
    >
      <ComparisonBars items={items} currentLabel={current} previousLabel={previous} format={n} />
    </ChartCard>
  );
}
