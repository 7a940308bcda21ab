import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../api/devices.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Props {
  device: Device | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (device: Device) => void;
}

/** Revoking ends the device's sessions at once: always confirmed, with a word when it is this browser. */
export function RevokeDeviceModal({ device, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={device !== null}
      onClose={onClose}
      title={device ? t('keys.devices.revokeTitle', { name: device.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack gap="md">
        <Text>{t('keys.devices.revokeText')}</Text>
        {device?.current ? (
          <Alert color="orange" variant="light">
            {t('keys.devices.revokeCurrent')}
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={pending}
            onClick={() => {
              if (device) onConfirm(device);
            }}
          >
            {t('keys.devices.confirmRevoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
