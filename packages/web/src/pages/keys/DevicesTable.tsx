import type { Me } from '@liaison/core/api/index';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { revokeDevice, type Device, type DeviceStatus } from '../../api/devices.ts';
import { queryKeys } from '../../api/keys.ts';
import { forgetKeys } from '../../keystore/keystore.ts';
import { forgetApprovalCodes } from '../../lib/approvalCodeStore.ts';
import { formatDateTime } from '../../lib/format.ts';
import { canHoldKeys } from '../../lib/secureContext.ts';
import { RevokeDeviceModal } from './RevokeDeviceModal.tsx';

const STATUS_COLOURS: Record<DeviceStatus, string> = {
  active: 'green',
  pending: 'orange',
  revoked: 'gray',
};

export function DevicesTable({ me, devices }: { me: Me; devices: Device[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [revoking, setRevoking] = useState<Device | null>(null);

  const revoke = useMutation({
    mutationFn: async (device: Device) => {
      await revokeDevice(device.id);
      // This browser's own device: its session ended with it, and keys must not outlive the revocation.
      if (device.current && canHoldKeys()) await forgetKeys(me.id);
    },
    onSuccess: async (_result, device) => {
      setRevoking(null);
      notifications.show({ color: 'orange', message: t('keys.devices.revoked', { name: device.name }) });
      if (device.current) {
        forgetApprovalCodes();
        queryClient.clear();
        await navigate('/login', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });

  if (devices.length === 0) return <Text c="dimmed">{t('keys.devices.empty')}</Text>;
  const language = i18n.language;
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" withTableBorder>
          <Table.Caption>{t('keys.devices.caption', { count: devices.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('keys.devices.name')}</Table.Th>
              <Table.Th scope="col">{t('keys.devices.kind')}</Table.Th>
              <Table.Th scope="col">{t('keys.devices.status')}</Table.Th>
              <Table.Th scope="col">{t('keys.devices.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('keys.devices.lastSeen')}</Table.Th>
              <Table.Th scope="col">{t('keys.devices.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {devices.map((device) => (
              <Table.Tr
                key={device.id}
                data-testid="device-row"
                data-status={device.status}
                data-current={device.current ? 'true' : undefined}
              >
                <Table.Th scope="row" fw={500}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{device.name}</Text>
                    {device.current ? (
                      <Badge
                        color="liaison"
                        variant="filled"
                        size="sm"
                        tt="none"
                        style={{ minWidth: 'max-content' }}
                      >
                        {t('keys.devices.thisOne')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Th>
                <Table.Td>{t(`keys.devices.kinds.${device.kind}`)}</Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLOURS[device.status]}
                    variant="light"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t(`keys.devices.statuses.${device.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(device.createdAt, language)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {device.lastSeenAt ? formatDateTime(device.lastSeenAt, language) : '—'}
                </Table.Td>
                <Table.Td>
                  {device.status === 'revoked' ? null : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={t('keys.devices.revokeLabel', { name: device.name })}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(device);
                      }}
                    >
                      {t('keys.devices.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RevokeDeviceModal
        device={revoking}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={(device) => revoke.mutate(device)}
      />
    </>
  );
}
