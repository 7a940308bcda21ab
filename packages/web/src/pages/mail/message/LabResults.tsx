import type { HprimResult } from '@liaison/core/hprim/index';
import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAbnormal, resultLevel, type ResultLevel } from '../letterText.ts';

const LEVEL_COLOURS: Record<ResultLevel, string> = {
  low: 'orange',
  high: 'orange',
  veryLow: 'red',
  veryHigh: 'red',
  normal: 'gray',
};

/** Arrows say the direction to those who do not read the word, the word to those who cannot see colour. */
const LEVEL_ARROWS: Record<ResultLevel, string> = {
  low: '↓',
  high: '↑',
  veryLow: '↓↓',
  veryHigh: '↑↑',
  normal: '',
};

function range(low: string | null, high: string | null): string {
  if (low && high) return `${low} – ${high}`;
  if (low) return `≥ ${low}`;
  if (high) return `≤ ${high}`;
  return '';
}

function LevelBadge({
  level,
  flag,
  testId,
}: {
  level: ResultLevel | null;
  flag: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  if (level === null) return flag ? <Text size="sm">{flag}</Text> : null;
  return (
    <Badge
      color={LEVEL_COLOURS[level]}
      variant={isAbnormal(level) ? 'filled' : 'light'}
      tt="none"
      size="md"
      data-testid={testId}
      data-level={level}
    >
      {LEVEL_ARROWS[level] ? `${LEVEL_ARROWS[level]} ` : ''}
      {t(`mail.lab.levels.${level}`)}
    </Badge>
  );
}

/**
 * The RES lines of a letter as a table a doctor scans in a second: abnormal results on a tinted row,
 * value in bold, and a badge that says high or low in words and arrows (never colour alone).
 */
export function LabResults({ results }: { results: readonly HprimResult[] }) {
  const { t } = useTranslation();
  const abnormal = results.filter((r) => isAbnormal(resultLevel(r.flag))).length;
  return (
    <Stack gap="xs">
      {abnormal > 0 ? (
        <Text fw={600} c="red.8" data-testid="lab-abnormal-count">
          {t('mail.lab.abnormalCount', { count: abnormal })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="xs" withTableBorder withColumnBorders data-testid="lab-results">
          <Table.Caption>{t('mail.lab.caption', { count: results.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mail.lab.label')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('mail.lab.value')}
              </Table.Th>
              <Table.Th scope="col">{t('mail.lab.unit')}</Table.Th>
              <Table.Th scope="col">{t('mail.lab.range')}</Table.Th>
              <Table.Th scope="col">{t('mail.lab.flag')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.map((result, index) => {
              const level = resultLevel(result.flag);
              const out = isAbnormal(level);
              const veryOut = level === 'veryHigh' || level === 'veryLow';
              return (
                <Table.Tr
                  key={`${index}:${result.code ?? result.label ?? ''}`}
                  bg={out ? (veryOut ? 'red.0' : 'orange.0') : undefined}
                  data-testid="lab-row"
                  data-abnormal={out ? 'true' : 'false'}
                >
                  <Table.Th scope="row" fw={out ? 700 : 500}>
                    <Group gap={6} wrap="wrap">
                      <span>{result.label ?? result.code ?? '—'}</span>
                      {result.status === 'R' || result.status === 'C' ? (
                        <Badge color="gray" variant="outline" size="xs" tt="none">
                          {t(`mail.lab.status.${result.status}`)}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Th>
                  <Table.Td ta="right">
                    <Text
                      fw={out ? 800 : 400}
                      c={out ? (veryOut ? 'red.9' : 'orange.9') : undefined}
                      data-testid="lab-value"
                    >
                      {result.value ?? ''}
                    </Text>
                    {/* A phone shows the first columns only: the verdict goes with the value there. */}
                    {out ? (
                      <Box hiddenFrom="sm" mt={4}>
                        <LevelBadge level={level} flag={result.flag} testId="lab-flag-compact" />
                      </Box>
                    ) : null}
                    {result.value2 ? (
                      <Text size="xs" c="dimmed">
                        {result.value2} {result.unit2 ?? ''}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{result.unit ?? ''}</Table.Td>
                  <Table.Td>
                    {range(result.low, result.high)}
                    {result.low2 || result.high2 ? (
                      <Text size="xs" c="dimmed">
                        {range(result.low2, result.high2)} {result.unit2 ?? ''}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={level} flag={result.flag} testId="lab-flag" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
