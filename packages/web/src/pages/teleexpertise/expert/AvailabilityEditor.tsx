import type { AvailabilityView } from '@liaison/core/api/teleexpertise';
import { Alert, Anchor, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchAvailability, saveAvailability, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { teleexpertisePaths } from '../paths.ts';
import { Absences } from './availability/Absences.tsx';
import {
  draftIsValid,
  toAvailability,
  toDraft,
  type AvailabilityDraft,
} from './availability/availabilityDraft.ts';
import { OnDutyBadge } from './availability/OnDutyBadge.tsx';
import { WeeklySlots } from './availability/WeeklySlots.tsx';

/** "Europe/Paris" → "Paris": the city is what people call the time by. */
function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

/** The expert's own availability: capacity, weekly slots (Paris time) and absences, declared ahead. */
export function AvailabilityEditor() {
  const { t } = useTranslation();
  const availability = useQuery({ queryKey: teleexpertiseKeys.availability, queryFn: fetchAvailability });
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('teleexpertiseExpert.availability.title')}
        </Title>
        <Anchor component={Link} to={teleexpertisePaths.queue}>
          {t('teleexpertiseExpert.backToQueue')}
        </Anchor>
      </Group>
      {availability.isPending ? <Loading /> : null}
      <ErrorAlert error={availability.error} />
      {availability.data ? <EditorForm view={availability.data} /> : null}
    </Stack>
  );
}

function EditorForm({ view }: { view: AvailabilityView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => toDraft(view));
  const [tried, setTried] = useState(false);
  const valid = draftIsValid(draft);

  const save = useMutation({
    mutationFn: () => saveAvailability(toAvailability(draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(teleexpertiseKeys.availability, saved);
      // Being on duty changes who gets queued requests: the services' figures move too.
      void queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.services });
      notifications.show({ color: 'green', message: t('teleexpertiseExpert.availability.saved') });
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (valid) save.mutate();
      }}
    >
      <Stack gap="lg">
        <Group gap="sm" role="status" aria-live="polite">
          <OnDutyBadge onDuty={view.availableNow} />
          <Text size="sm" c="dimmed">
            {t('teleexpertiseExpert.availability.onDutyHint')}
          </Text>
        </Group>

        <Section title={t('teleexpertiseExpert.availability.capacityTitle')}>
          <NumberInput
            label={t('teleexpertiseExpert.availability.capacity')}
            description={t('teleexpertiseExpert.availability.capacityHelp')}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            w={{ base: '100%', sm: 320 }}
            value={draft.capacity}
            onChange={(value) =>
              setDraft({
                ...draft,
                capacity: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0,
              })
            }
          />
        </Section>

        <Section
          title={t('teleexpertiseExpert.availability.slotsTitle', { timeZone: cityOf(view.timeZone) })}
        >
          <WeeklySlots slots={draft.slots} onChange={(slots) => setDraft({ ...draft, slots })} />
        </Section>

        <Section title={t('teleexpertiseExpert.availability.absencesTitle')}>
          <Absences absences={draft.absences} onChange={(absences) => setDraft({ ...draft, absences })} />
        </Section>

        {tried && !valid ? (
          <Alert color="red" variant="light" role="alert">
            {t('teleexpertiseExpert.availability.invalid')}
          </Alert>
        ) : null}
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t('teleexpertiseExpert.availability.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
