import type { DirectoryEntry } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  directoryKeys,
  exportUrl,
  fetchOrganisationEntries,
  fetchOrganisationSubmissions,
} from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { Loading } from '../../../../components/Loading.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import { EntryFormModal, type EntryFormTarget } from './EntryFormModal.tsx';
import { RemoveEntryModal } from './RemoveEntryModal.tsx';

function matches(entry: DirectoryEntry, filter: string): boolean {
  if (filter === '') return true;
  const haystack = normaliseForSearch(
    [
      entryDisplayName(entry.fields),
      entry.fields.nationalId ?? '',
      ...entry.fields.mailboxes.map((m) => m.address),
    ].join(' '),
  );
  return normaliseForSearch(filter)
    .split(' ')
    .every((word) => haystack.includes(word));
}

export function EntriesSection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<EntryFormTarget | null>(null);
  const [removing, setRemoving] = useState<DirectoryEntry | null>(null);
  const [filter, setFilter] = useState('');
  const entries = useQuery({
    queryKey: directoryKeys.organisationEntries(organisationId),
    queryFn: () => fetchOrganisationEntries(organisationId),
  });
  // The proposals, so that editing an entry with a change waiting starts from that change.
  const submissions = useQuery({
    queryKey: directoryKeys.organisationSubmissions(organisationId),
    queryFn: () => fetchOrganisationSubmissions(organisationId),
  });

  const edit = (entry: DirectoryEntry) => {
    const pending = submissions.data?.find(
      (s) => s.id === entry.pendingSubmissionId && s.action !== 'remove',
    );
    setEditing({ entry, start: pending?.fields ?? entry.fields });
  };
  const shown = (entries.data ?? []).filter((entry) => matches(entry, filter.trim()));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm">
          <Button onClick={() => setEditing({ entry: null, start: null })}>
            {t('directory.admin.newEntry')}
          </Button>
          <Anchor href={exportUrl('csv', { organisationId })} download size="sm">
            {t('directory.admin.exportCsv')}
          </Anchor>
        </Group>
        {entries.data && entries.data.length > 5 ? (
          <TextInput
            type="search"
            label={t('directory.admin.filter')}
            placeholder={t('directory.admin.filterPlaceholder')}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
        ) : null}
      </Group>
      <ErrorAlert error={entries.error} />
      {entries.isPending ? <Loading /> : null}
      {entries.data?.length === 0 ? (
        <Text c="dimmed" data-testid="directory-entries-empty">
          {t('directory.admin.empty')}
        </Text>
      ) : null}
      {entries.data && entries.data.length > 0 ? (
        <EntriesTable entries={shown} onEdit={edit} onRemove={setRemoving} />
      ) : null}
      <EntryFormModal organisationId={organisationId} target={editing} onClose={() => setEditing(null)} />
      <RemoveEntryModal organisationId={organisationId} entry={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
