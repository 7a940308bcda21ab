import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One term/value pair of a <dl> (see InfoList): assistive tech then reads each value with its label.
 * Layout comes from the `.info-row` rule in styles.css (two columns, one on narrow screens).
 */
export function InfoRow({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="info-row">
      <dt>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
      </dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function InfoList({ children }: { children: ReactNode }) {
  return <dl className="info-list">{children}</dl>;
}
