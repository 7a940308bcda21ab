import type { StatsReport } from '@liaison/core/api/stats';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard.tsx';
import { ComparisonBars } from './ComparisonBars.tsx';
import { formatCount } from './statsFormat.ts';

/** Who the active users are (city, hospital, EHPAD…), this period against the previous one. */
export function CategoriesChart({ categories }: { categories: StatsReport['usersByCategory'] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const items = categories.map((entry) => ({
    key: entry.category,
    label: t(`stats.categories.labels.${entry.category}`),
    current: entry.current,
    previous: entry.previous,
  }));
  const current = t('stats.columns.current');
  const previous = t('stats.columns.previous');
  return (
    <ChartCard
      title={t('stats.categories.title')}
      summary={t('stats.categories.summary', {
        list: items
          .map((item) =>
            t('stats.categories.item', {
              label: item.label,
              current: n(item.current),
              previous: n(item.previous),
            }),
          )
          .join(', '),
      })}
      testId="stats-categories"
      columns={[t('stats.categories.category'), current, previous]}
      rows={items.map((item) => ({ key: item.key, cells: [item.label, n(item.current), n(item.previous)] }))}
    >
      <ComparisonBars items={items} currentLabel={current} previousLabel={previous} format={n} />
    </ChartCard>
  );
}
