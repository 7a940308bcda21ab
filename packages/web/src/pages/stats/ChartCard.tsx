import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataRow } from './DataTable.tsx';

interface Props {
  title: string;
  /** One sentence with the chart's figures: the chart's name for screen readers (role="img"). */
  summary: string;
  columns: string[];
  rows: DataRow[];
  intro?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A titled chart with two text alternatives: a summary read out in place of the drawing, and the exact
 * figures in a table that anyone (keyboard, screen reader, or a reader who wants the numbers) can open.
 * The drawing itself is not focusable: the table is the accessible way to every value.
 */
export function ChartCard({ title, summary, columns, rows, intro, testId, children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {intro ? (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        ) : null}
        <Box role="img" aria-label={summary}>
          {children}
        </Box>
        <details>
          <Text component="summary" size="sm" c="liaison.8" style={{ cursor: 'pointer' }}>
            {t('stats.chartData')}
          </Text>
          <Box mt="xs">
            <DataTable caption={title} columns={columns} rows={rows} />
          </Box>
        </details>
      </Stack>
    </Paper>
  );
}
