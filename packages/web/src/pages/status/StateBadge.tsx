import type { ComponentState } from '@liaison/core/api/status';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPONENT_STATE_LOOK } from './statusTexts.ts';

/** A component's state in words with a glyph: colour alone would say nothing to many readers. */
export function StateBadge({ state }: { state: ComponentState }) {
  const { t } = useTranslation();
  const look = COMPONENT_STATE_LOOK[state];
  return (
    <Badge
      color={look.colour}
      variant="light"
      size="lg"
      leftSection={<span aria-hidden="true">{look.glyph}</span>}
      data-testid="component-state"
      data-state={state}
    >
      {t(`status.componentStates.${state}`)}
    </Badge>
  );
}
