import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveDevice, type Device } from '../../api/devices.ts';
import { queryKeys } from '../../api/keys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { APPROVAL_CODE_PATTERN, formatApprovalCode } from '../../lib/approvalCodeStore.ts';

/**
 * Typed on an approved device: the 6-digit code the new device shows (the server checks it is one of
 * the same person's devices). `waiting` lists the devices of this person that wait, as a reminder.
 */
export function ApproveDeviceForm({ waiting }: { waiting: Device[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: (code: string) => approveDevice(formatApprovalCode(code)),
    onSuccess: async (device) => {
      form.reset();
      notifications.show({ color: 'green', message: t('keys.approve.approved', { name: device.name }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (value) => (APPROVAL_CODE_PATTERN.test(value.trim()) ? null : t('keys.approve.invalid')),
    },
    // A refusal is about the code that was sent: once the person types again, it no longer applies.
    onValuesChange: () => {
      if (approve.isError) approve.reset();
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit(({ code }) => approve.mutate(code.trim()))}>
      <Stack gap="sm" data-testid="approve-device">
        <Title order={3} size="h5">
          {t('keys.approve.title')}
        </Title>
        <Text size="sm">{t('keys.approve.intro')}</Text>
        {waiting.length > 0 ? (
          <Alert color="orange" variant="light" data-testid="devices-waiting">
            {t('keys.approve.waiting', {
              count: waiting.length,
              names: waiting.map((device) => t('keys.approve.quotedName', { name: device.name })).join(', '),
            })}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('keys.approve.code')}
            description={t('keys.approve.codeHelp')}
            autoComplete="off"
            inputMode="numeric"
            maxLength={7}
            required
            w={360}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={approve.isPending}>
            {t('keys.approve.submit')}
          </Button>
        </Group>
        <ErrorAlert error={approve.error} />
      </Stack>
    </form>
  );
}
