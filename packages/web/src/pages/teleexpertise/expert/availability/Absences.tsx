import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format.ts';
import { absenceProblem, fromLocalInput, newKey, type AbsenceDraft } from './availabilityDraft.ts';

interface Props {
  absences: AbsenceDraft[];
  onChange: (absences: AbsenceDraft[]) => void;
}

/** Holidays and other absences: a small form to add one, and the list with a remove button each. */
export function Absences({ absences, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [tried, setTried] = useState(false);
  const problem = absenceProblem({ from, to });

  const add = () => {
    setTried(true);
    if (problem !== null) return;
    onChange([...absences, { key: newKey(), from, to, label: label.trim() }]);
    setFrom('');
    setTo('');
    setLabel('');
    setTried(false);
  };
  const shown = (value: string) => {
    const iso = fromLocalInput(value);
    return iso === null ? value : formatDateTime(iso, i18n.language);
  };

  return (
    <Stack gap="sm">
      {absences.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teleexpertiseExpert.availability.noAbsence')}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" data-testid="te-absences">
          {absences.map((absence) => {
            const range = t('teleexpertiseExpert.availability.absenceRange', {
              from: shown(absence.from),
              to: shown(absence.to),
            });
            return (
              <List.Item key={absence.key}>
                <Group gap="sm" wrap="wrap">
                  <Text size="sm">
                    {range}
                    {absence.label ? ` — ${absence.label}` : ''}
                  </Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => onChange(absences.filter((a) => a.key !== absence.key))}
                    aria-label={t('teleexpertiseExpert.availability.removeAbsenceOf', { range })}
                  >
                    {t('teleexpertiseExpert.availability.removeAbsence')}
                  </Button>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t('teleexpertiseExpert.availability.absenceFrom')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={tried && problem === 'missing' && from === '' ? t('validation.required') : undefined}
        />
        <TextInput
          type="datetime-local"
          label={t('teleexpertiseExpert.availability.absenceTo')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={
            tried && problem !== null && (problem === 'order' || to === '')
              ? t(`teleexpertiseExpert.availability.absenceProblem.${problem}`)
              : undefined
          }
        />
        <TextInput
          label={t('teleexpertiseExpert.availability.absenceLabel')}
          maxLength={120}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
        />
        <Button variant="light" mt={24} onClick={add}>
          {t('teleexpertiseExpert.availability.addAbsence')}
        </Button>
      </Group>
    </Stack>
  );
}
