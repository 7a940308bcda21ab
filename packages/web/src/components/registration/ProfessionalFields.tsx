import { Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { professionOptions, specialtyOptions } from '../../lib/codes.ts';
import { RppsLookupNotice } from './RppsLookupNotice.tsx';
import type { RegistrationValues } from './values.ts';

/** National identifier, profession (TRE_G15) and specialty (TRE_R38) of a health professional. */
export function ProfessionalFields({ form }: { form: UseFormReturnType<RegistrationValues> }) {
  const { t, i18n } = useTranslation();
  const { nationalIdKind, profession } = form.getValues();
  const specialties = specialtyOptions(profession, i18n.language);

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('register.nationalIdKind')}
        required
        {...form.getInputProps('nationalIdKind')}
        onChange={(value) => form.setFieldValue('nationalIdKind', value === 'adeli' ? 'adeli' : 'rpps')}
      >
        <Group mt={6}>
          <Radio value="rpps" label={t('nationalIdKinds.rpps')} />
          <Radio value="adeli" label={t('nationalIdKinds.adeli')} />
        </Group>
      </Radio.Group>
      <TextInput
        label={`${t('register.nationalId')} ${t(`nationalIdKinds.${nationalIdKind}`)}`}
        description={
          nationalIdKind === 'rpps' ? t('register.nationalIdHelpRpps') : t('register.nationalIdHelpAdeli')
        }
        inputMode={nationalIdKind === 'rpps' ? 'numeric' : 'text'}
        autoComplete="off"
        required
        data-testid="national-id"
        {...form.getInputProps('nationalId')}
      />
      <RppsLookupNotice form={form} />
      <Select
        label={t('register.profession')}
        placeholder={t('register.professionPlaceholder')}
        data={professionOptions(i18n.language)}
        searchable
        required
        nothingFoundMessage={t('register.nothingFound')}
        data-testid="profession"
        {...form.getInputProps('profession')}
        onChange={(value: string | null) => {
          form.setFieldValue('profession', value);
          // A specialty belongs to one order; keep it only if it is still offered for the new profession.
          const keep = specialtyOptions(value, i18n.language).some(
            (option) => option.value === form.getValues().specialty,
          );
          if (!keep) form.setFieldValue('specialty', null);
        }}
      />
      {specialties.length > 0 ? (
        <Select
          label={t('register.specialty')}
          placeholder={t('register.specialtyPlaceholder')}
          data={specialties}
          searchable
          clearable
          nothingFoundMessage={t('register.nothingFound')}
          data-testid="specialty"
          {...form.getInputProps('specialty')}
        />
      ) : null}
    </Stack>
  );
}
