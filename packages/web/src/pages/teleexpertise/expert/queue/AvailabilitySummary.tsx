import { Anchor, Group, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchAvailability, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { teleexpertisePaths } from '../../paths.ts';
import { OnDutyBadge } from '../availability/OnDutyBadge.tsx';

/** On duty now or not, and how much of the capacity open requests use, with the way to change it. */
export function AvailabilitySummary({ openRequests }: { openRequests: number }) {
  const { t } = useTranslation();
  const availability = useQuery({ queryKey: teleexpertiseKeys.availability, queryFn: fetchAvailability });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={t('teleexpertiseExpert.queue.myAvailability')}
    >
      <ErrorAlert error={availability.error} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          {availability.data ? <OnDutyBadge onDuty={availability.data.availableNow} size="md" /> : null}
          {availability.data ? (
            <Text size="sm" data-testid="te-capacity-used">
              {t('teleexpertiseExpert.queue.capacityUsed', {
                open: openRequests,
                capacity: availability.data.capacity,
              })}
            </Text>
          ) : null}
        </Group>
        <Anchor component={Link} to={teleexpertisePaths.availability} size="sm">
          {t('teleexpertiseExpert.queue.editAvailability')}
        </Anchor>
      </Group>
    </Paper>
  );
}
