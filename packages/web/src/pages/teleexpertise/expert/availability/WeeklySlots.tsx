import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  newKey,
  normaliseClock,
  slotProblem,
  WEEKDAYS,
  type SlotDraft,
  type Weekday,
} from './availabilityDraft.ts';

interface Props {
  slots: SlotDraft[];
  onChange: (slots: SlotDraft[]) => void;
}

/** One row per weekday, each with its slots (start, end) and a button to add one. */
export function WeeklySlots({ slots, onChange }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<SlotDraft>) =>
    onChange(slots.map((slot) => (slot.key === key ? { ...slot, ...patch } : slot)));
  const add = (weekday: Weekday) =>
    onChange([...slots, { key: newKey(), weekday, start: '09:00', end: '12:00' }]);
  const remove = (key: string) => onChange(slots.filter((slot) => slot.key !== key));

  return (
    <Stack gap="sm">
      {WEEKDAYS.map((weekday) => {
        const day = t(`teleexpertiseExpert.weekdays.${weekday}`);
        const ofDay = slots.filter((slot) => slot.weekday === weekday);
        return (
          <Stack
            key={weekday}
            gap={6}
            component="fieldset"
            style={{ border: 0, padding: 0, margin: 0 }}
            data-testid={`te-weekday-${weekday}`}
          >
            <Text component="legend" fw={600} size="sm">
              {day}
            </Text>
            {ofDay.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('teleexpertiseExpert.availability.noSlot')}
              </Text>
            ) : null}
            {ofDay.map((slot, index) => {
              const problem = slotProblem(slot);
              const position = { day, n: index + 1 };
              return (
                <Group key={slot.key} gap="xs" align="flex-start" wrap="wrap">
                  <TextInput
                    type="time"
                    size="sm"
                    w={120}
                    label={t('teleexpertiseExpert.availability.start')}
                    aria-label={t('teleexpertiseExpert.availability.startOf', position)}
                    value={slot.start}
                    onChange={(event) =>
                      update(slot.key, { start: normaliseClock(event.currentTarget.value) })
                    }
                  />
                  <TextInput
                    type="time"
                    size="sm"
                    w={120}
                    label={t('teleexpertiseExpert.availability.end')}
                    aria-label={t('teleexpertiseExpert.availability.endOf', position)}
                    value={slot.end}
                    onChange={(event) => update(slot.key, { end: normaliseClock(event.currentTarget.value) })}
                    error={problem ? t(`teleexpertiseExpert.availability.slotProblem.${problem}`) : undefined}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    size="sm"
                    mt={24}
                    onClick={() => remove(slot.key)}
                    aria-label={t('teleexpertiseExpert.availability.removeSlotOf', {
                      ...position,
                      start: slot.start,
                      end: slot.end,
                    })}
                  >
                    {t('teleexpertiseExpert.availability.removeSlot')}
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => add(weekday)}
                aria-label={t('teleexpertiseExpert.availability.addSlotOn', { day })}
              >
                {t('teleexpertiseExpert.availability.addSlot')}
              </Button>
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}
