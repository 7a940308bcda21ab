import { TE_QUESTION_MAX_CHARS } from '@liaison/core/teleexpertise/requestContent';
import { Fieldset, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Draft, PatientField, PatientProblems } from './draft.ts';

interface Props {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  /** Shown once the requester tried to go on (not while they type). */
  problems: PatientProblems;
}

export const patientFieldId = (field: PatientField) => `te-patient-${field}`;

/** Step 2: who the patient is, and the question to the expert. */
export function PatientStep({ draft, onChange, problems }: Props) {
  const { t } = useTranslation();
  const error = (field: PatientField, invalid?: string) =>
    problems[field] === 'required'
      ? t('validation.required')
      : problems[field] === 'invalid'
        ? (invalid ?? t('validation.refused'))
        : undefined;

  return (
    <Stack gap="lg">
      <Fieldset legend={t('teleexpertise.wizard.patient.legend')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              id={patientFieldId('lastName')}
              label={t('teleexpertise.wizard.patient.lastName')}
              withAsterisk
              autoComplete="off"
              value={draft.lastName}
              error={error('lastName')}
              onChange={(event) => onChange({ lastName: event.currentTarget.value })}
            />
            <TextInput
              id={patientFieldId('firstName')}
              label={t('teleexpertise.wizard.patient.firstName')}
              withAsterisk
              autoComplete="off"
              value={draft.firstName}
              error={error('firstName')}
              onChange={(event) => onChange({ firstName: event.currentTarget.value })}
            />
            <TextInput
              id={patientFieldId('birthDate')}
              type="date"
              label={t('teleexpertise.wizard.patient.birthDate')}
              withAsterisk
              value={draft.birthDate}
              error={error('birthDate', t('teleexpertise.wizard.patient.birthDateInvalid'))}
              onChange={(event) => onChange({ birthDate: event.currentTarget.value })}
            />
            <NativeSelect
              id={patientFieldId('sex')}
              label={t('teleexpertise.wizard.patient.sex')}
              value={draft.sex}
              onChange={(event) => onChange({ sex: event.currentTarget.value as Draft['sex'] })}
              data={[
                { value: '', label: '—' },
                { value: 'F', label: t('teleexpertise.common.sex.F') },
                { value: 'M', label: t('teleexpertise.common.sex.M') },
                { value: 'U', label: t('teleexpertise.common.sex.U') },
              ]}
            />
          </SimpleGrid>
          <TextInput
            id={patientFieldId('nir')}
            label={t('teleexpertise.wizard.patient.nir')}
            description={t('teleexpertise.wizard.patient.nirHelp')}
            inputMode="numeric"
            autoComplete="off"
            value={draft.nir}
            error={error('nir', t('teleexpertise.wizard.patient.nirInvalid'))}
            onChange={(event) => onChange({ nir: event.currentTarget.value })}
          />
        </Stack>
      </Fieldset>
      <Textarea
        id={patientFieldId('question')}
        label={t('teleexpertise.wizard.patient.question')}
        description={t('teleexpertise.wizard.patient.questionHelp')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={12}
        maxLength={TE_QUESTION_MAX_CHARS}
        value={draft.question}
        error={error('question')}
        onChange={(event) => onChange({ question: event.currentTarget.value })}
      />
    </Stack>
  );
}
