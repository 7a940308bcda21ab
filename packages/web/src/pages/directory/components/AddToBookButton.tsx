import type { Me } from '@liaison/core/api/index';
import type { DirectoryEntry } from '@liaison/core/api/directory';
import { Badge, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addressBookKeys, addToAddressBook, type BookOwner } from '../../../api/addressBook.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { entryDisplayName } from '@liaison/core/directory/entryRules';

interface Props {
  me: Me;
  entry: DirectoryEntry;
  /** Already in the person's own book. */
  inBook: boolean;
}

/**
 * Adds an entry to the person's book or, for a secretary working for a service, to a shared mailbox's
 * book (a menu then asks which).
 */
export function AddToBookButton({ me, entry, inBook }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = entryDisplayName(entry.fields);
  const sharedBooks = me.mailboxes.filter((mailbox) => mailbox.kind !== 'PER').map((m) => m.address);
  const add = useMutation({
    mutationFn: (mailbox: BookOwner) =>
      addToAddressBook({ entryId: entry.id, ...(mailbox ? { mailbox } : {}) }),
    onSuccess: async (_result, mailbox) => {
      notifications.show({ color: 'green', message: t('directory.book.added', { name }) });
      await queryClient.invalidateQueries({ queryKey: addressBookKeys.book(mailbox) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  if (inBook && sharedBooks.length === 0) {
    return (
      <Badge variant="outline" color="green" tt="none" size="lg" data-testid="in-book">
        {t('directory.book.inBook')}
      </Badge>
    );
  }
  const label = t('directory.book.addLabel', { name });
  if (sharedBooks.length === 0) {
    return (
      <Button
        size="xs"
        variant="light"
        aria-label={label}
        loading={add.isPending}
        onClick={() => add.mutate(null)}
      >
        {t('directory.book.add')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" aria-label={label} loading={add.isPending}>
          {t('directory.book.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('directory.book.chooseBook')}</Menu.Label>
        <Menu.Item disabled={inBook} onClick={() => add.mutate(null)}>
          {t('directory.book.personal')}
        </Menu.Item>
        {sharedBooks.map((address) => (
          <Menu.Item key={address} onClick={() => add.mutate(address)}>
            {t('directory.book.shared', { address })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
