import type { Me } from '@liaison/core/api/index';
import { Alert, Button, Group, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import type { Certificate } from '../../api/pki.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { requiredText } from '../../lib/validators.ts';
import { restoreKeys } from './restoreFlow.ts';

interface Props {
  me: Me;
  /** The PKCS#12 backup (base64) as the server keeps it. */
  backup: string;
  /** Current certificates whose keys this browser lacks. */
  needed: Certificate[];
}

export function RestoreKeys({ me, backup, needed }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [incomplete, setIncomplete] = useState(false);
  const form = useForm({
    initialValues: { passphrase: '' },
    validate: { passphrase: requiredText(t) },
  });

  const restore = useMutation({
    mutationFn: (passphrase: string) => restoreKeys({ userId: me.id, backupBase64: backup, passphrase }),
    onSuccess: async ({ serials }) => {
      form.reset();
      const installed = new Set(serials);
      const complete = needed.every((certificate) => installed.has(certificate.serial));
      setIncomplete(!complete);
      if (complete) notifications.show({ color: 'green', message: t('keys.restore.done') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.localKeys(me.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.storagePersisted }),
      ]);
    },
    onError: () => form.setFieldValue('passphrase', ''),
  });

  return (
    <form noValidate onSubmit={form.onSubmit(({ passphrase }) => restore.mutate(passphrase))}>
      <Stack gap="md" maw={560}>
        <Text>{t('keys.restore.intro')}</Text>
        <PasswordInput
          label={t('keys.restore.passphrase')}
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('passphrase')}
        />
        <ErrorAlert error={restore.error} />
        {incomplete ? (
          <Alert color="orange" variant="light" data-testid="restore-incomplete">
            {t('keys.restore.incomplete')}
          </Alert>
        ) : null}
        <Group gap="md">
          <Button type="submit" loading={restore.isPending}>
            {t('keys.restore.submit')}
          </Button>
          {/* Mounted empty, so screen readers announce the text when it appears. */}
          <Group gap="xs" role="status">
            {restore.isPending ? (
              <>
                <Loader size="xs" aria-hidden />
                <Text size="sm">{t('keys.restore.running')}</Text>
              </>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('keys.restore.lost')}
        </Text>
      </Stack>
    </form>
  );
}
