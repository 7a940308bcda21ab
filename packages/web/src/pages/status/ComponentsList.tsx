import type { PublicStatus } from '@liaison/core/api/status';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StateBadge } from './StateBadge.tsx';

/** Every component with its state: the first thing someone who cannot send a letter looks for. */
export function ComponentsList({ components }: { components: PublicStatus['components'] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('status.componentsTitle')}
        </Title>
        <Stack
          component="ul"
          gap={0}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="status-components"
        >
          {components.map((entry) => (
            <Group
              component="li"
              key={entry.component}
              justify="space-between"
              py="xs"
              wrap="nowrap"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-component={entry.component}
            >
              <Text fw={500}>{t(`status.components.${entry.component}`)}</Text>
              <StateBadge state={entry.state} />
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
