import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchingPreset, PERIOD_PRESETS, periodProblem, presetPeriod, type Period } from './period.ts';

interface Props {
  /** The period shown now; the inputs start from it. */
  value: Period;
  onApply: (period: Period) => void;
}

/**
 * Two dates and « Afficher », plus one-click presets. The period is checked here with the server's own
 * sentences, so an impossible period is explained at once instead of after a round trip.
 */
export function PeriodPicker({ value, onApply }: Props) {
  const { t } = useTranslation();
  const legendId = useId();
  const [draft, setDraft] = useState<Period>(value);
  // A period typed into the address by hand is checked too, before anything is asked of the server.
  const [problem, setProblem] = useState(() => periodProblem(value));
  const chosen = matchingPreset(value);

  const apply = (period: Period) => {
    const found = periodProblem(period);
    setProblem(found);
    if (found === null) onApply(period);
  };

  return (
    <Paper component="section" aria-labelledby={legendId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text id={legendId} fw={600}>
          {t('stats.period.legend')}
        </Text>
        <Group gap="xs" role="group" aria-label={t('stats.period.presetsLabel')}>
          {PERIOD_PRESETS.map((preset) => (
            <Button
              key={preset}
              size="xs"
              variant={chosen === preset ? 'filled' : 'default'}
              aria-pressed={chosen === preset}
              onClick={() => {
                const period = presetPeriod(preset);
                setDraft(period);
                apply(period);
              }}
            >
              {t(`stats.period.presets.${preset}`)}
            </Button>
          ))}
        </Group>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <Group gap="sm" align="flex-end">
            <TextInput
              type="date"
              label={t('stats.period.from')}
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
              required
              error={problem !== null}
              data-testid="stats-from"
            />
            <TextInput
              type="date"
              label={t('stats.period.to')}
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
              required
              error={problem !== null}
              data-testid="stats-to"
            />
            <Button type="submit">{t('stats.period.show')}</Button>
          </Group>
        </form>
        <div aria-live="assertive" aria-atomic="true">
          {problem ? (
            <Text c="red.8" size="sm" fw={500} data-testid="stats-period-error">
              {t(`errors.${problem}`)}
            </Text>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
