import type { DirectoryEntry, DirectoryEntryFields } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import {
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createEntry, directoryKeys, entryProblems, updateEntry } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { professionName, professionOptions } from '../../../../lib/codes.ts';
import { accentInsensitiveFilter, problemMessage, specialtyGroups } from '../../labels.ts';
import { MailboxRows } from './MailboxRows.tsx';
import { checkValues, emptyValues, valuesFrom, type EntryFormValues } from './entryFormValues.ts';

export interface EntryFormTarget {
  /** null: a new entry. */
  entry: DirectoryEntry | null;
  /** Where the form starts: the pending proposal when one waits, else what is published. */
  start: DirectoryEntryFields | null;
}

interface Props {
  organisationId: string;
  target: EntryFormTarget | null;
  onClose: () => void;
}

export function EntryFormModal({ organisationId, target, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const title = target?.entry
    ? t('directory.form.editTitle', { name: entryDisplayName(target.entry.fields) })
    : t('directory.form.createTitle');
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={phone ?? false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target ? (
        // Keyed so that opening another entry starts a fresh form.
        <EntryForm
          key={target.entry?.id ?? 'new'}
          organisationId={organisationId}
          target={target}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function EntryForm({
  organisationId,
  target,
  onDone,
}: {
  organisationId: string;
  target: EntryFormTarget;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<EntryFormValues>(() =>
    target.start ? valuesFrom(target.start) : emptyValues(),
  );
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const { fields, problems } = checkValues(values);

  const save = useMutation({
    mutationFn: (body: DirectoryEntryFields) =>
      target.entry ? updateEntry(organisationId, target.entry.id, body) : createEntry(organisationId, body),
    onSuccess: async (_result, body) => {
      notifications.show({
        color: 'green',
        message: t('directory.form.sent', { name: entryDisplayName(body) }),
      });
      onDone();
      await queryClient.invalidateQueries({ queryKey: directoryKeys.organisation(organisationId) });
    },
  });
  const serverProblems = entryProblems(save.error);

  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const visit = (path: string) => setVisited((current) => new Set(current).add(path));

  /** A field's message once the person has left it (or tried to send), or the server's verdict. */
  const errorOf = (path: string): string | undefined => {
    const local = problems.find((p) => p.field === path);
    if (local && (submitted || visited.has(path))) {
      const row = /^mailboxes\.(\d+)\.address$/.exec(path);
      const address = row ? values.mailboxes[Number(row[1])]?.address : undefined;
      if (address !== undefined && address.trim() === '') return t('validation.required');
      return problemMessage(t, local);
    }
    const remote = serverProblems.find((p) => p.field === path);
    return remote ? problemMessage(t, remote) : undefined;
  };
  const text = (
    key: 'lastName' | 'firstName' | 'serviceName' | 'nationalId' | 'departement' | 'groupName',
  ) => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    onBlur: () => visit(key),
    error: errorOf(key),
  });

  const language = i18n.language;
  const professions = professionOptions(language);
  if (values.profession && !professions.some((option) => option.value === values.profession)) {
    professions.push({
      value: values.profession,
      label: professionName(values.profession, language) ?? values.profession,
    });
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (fields) save.mutate(fields);
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('directory.form.intro')}
        </Text>
        <Fieldset legend={t('directory.form.sectionIdentity')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('directory.fields.lastName')}
                autoComplete="off"
                data-autofocus
                {...text('lastName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('directory.fields.firstName')} autoComplete="off" {...text('firstName')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('directory.fields.serviceName')}
                description={t('directory.form.serviceHelp')}
                autoComplete="off"
                {...text('serviceName')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('directory.form.sectionPractice')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('directory.fields.profession')}
                placeholder={t('directory.form.professionPlaceholder')}
                data={professions}
                value={values.profession}
                onChange={(value) => set('profession', value)}
                searchable
                filter={accentInsensitiveFilter}
                clearable
                error={errorOf('profession')}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('directory.fields.specialty')}
                placeholder={t('directory.form.specialtyPlaceholder')}
                required
                data={specialtyGroups(t, language, target.start?.specialty)}
                value={values.specialty}
                onChange={(value) => {
                  set('specialty', value);
                  visit('specialty');
                }}
                onBlur={() => visit('specialty')}
                searchable
                filter={accentInsensitiveFilter}
                error={errorOf('specialty')}
                nothingFoundMessage={t('register.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('directory.fields.nationalId')}
                description={t('directory.form.nationalIdHelp')}
                inputMode="numeric"
                autoComplete="off"
                {...text('nationalId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label={t('directory.fields.departement')}
                description={t('directory.form.departementHelp')}
                maxLength={3}
                autoComplete="off"
                {...text('departement')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label={t('directory.fields.groupName')}
                description={t('directory.form.groupHelp')}
                autoComplete="off"
                {...text('groupName')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('directory.form.sectionMailboxes')}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('directory.form.mailboxesHelp')}
          </Text>
          <MailboxRows
            mailboxes={values.mailboxes}
            onChange={(next) => set('mailboxes', next)}
            errorOf={errorOf}
            onBlur={visit}
            listError={errorOf('mailboxes')}
          />
        </Fieldset>
        <Fieldset legend={t('directory.form.sectionOptions')}>
          <Stack gap="sm">
            <Checkbox
              label={t('directory.fields.acceptsAttachments')}
              description={t('directory.form.acceptsAttachmentsHelp')}
              checked={values.acceptsAttachments}
              onChange={(event) => set('acceptsAttachments', event.currentTarget.checked)}
            />
            <Checkbox
              label={t('directory.fields.proxyUser')}
              description={t('directory.form.proxyUserHelp')}
              checked={values.proxyUser}
              onChange={(event) => set('proxyUser', event.currentTarget.checked)}
            />
            <Checkbox
              label={t('directory.fields.unlisted')}
              description={t('directory.form.unlistedHelp')}
              checked={values.unlisted}
              onChange={(event) => set('unlisted', event.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>
        {(submitted && problems.length > 0) || serverProblems.length > 0 ? (
          <Text c="red" size="sm" role="alert">
            {t('directory.form.fixErrors')}
          </Text>
        ) : null}
        <ErrorAlert error={serverProblems.length > 0 ? null : save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="entry-form-submit">
            {target.entry ? t('directory.form.submitEdit') : t('directory.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
