import type { DirectoryEntry } from '@liaison/core/api/directory';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryKeys, removeEntry } from '../../../../api/directory.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';

/** A removal is a proposal too: the entry stays published until a technician agrees. */
export function RemoveEntryModal({
  organisationId,
  entry,
  onClose,
}: {
  organisationId: string;
  entry: DirectoryEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = entry ? entryDisplayName(entry.fields) : '';
  const remove = useMutation({
    mutationFn: (target: DirectoryEntry) => removeEntry(organisationId, target.id),
    onSuccess: async () => {
      notifications.show({ color: 'orange', message: t('directory.admin.removeSent', { name }) });
      onClose();
      await queryClient.invalidateQueries({ queryKey: directoryKeys.organisation(organisationId) });
    },
  });
  return (
    <Modal
      opened={entry !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('directory.admin.removeTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('directory.admin.removeText')}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => entry && remove.mutate(entry)}>
            {t('directory.admin.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
