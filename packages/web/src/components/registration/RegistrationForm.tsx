import type { Registration } from '@liaison/core/api/index';
import { Button, Fieldset, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchCharter, submitRegistration } from '../../api/accounts.ts';
import { queryKeys } from '../../api/keys.ts';
import { markServerFieldErrors } from '../../lib/serverFieldErrors.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CharterBox } from './CharterBox.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { ProfessionalFields } from './ProfessionalFields.tsx';
import {
  initialValues,
  needsProfessionalFields,
  SELF_ROLES,
  STAFF_ROLES,
  toRequest,
  validation,
  type RegistrationMode,
  type RegistrationRole,
  type RegistrationValues,
} from './values.ts';

interface Props {
  /** `self`: a person asks for their own account. `staff`: an establishment admin registers a colleague. */
  mode: RegistrationMode;
  /** Fixed for staff registrations: an admin registers people of their own establishment only. */
  organisationId?: string;
  onRegistered: (registration: Registration) => void;
}

function isRole(value: string | null, allowed: RegistrationRole[]): value is RegistrationRole {
  return value !== null && (allowed as string[]).includes(value);
}

export function RegistrationForm({ mode, organisationId, onRegistered }: Props) {
  const { t, i18n } = useTranslation();
  const charter = useQuery({
    queryKey: queryKeys.charter(i18n.language),
    queryFn: () => fetchCharter(i18n.language),
    staleTime: 5 * 60_000,
  });
  const roles = mode === 'self' ? SELF_ROLES : STAFF_ROLES;

  const form = useForm<RegistrationValues>({
    mode: 'controlled',
    initialValues: initialValues(organisationId ?? null),
    validate: validation(t, mode),
  });

  const mutation = useMutation({
    mutationFn: submitRegistration,
    onSuccess: onRegistered,
    onError: (error) =>
      markServerFieldErrors(
        error,
        Object.keys(form.getValues()),
        form.setFieldError,
        t('validation.refused'),
      ),
  });
  const values = form.getValues();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => {
        if (!charter.data) return;
        mutation.mutate(toRequest(submitted, mode, charter.data.version));
      })}
    >
      <Stack gap="lg">
        <Fieldset legend={t('register.sectionIdentity')}>
          <Stack gap="md">
            <Select
              label={mode === 'self' ? t('register.role') : t('staff.role')}
              data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              allowDeselect={false}
              required
              data-testid="role"
              value={values.role}
              onChange={(value) => {
                if (isRole(value, roles)) form.setFieldValue('role', value);
              }}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.firstName')}
                autoComplete={mode === 'self' ? 'given-name' : 'off'}
                required
                {...form.getInputProps('firstName')}
              />
              <TextInput
                label={t('fields.lastName')}
                autoComplete={mode === 'self' ? 'family-name' : 'off'}
                required
                {...form.getInputProps('lastName')}
              />
            </SimpleGrid>
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete={mode === 'self' ? 'email' : 'off'}
              required
              {...form.getInputProps('email')}
            />
          </Stack>
        </Fieldset>

        {mode === 'self' ? (
          <Fieldset legend={t('register.sectionAccount')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordInput
                label={t('fields.password')}
                description={t('fields.passwordHelp')}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label={t('fields.confirmPassword')}
                autoComplete="new-password"
                required
                {...form.getInputProps('confirmPassword')}
              />
            </SimpleGrid>
          </Fieldset>
        ) : null}

        {needsProfessionalFields(values.role) || mode === 'self' ? (
          <Fieldset legend={t('register.sectionProfession')}>
            <Stack gap="md">
              {needsProfessionalFields(values.role) ? <ProfessionalFields form={form} /> : null}
              {mode === 'self' ? (
                <OrganisationPicker
                  value={values.organisationId}
                  onChange={(value) => form.setFieldValue('organisationId', value)}
                />
              ) : null}
            </Stack>
          </Fieldset>
        ) : null}

        <Fieldset legend={t('register.sectionCharter')}>
          {charter.data ? (
            <CharterBox
              charter={charter.data}
              acceptLabel={mode === 'self' ? t('register.charterAccept') : t('staff.charterAccept')}
              checkboxProps={form.getInputProps('charterAccepted', { type: 'checkbox' })}
            />
          ) : (
            <Text c="dimmed">{t('register.charterLoading')}</Text>
          )}
          <ErrorAlert error={charter.error} />
        </Fieldset>

        <ErrorAlert error={mutation.error} />
        <Button type="submit" loading={mutation.isPending} disabled={!charter.data} size="md">
          {mode === 'self' ? t('register.submit') : t('staff.submit')}
        </Button>
      </Stack>
    </form>
  );
}
