import { Button, Collapse, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeaderWarningCode } from '../message/hprimWarnings.ts';
import { nirComplete, type PatientField, type PatientValues } from './composeValues.ts';

interface Props {
  value: PatientValues;
  onChange: (field: PatientField, value: string) => void;
  errors: Partial<Record<PatientField, HeaderWarningCode>>;
  /** After a send attempt every error shows; before, only those of fields the person has left. */
  showAll: boolean;
}

const OPTIONAL_FIELDS: PatientField[] = ['patientId', 'address1', 'address2', 'postalCode', 'city'];

/**
 * The patient's HPRIM header: who the letter is filed under at the recipient's. Checked as typed by
 * the HPRIM core (NIR key, real and past dates); an error shows once the field is left, and the NIR's
 * as soon as its 15 characters are in.
 */
export function PatientFields({ value, onChange, errors, showAll }: Props) {
  const { t } = useTranslation();
  const [left, setLeft] = useState<Set<PatientField>>(new Set());
  const [addressOpen, setAddressOpen] = useState(OPTIONAL_FIELDS.some((field) => value[field] !== ''));

  const errorOf = (field: PatientField): string | undefined => {
    const code = errors[field];
    if (!code) return undefined;
    const live = field === 'nir' && nirComplete(value.nir) && code === 'HPRIM_NIR_KEY';
    if (!showAll && !left.has(field) && !live) return undefined;
    if (code === 'HPRIM_DATE_INVALID' && field === 'birthDate') return t('mail.compose.hprim.birthDate');
    return t(`mail.compose.hprim.${code}`);
  };

  const input = (
    field: PatientField,
    extra: { required?: boolean; description?: string; day?: boolean } = {},
  ) => (
    <TextInput
      label={t(`mail.compose.fields.${field}`)}
      value={value[field]}
      onChange={(event) => onChange(field, event.currentTarget.value)}
      onBlur={() => setLeft((previous) => new Set(previous).add(field))}
      error={errorOf(field)}
      required={extra.required}
      description={extra.description}
      placeholder={extra.day ? t('mail.compose.dayPlaceholder') : undefined}
      inputMode={extra.day ? 'numeric' : undefined}
      maxLength={extra.day ? 10 : undefined}
      autoComplete="off"
      data-testid={`patient-${field}`}
    />
  );

  const nirOk = value.nir.trim() !== '' && nirComplete(value.nir) && errors.nir === undefined;
  return (
    <Fieldset legend={t('mail.compose.patientSection')} data-testid="patient-fields">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {input('lastName', { required: true })}
          {input('firstName', { required: true })}
          {input('birthDate', { required: true, day: true })}
          <Stack gap={2}>
            {input('nir', { description: t('mail.compose.nirHelp') })}
            {nirOk ? (
              <Text size="xs" c="green.8" fw={600} aria-live="polite" data-testid="nir-ok">
                ✓ {t('mail.compose.nirValid')}
              </Text>
            ) : null}
          </Stack>
          {input('fileNumber')}
          {input('documentDate', { day: true })}
        </SimpleGrid>
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => setAddressOpen((open) => !open)}
          aria-expanded={addressOpen}
        >
          {addressOpen ? t('mail.compose.addressHide') : t('mail.compose.addressShow')}
        </Button>
        <Collapse expanded={addressOpen}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {input('patientId')}
            {input('address1')}
            {input('address2')}
            {input('postalCode')}
            {input('city')}
          </SimpleGrid>
        </Collapse>
      </Stack>
    </Fieldset>
  );
}
