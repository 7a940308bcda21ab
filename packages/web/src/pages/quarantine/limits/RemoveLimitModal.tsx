import type { SenderLimit } from '@liaison/core/api/usage';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quarantineKeys, removeSenderLimit } from '../../../api/quarantine.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

/** Back to the server defaults for one mailbox, after a confirmation. */
export function RemoveLimitModal({ limit, onClose }: { limit: SenderLimit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const address = limit?.address ?? '';
  const remove = useMutation({
    mutationFn: (target: SenderLimit) => removeSenderLimit(target.address),
    onSuccess: async (_result, target) => {
      notifications.show({
        color: 'green',
        message: t('quarantine.limits.removed', { address: target.address }),
      });
      onClose();
      await queryClient.invalidateQueries({ queryKey: quarantineKeys.limits });
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={limit !== null}
      onClose={close}
      title={t('quarantine.limits.removeTitle', { address })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('quarantine.limits.removeText')}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => limit && remove.mutate(limit)}>
            {t('quarantine.limits.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
