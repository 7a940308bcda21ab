import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseForm, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrganisationMailboxes, organisationMailboxesKey } from '../../../api/organisations.ts';
import { createService, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import {
  formOptions,
  formRefOf,
  medicalSpecialtyOptions,
  memberMailboxOptions,
  serviceMailboxOptions,
} from './adminOptions.ts';

interface Props {
  me: Me;
  organisations: readonly { id: string; name: string }[];
  services: readonly TeleexpertiseService[];
  forms: readonly TeleexpertiseForm[];
}

const toInt = (value: string | number, fallback: number) =>
  typeof value === 'number' ? value : Number.parseInt(value, 10) || fallback;

/** A new service: an establishment, one of its ORG mailboxes, a specialty, deadlines and forms. */
export function CreateServiceForm({ me, organisations, services, forms }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState<string | null>(
    organisations.length === 1 ? (organisations[0]?.id ?? null) : null,
  );
  const [mailboxId, setMailboxId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [slaHours, setSlaHours] = useState(48);
  const [acceptTimeoutHours, setAcceptTimeoutHours] = useState(4);
  const [formValues, setFormValues] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const establishmentMailboxes = useQuery({
    queryKey: organisationMailboxesKey(organisationId ?? ''),
    queryFn: () => fetchOrganisationMailboxes(organisationId ?? ''),
    enabled: organisationId !== null,
  });
  // The establishment's full list when readable; if not, the mailboxes this admin belongs to.
  const mailboxes =
    organisationId === null
      ? []
      : establishmentMailboxes.data
        ? serviceMailboxOptions(
            establishmentMailboxes.data,
            services,
            t('teleexpertiseExpert.admin.create.noKey'),
          )
        : establishmentMailboxes.isError
          ? memberMailboxOptions(me, organisationId, services)
          : [];

  const missing = {
    organisation: organisationId === null,
    mailbox: mailboxId === null,
    name: name.trim() === '',
    specialty: specialty === null,
    forms: formValues.length === 0,
  };
  const required = (gap: boolean) => (tried && gap ? t('validation.required') : undefined);

  const create = useMutation({
    mutationFn: () =>
      createService({
        organisationId: organisationId ?? '',
        mailboxId: mailboxId ?? '',
        name: name.trim(),
        specialty: specialty ?? '',
        slaHours,
        acceptTimeoutHours,
        forms: formValues.map(formRefOf),
      }),
    onSuccess: (service) => {
      void queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.services });
      void queryClient.invalidateQueries({ queryKey: organisationMailboxesKey(service.organisationId) });
      notifications.show({
        color: 'green',
        message: t('teleexpertiseExpert.admin.create.done', { name: service.name }),
      });
      setMailboxId(null);
      setName('');
      setSpecialty(null);
      setFormValues([]);
      setTried(false);
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!Object.values(missing).some(Boolean)) create.mutate();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('teleexpertiseExpert.admin.create.organisation')}
            required
            searchable
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setMailboxId(null);
            }}
            error={required(missing.organisation)}
          />
          <Select
            label={t('teleexpertiseExpert.admin.create.mailbox')}
            description={t('teleexpertiseExpert.admin.create.mailboxHelp')}
            required
            data={mailboxes}
            value={mailboxId}
            onChange={setMailboxId}
            disabled={organisationId === null || establishmentMailboxes.isLoading}
            error={required(missing.mailbox)}
          />
          <TextInput
            label={t('teleexpertiseExpert.admin.create.name')}
            placeholder={t('teleexpertiseExpert.admin.create.namePlaceholder')}
            required
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={required(missing.name)}
          />
          <Select
            label={t('teleexpertiseExpert.admin.create.specialty')}
            required
            searchable
            data={medicalSpecialtyOptions(i18n.language)}
            value={specialty}
            onChange={setSpecialty}
            error={required(missing.specialty)}
          />
          <NumberInput
            label={t('teleexpertiseExpert.admin.create.sla')}
            description={t('teleexpertiseExpert.admin.create.slaHelp')}
            min={1}
            max={24 * 30}
            allowDecimal={false}
            value={slaHours}
            onChange={(value) => setSlaHours(toInt(value, 48))}
          />
          <NumberInput
            label={t('teleexpertiseExpert.admin.create.acceptTimeout')}
            description={t('teleexpertiseExpert.admin.create.acceptTimeoutHelp')}
            min={1}
            max={24 * 7}
            allowDecimal={false}
            value={acceptTimeoutHours}
            onChange={(value) => setAcceptTimeoutHours(toInt(value, 4))}
          />
        </SimpleGrid>
        {organisationId !== null && !establishmentMailboxes.isLoading && mailboxes.length === 0 ? (
          <Text size="sm" c="orange.8">
            {t('teleexpertiseExpert.admin.create.noMailbox')}
          </Text>
        ) : null}
        <MultiSelect
          label={t('teleexpertiseExpert.admin.create.forms')}
          required
          searchable
          data={formOptions(forms)}
          value={formValues}
          onChange={setFormValues}
          error={required(missing.forms)}
        />
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('teleexpertiseExpert.admin.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
