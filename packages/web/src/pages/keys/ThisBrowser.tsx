import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { registerDevice, revokeDevice, type Device } from '../../api/devices.ts';
import { queryKeys } from '../../api/keys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import {
  forgetApprovalCodes,
  formatApprovalCode,
  recallApprovalCode,
  rememberApprovalCode,
} from '../../lib/approvalCodeStore.ts';
import { DEVICE_NAME_MAX, guessBrowser } from '../../lib/deviceName.ts';

/** Registers this browser and keeps the approval code for this tab (the server shows it only once). */
function useRegisterDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, replacing }: { name: string; replacing?: Device }) => {
      const registered = await registerDevice(name);
      if (registered.approvalCode) rememberApprovalCode(registered.device.id, registered.approvalCode);
      // The session is bound to the new device now, so the old pending one can go without ending it.
      if (replacing) await revokeDevice(replacing.id);
      return registered;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices }),
  });
}

export function ThisBrowser({ device }: { device: Device | null }) {
  const { t } = useTranslation();
  const active = device?.status === 'active';
  // Once approved, the code shown while waiting is of no use: do not leave it in the tab's storage.
  useEffect(() => {
    if (active) forgetApprovalCodes();
  }, [active]);

  if (!device) return <RegisterForm />;
  if (device.status === 'pending') return <PendingApproval device={device} />;
  return (
    <Alert color="green" variant="light" data-testid="device-active">
      {t('keys.device.active', { name: device.name })}
    </Alert>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const register = useRegisterDevice();
  const guess = guessBrowser(navigator.userAgent);
  const form = useForm({
    initialValues: {
      name: t('keys.device.defaultName', {
        browser: guess.browser ?? t('keys.device.unknownBrowser'),
        os: guess.os ?? t('keys.device.unknownOs'),
      }),
    },
    validate: { name: (value) => (value.trim().length === 0 ? t('validation.required') : null) },
  });

  return (
    <form noValidate onSubmit={form.onSubmit(({ name }) => register.mutate({ name: name.trim() }))}>
      <Stack gap="md" maw={520}>
        <Text>{t('keys.device.registerIntro')}</Text>
        <TextInput
          label={t('keys.device.name')}
          description={t('keys.device.nameHelp')}
          maxLength={DEVICE_NAME_MAX}
          required
          {...form.getInputProps('name')}
        />
        <ErrorAlert error={register.error} />
        <Button type="submit" loading={register.isPending} w="fit-content">
          {t('keys.device.register')}
        </Button>
      </Stack>
    </form>
  );
}

function PendingApproval({ device }: { device: Device }) {
  const { t } = useTranslation();
  const register = useRegisterDevice();
  const code = recallApprovalCode(device.id);

  if (!code) {
    return (
      <Stack gap="md" maw={620}>
        <Text>{t('keys.device.codeLost')}</Text>
        <ErrorAlert error={register.error} />
        <Button
          w="fit-content"
          loading={register.isPending}
          onClick={() => register.mutate({ name: device.name, replacing: device })}
        >
          {t('keys.device.newCode')}
        </Button>
      </Stack>
    );
  }

  const formatted = formatApprovalCode(code);
  return (
    <Stack gap="md" maw={720}>
      <Text fw={600} size="lg">
        {t('keys.device.pendingTitle')}
      </Text>
      <Text>{t('keys.device.pendingText')}</Text>
      <Paper withBorder radius="md" p="lg" bg="liaison.0" w="fit-content">
        {/* Read digit by digit by screen readers ("1 2 3…"), not as "one hundred twenty-three". */}
        <VisuallyHidden>
          {t('keys.device.codeAria', { digits: formatted.replace(/\D/g, '').split('').join(' ') })}
        </VisuallyHidden>
        <Text
          aria-hidden
          data-testid="approval-code"
          data-code={formatted}
          ff="monospace"
          fw={700}
          fz={44}
          lh={1}
          c="liaison.9"
          style={{ letterSpacing: '0.12em', whiteSpace: 'nowrap' }}
        >
          {formatted}
        </Text>
      </Paper>
      <Group gap="xs" wrap="nowrap" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('keys.device.pendingWaiting')}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('keys.device.pendingHelp')}
      </Text>
    </Stack>
  );
}
