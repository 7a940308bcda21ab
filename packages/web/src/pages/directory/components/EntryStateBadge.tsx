import type { EntryState } from '@liaison/core/api/directory';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATE_COLOURS: Record<EntryState, string> = {
  pending: 'orange',
  published: 'green',
  rejected: 'red',
  retired: 'gray',
};

export function EntryStateBadge({ state }: { state: EntryState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLOURS[state]}
      variant="light"
      tt="none"
      style={{ minWidth: 'max-content' }}
      data-testid="entry-state"
      data-state={state}
    >
      {t(`directory.states.${state}`)}
    </Badge>
  );
}
