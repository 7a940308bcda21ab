import { ORGANISATION_KINDS, type Organisation } from '@liaison/core/api/index';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/keys.ts';
import { updateOrganisation } from '../../../api/organisations.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { markServerFieldErrors } from '../../../lib/serverFieldErrors.ts';
import { ContactFields } from './ContactFields.tsx';
import { MissingHint } from './MissingHint.tsx';
import {
  isProfileField,
  PROFILE_FIELDS,
  profileValidation,
  toInput,
  toValues,
  type ProfileField,
  type ProfileValues,
} from './profileValues.ts';

// Every path the server may name: top-level fields and the parts of the two contacts.
const FIELD_PATHS = [
  ...PROFILE_FIELDS,
  ...['adminReferent', 'itHead'].flatMap((contact) =>
    ['name', 'email', 'phone'].map((part) => `${contact}.${part}`),
  ),
];

interface Props {
  organisation: Organisation;
  canEdit: boolean;
}

function isEmpty(values: ProfileValues, field: ProfileField): boolean {
  const value = values[field];
  if (typeof value === 'object') return !value.name.trim();
  return String(value).trim() === '';
}

export function OrganisationProfileForm({ organisation, canEdit }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: toValues(organisation),
    validate: profileValidation(t),
  });
  const values = form.getValues();
  const serverMissing = new Set(organisation.missing.filter(isProfileField));
  // Highlight follows the form: a field stops being flagged as soon as the person fills it in.
  const missing = (field: ProfileField) => serverMissing.has(field) && isEmpty(values, field);
  const label = (field: ProfileField) => t(`establishment.fields.${field}`);
  // The hint sits in the label, so it is also part of the field's accessible name ("Ville, à compléter").
  const highlight = (field: ProfileField) => ({
    label: missing(field) ? (
      <>
        {label(field)} <MissingHint />
      </>
    ) : (
      label(field)
    ),
    className: missing(field) ? 'field-missing' : undefined,
    readOnly: !canEdit,
  });

  const save = useMutation({
    mutationFn: (input: ProfileValues) => updateOrganisation(organisation.id, toInput(input)),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.organisation(organisation.id), updated);
      form.setInitialValues(toValues(updated));
      form.resetDirty(toValues(updated));
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisationsAll });
      notifications.show({ color: 'green', message: t('establishment.saved') });
    },
    onError: (error) =>
      markServerFieldErrors(error, FIELD_PATHS, form.setFieldError, t('validation.refused')),
  });

  const missingLabels = organisation.missing.filter(isProfileField).map(label);

  return (
    <form noValidate onSubmit={form.onSubmit((submitted) => save.mutate(submitted))}>
      <Stack gap="lg">
        {missingLabels.length > 0 ? (
          <Alert color="orange" variant="light" data-testid="missing-summary">
            {t('establishment.missingSummary', { fields: missingLabels.join(', ') })}
          </Alert>
        ) : (
          <Alert color="green" variant="light">
            {t('establishment.completeSummary')}
          </Alert>
        )}
        <Fieldset legend={t('establishment.sectionGeneral')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={label('kind')}
              data={ORGANISATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`organisationKinds.${kind}`),
              }))}
              allowDeselect={false}
              required
              readOnly={!canEdit}
              value={values.kind}
              onChange={(value) => {
                const kind = ORGANISATION_KINDS.find((candidate) => candidate === value);
                if (kind) form.setFieldValue('kind', kind);
              }}
            />
            <TextInput required {...highlight('name')} {...form.getInputProps('name')} />
            <TextInput {...highlight('groupName')} {...form.getInputProps('groupName')} />
            <TextInput {...highlight('finess')} {...form.getInputProps('finess')} />
            <TextInput {...highlight('fileNumber')} {...form.getInputProps('fileNumber')} />
            <NumberInput
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...highlight('beds')}
              {...form.getInputProps('beds')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('establishment.sectionAddress')}>
          <Stack gap="md">
            <TextInput
              autoComplete="off"
              {...highlight('addressLine1')}
              {...form.getInputProps('addressLine1')}
            />
            <TextInput {...highlight('addressLine2')} {...form.getInputProps('addressLine2')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                inputMode="numeric"
                maxLength={5}
                {...highlight('postalCode')}
                {...form.getInputProps('postalCode')}
              />
              <TextInput {...highlight('city')} {...form.getInputProps('city')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('establishment.sectionContacts')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput type="tel" {...highlight('phone')} {...form.getInputProps('phone')} />
              <TextInput type="tel" {...highlight('mobilePhone')} {...form.getInputProps('mobilePhone')} />
              <TextInput
                type="email"
                {...highlight('alertMailbox')}
                {...form.getInputProps('alertMailbox')}
              />
            </SimpleGrid>
            <ContactFields
              form={form}
              field="adminReferent"
              legend={label('adminReferent')}
              missing={missing('adminReferent')}
              readOnly={!canEdit}
            />
            <ContactFields
              form={form}
              field="itHead"
              legend={label('itHead')}
              missing={missing('itHead')}
              readOnly={!canEdit}
            />
          </Stack>
        </Fieldset>
        <ErrorAlert error={save.error} />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="save-profile">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
