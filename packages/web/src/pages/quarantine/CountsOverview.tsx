import type { QuarantineCounts } from '@liaison/core/api/usage';
import { Box, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countShares, formatNumber, formatShare } from './heldTexts.ts';
import { STATE_COLOURS } from './useQuarantine.ts';

/**
 * The all-time counts side by side: one bar split in proportion (an image whose text alternative is
 * the sentence with every number), then a legend with the numbers and shares.
 */
export function CountsOverview({ counts }: { counts: QuarantineCounts }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const language = i18n.language;
  const n = (value: number) => formatNumber(value, language);
  const shares = countShares(counts);
  const total = counts.held + counts.released + counts.rejected;
  const summary = t('quarantine.counts.summary', {
    total: n(total),
    held: n(counts.held),
    released: n(counts.released),
    rejected: n(counts.rejected),
  });
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      p="md"
      radius="md"
      data-testid="quarantine-counts"
      data-held={counts.held}
      data-released={counts.released}
      data-rejected={counts.rejected}
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id={titleId}>
          {t('quarantine.counts.title')}
        </Title>
        {total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('quarantine.counts.none')}
          </Text>
        ) : (
          <>
            <Progress.Root size={20} role="img" aria-label={summary}>
              {shares
                .filter((entry) => entry.count > 0)
                .map((entry) => (
                  <Progress.Section
                    key={entry.state}
                    value={entry.share * 100}
                    color={STATE_COLOURS[entry.state]}
                    withAria={false}
                  />
                ))}
            </Progress.Root>
            <Group component="ul" gap="lg" p={0} m={0} style={{ listStyle: 'none' }} aria-hidden="true">
              {shares.map((entry) => (
                <Group component="li" key={entry.state} gap={6} wrap="nowrap">
                  <Box w={12} h={12} bg={`${STATE_COLOURS[entry.state]}.6`} style={{ borderRadius: 2 }} />
                  <Text size="sm">
                    {t('quarantine.counts.legend', {
                      label: t(`quarantine.counts.states.${entry.state}`),
                      n: n(entry.count),
                      share: formatShare(entry.share, language),
                    })}
                  </Text>
                </Group>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
