import { ORGANISATION_KINDS, type OrganisationKind } from '@liaison/core/api/index';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/keys.ts';
import { createOrganisation } from '../../api/organisations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { finessError, normaliseId } from '../../lib/validators.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * Creation asks only for what identifies an establishment; the rest of the profile is completed on
 * its own page, where missing fields are highlighted.
 */
export function CreateOrganisationModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<{ kind: OrganisationKind; name: string; finess: string; city: string }>({
    mode: 'controlled',
    initialValues: { kind: 'hospital', name: '', finess: '', city: '' },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      finess: (value) => finessError(t, value),
    },
  });
  const create = useMutation({
    mutationFn: createOrganisation,
    onSuccess: async (organisation) => {
      notifications.show({
        color: 'green',
        message: t('establishments.created', { name: organisation.name }),
      });
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.organisationsAll });
      await navigate(`/establishments/${organisation.id}`);
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('establishments.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate({
            kind: values.kind,
            name: values.name.trim(),
            finess: values.finess.trim() ? normaliseId('finess', values.finess) : null,
            city: values.city.trim() || null,
          }),
        )}
      >
        <Stack gap="md">
          <Select
            label={t('establishment.fields.kind')}
            data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
            allowDeselect={false}
            required
            value={form.getValues().kind}
            onChange={(value) => {
              const kind = ORGANISATION_KINDS.find((candidate) => candidate === value);
              if (kind) form.setFieldValue('kind', kind);
            }}
          />
          <TextInput
            label={t('establishment.fields.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('establishment.fields.finess')} {...form.getInputProps('finess')} />
            <TextInput label={t('establishment.fields.city')} {...form.getInputProps('city')} />
          </SimpleGrid>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('establishments.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
