import type { AddressBookItem } from '@liaison/core/api/directory';
import type { Me } from '@liaison/core/api/index';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { normaliseForSearch } from '@liaison/core/directory/searchText';
import { Anchor, Button, EmptyState, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  addressBookDownloadUrl,
  addressBookKeys,
  fetchAddressBook,
  removeAddressBookItem,
  updateAddressBookItem,
  type BookOwner,
} from '../../../api/addressBook.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { DIRECTORY_PATH } from '../paths.ts';
import { AddressBookCard } from './AddressBookCard.tsx';
import { NoteModal } from './NoteModal.tsx';

export function AddressBookPage() {
  return <RequireSession>{(me) => <AddressBook me={me} />}</RequireSession>;
}

function matches(item: AddressBookItem, filter: string): boolean {
  if (filter === '') return true;
  const haystack = normaliseForSearch(
    [
      entryDisplayName(item.entry.fields),
      item.entry.organisationName,
      item.note ?? '',
      ...item.entry.fields.mailboxes.map((m) => m.address),
    ].join(' '),
  );
  return normaliseForSearch(filter)
    .split(' ')
    .every((word) => haystack.includes(word));
}

/** The person's correspondents, or a shared mailbox's when they work for a service. */
function AddressBook({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('directory.addressBook.title'));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const shared = me.mailboxes.filter((mailbox) => mailbox.kind !== 'PER').map((mailbox) => mailbox.address);
  const requested = params.get('mailbox');
  const owner: BookOwner = requested && shared.includes(requested) ? requested : null;
  const [filter, setFilter] = useState('');
  const [noting, setNoting] = useState<AddressBookItem | null>(null);
  const book = useQuery({ queryKey: addressBookKeys.book(owner), queryFn: () => fetchAddressBook(owner) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: addressBookKeys.book(owner) });

  const saveNote = useMutation({
    mutationFn: ({ item, note }: { item: AddressBookItem; note: string }) =>
      updateAddressBookItem(item.id, { note: note === '' ? null : note }),
    onSuccess: async () => {
      setNoting(null);
      notifications.show({ color: 'green', message: t('directory.addressBook.noteSaved') });
      await refresh();
    },
  });
  const acknowledge = useMutation({
    mutationFn: (item: AddressBookItem) => updateAddressBookItem(item.id, { acknowledge: true }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (item: AddressBookItem) => removeAddressBookItem(item.id),
    onSuccess: async (_result, item) => {
      notifications.show({
        message: t('directory.addressBook.removed', { name: entryDisplayName(item.entry.fields) }),
      });
      await refresh();
    },
  });

  const items = book.data ?? [];
  const shown = items.filter((item) => matches(item, filter.trim()));
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1}>{t('directory.addressBook.title')}</Title>
        <Text c="dimmed">{t('directory.addressBook.intro')}</Text>
      </Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          {shared.length > 0 ? (
            <Select
              label={t('directory.addressBook.book')}
              data={[
                { value: '', label: t('directory.book.personal') },
                ...shared.map((address) => ({
                  value: address,
                  label: t('directory.book.shared', { address }),
                })),
              ]}
              value={owner ?? ''}
              onChange={(value) => setParams(value ? { mailbox: value } : {}, { replace: true })}
              allowDeselect={false}
              w={{ base: '100%', xs: 340 }}
            />
          ) : null}
          {items.length > 8 ? (
            <TextInput
              type="search"
              label={t('directory.addressBook.filter')}
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              w={{ base: '100%', xs: 260 }}
            />
          ) : null}
        </Group>
        {items.length > 0 ? (
          <Group gap="md">
            <Anchor href={addressBookDownloadUrl('vcf', owner)} download size="sm">
              {t('directory.addressBook.downloadVcf')}
            </Anchor>
            <Anchor href={addressBookDownloadUrl('csv', owner)} download size="sm">
              {t('directory.addressBook.downloadCsv')}
            </Anchor>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={book.error ?? acknowledge.error ?? remove.error} />
      {book.isPending ? <Loading /> : null}
      {book.data?.length === 0 ? (
        <EmptyState
          title={t('directory.addressBook.empty')}
          description={t('directory.addressBook.emptyHelp')}
          data-testid="book-empty"
        >
          <EmptyState.Actions>
            <Button component={Link} to={DIRECTORY_PATH}>
              {t('directory.addressBook.openDirectory')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('directory.addressBook.caption', { count: shown.length })}
          </Text>
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('directory.addressBook.title')}
          >
            {shown.map((item) => (
              <li key={item.id}>
                <AddressBookCard
                  me={me}
                  item={item}
                  busy={acknowledge.isPending && acknowledge.variables?.id === item.id}
                  onEditNote={(target) => {
                    saveNote.reset();
                    setNoting(target);
                  }}
                  onRemove={(target) => remove.mutate(target)}
                  onAcknowledge={(target) => acknowledge.mutate(target)}
                />
              </li>
            ))}
          </Stack>
        </Stack>
      ) : null}
      <NoteModal
        item={noting}
        pending={saveNote.isPending}
        error={saveNote.error}
        onClose={() => setNoting(null)}
        onSave={(item, note) => saveNote.mutate({ item, note })}
      />
    </Stack>
  );
}
