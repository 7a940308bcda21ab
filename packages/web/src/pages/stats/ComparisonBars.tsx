import { BarChart } from '@mantine/charts';

export interface ComparisonItem {
  key: string;
  label: string;
  current: number;
  previous: number;
}

interface Props {
  items: ComparisonItem[];
  currentLabel: string;
  previousLabel: string;
  format: (value: number) => string;
}

/** Each item's bar for the period beside a lighter one for the previous period. */
export function ComparisonBars({ items, currentLabel, previousLabel, format }: Props) {
  return (
    <BarChart
      h={280}
      data={items.map((item) => ({ label: item.label, current: item.current, previous: item.previous }))}
      dataKey="label"
      series={[
        { name: 'current', label: currentLabel, color: 'liaison.7' },
        { name: 'previous', label: previousLabel, color: 'gray.4' },
      ]}
      withLegend
      valueFormatter={format}
      // Slanted so seven French labels (« Laboratoire », « Sage-femme »…) never run into each other.
      xAxisProps={{ interval: 0, angle: -30, textAnchor: 'end', height: 64, tick: { fontSize: 12 } }}
      accessibilityLayer={false}
    />
  );
}
