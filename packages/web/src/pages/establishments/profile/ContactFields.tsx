import { Fieldset, Group, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MissingHint } from './MissingHint.tsx';
import type { ProfileValues } from './profileValues.ts';

interface Props {
  form: UseFormReturnType<ProfileValues>;
  field: 'adminReferent' | 'itHead';
  legend: string;
  missing: boolean;
  readOnly: boolean;
}

/** A named contact person (name, email, phone) of the establishment. */
export function ContactFields({ form, field, legend, missing, readOnly }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset
      variant="filled"
      className={missing ? 'field-missing' : undefined}
      legend={
        <Group gap="xs" component="span">
          {legend}
          {missing ? <MissingHint /> : null}
        </Group>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('establishment.contactName')}
          readOnly={readOnly}
          {...form.getInputProps(`${field}.name`)}
        />
        <TextInput
          label={t('establishment.contactEmail')}
          type="email"
          readOnly={readOnly}
          {...form.getInputProps(`${field}.email`)}
        />
        <TextInput
          label={t('establishment.contactPhone')}
          type="tel"
          readOnly={readOnly}
          {...form.getInputProps(`${field}.phone`)}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
