import type { Figure, StatsReport } from '@liaison/core/api/stats';
import { Group, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { formatCount, formatShare } from './statsFormat.ts';

interface GaugeProps {
  id: string;
  label: string;
  text: string;
  share: number;
  previous: string;
  language: string;
}

/** The ring is drawing only (hidden from screen readers): the sentences beside it carry every figure. */
function Gauge({ id, label, text, share, previous, language }: GaugeProps) {
  const { t } = useTranslation();
  const percent = formatShare(share, language);
  return (
    <Group gap="md" wrap="nowrap" align="center" data-testid={`stats-ehpad-${id}`} data-share={share}>
      <RingProgress
        size={110}
        thickness={12}
        roundCaps
        aria-hidden="true"
        sections={[{ value: Math.min(100, share * 100), color: 'liaison.7' }]}
        label={
          <Text ta="center" fw={700} size="sm">
            {percent}
          </Text>
        }
      />
      <Stack gap={2}>
        <Title order={3} size="h6">
          {label}
        </Title>
        <Text size="sm">{text}</Text>
        <Text size="sm">{t('stats.ehpad.share', { share: percent })}</Text>
        <Text size="xs" c="dimmed">
          {previous}
        </Text>
      </Stack>
    </Group>
  );
}

/** EHPAD on the platform, and their beds, against the national totals at the end of the period. */
export function EhpadCoverage({ ehpad }: { ehpad: StatsReport['ehpad'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatCount(value, language);
  const previous = (figure: Figure) => t('stats.ehpad.previous', { value: n(figure.previous) });
  return (
    <Section title={t('stats.ehpad.title')}>
      {/* One gauge per line: the card is half the page wide, too narrow for two with their sentences. */}
      <SimpleGrid cols={1} spacing="lg">
        <Gauge
          id="covered"
          label={t('stats.ehpad.covered')}
          text={t('stats.ehpad.coveredText', {
            value: n(ehpad.covered.current),
            national: n(ehpad.nationalCount),
          })}
          share={ehpad.coveredShare}
          previous={previous(ehpad.covered)}
          language={language}
        />
        <Gauge
          id="beds"
          label={t('stats.ehpad.beds')}
          text={t('stats.ehpad.bedsText', { value: n(ehpad.beds.current), national: n(ehpad.nationalBeds) })}
          share={ehpad.bedsShare}
          previous={previous(ehpad.beds)}
          language={language}
        />
      </SimpleGrid>
    </Section>
  );
}
