import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../api/errorMessage.ts';
import { cancelRequest, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';

/** The requester withdraws the request, after saying yes to a confirmation (it cannot be undone). */
export function CancelRequest({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useMutation({
    mutationFn: () => cancelRequest(requestId),
    onSuccess: async () => {
      close();
      notifications.show({ message: t('teleexpertise.view.cancel.done') });
      await queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.requestsAll });
    },
  });
  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        {t('teleexpertise.view.cancel.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('teleexpertise.view.cancel.title')} centered>
        <Stack>
          <Text>{t('teleexpertise.view.cancel.text')}</Text>
          {cancel.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, cancel.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('teleexpertise.view.cancel.keep')}
            </Button>
            <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('teleexpertise.view.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
