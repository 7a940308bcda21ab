import type { AddressBookItem } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

interface Props {
  item: AddressBookItem | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (item: AddressBookItem, note: string) => void;
}

/** A private note on a correspondent (opening hours, preferences); never published. */
export function NoteModal({ item, pending, error, onClose, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t('directory.addressBook.noteTitle', { name: entryDisplayName(item.entry.fields) }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item ? (
        <NoteForm
          key={item.id}
          initial={item.note ?? ''}
          pending={pending}
          error={error}
          onCancel={onClose}
          onSave={(note) => onSave(item, note)}
        />
      ) : null}
    </Modal>
  );
}

function NoteForm({
  initial,
  pending,
  error,
  onCancel,
  onSave,
}: {
  initial: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(note.trim());
      }}
    >
      <Stack gap="md">
        <Textarea
          label={t('directory.addressBook.note')}
          placeholder={t('directory.addressBook.notePlaceholder')}
          autosize
          minRows={3}
          maxLength={500}
          data-autofocus
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
