import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Tick } from './thread.ts';

/** ✓ sent, ✓✓ on every other member's device, ✓✓ in colour once all have read it; the word for screen readers. */
export function Ticks({ tick }: { tick: Tick }) {
  const { t } = useTranslation();
  const label = t(`chat.ticks.${tick}`);
  return (
    <Text
      size="xs"
      fw={700}
      c={tick === 'read' ? 'blue.7' : 'dimmed'}
      title={label}
      data-testid="chat-tick"
      data-tick={tick}
    >
      <span aria-hidden="true">{tick === 'sent' ? '✓' : '✓✓'}</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Text>
  );
}
