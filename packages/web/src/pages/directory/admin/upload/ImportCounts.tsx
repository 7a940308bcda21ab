import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  counts: { create: number; update: number; unchanged: number };
  errors: number;
}

/** Four figures a person compares at a glance before confirming: new, changed, same, refused. */
export function ImportCounts({ counts, errors }: Props) {
  const { t } = useTranslation();
  const items = [
    { key: 'create', label: t('directory.upload.countCreate'), value: counts.create, color: 'liaison.8' },
    { key: 'update', label: t('directory.upload.countUpdate'), value: counts.update, color: 'blue.8' },
    {
      key: 'unchanged',
      label: t('directory.upload.countUnchanged'),
      value: counts.unchanged,
      color: 'gray.7',
    },
    {
      key: 'errors',
      label: t('directory.upload.countErrors'),
      value: errors,
      color: errors > 0 ? 'red.8' : 'gray.7',
    },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
      {items.map((item) => (
        <Paper key={item.key} withBorder p="sm" radius="md" data-testid={`import-count-${item.key}`}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} fz={28} fw={700} c={item.color} data-testid="import-count-value">
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
