import { Anchor, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmTotp, enrolTotp } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QrCodeImage } from '../../components/QrCodeImage.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** Groups the base32 secret by four so it can be read aloud and typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function TotpEnrolPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  usePageTitle(recoveryCodes ? t('totp.recoveryTitle') : t('totp.title'));

  // A query rather than an effect: it is asked once even when React mounts the page twice in
  // development, and a second call would replace the secret the person is scanning.
  const enrolment = useQuery({
    queryKey: queryKeys.totpEnrolment,
    queryFn: enrolTotp,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    enabled: recoveryCodes === null,
  });

  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^[0-9]{6}$/.test(value.trim()) ? null : t('validation.totpDigits')) },
  });

  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: async (result) => {
      setRecoveryCodes(result.recoveryCodes);
      queryClient.removeQueries({ queryKey: queryKeys.totpEnrolment });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;

  return (
    <AuthCard title={t('totp.title')} intro={t('totp.intro')} width={520}>
      {enrolment.isPending ? <Loading /> : null}
      <ErrorAlert error={enrolment.error} />
      {isApiError(enrolment.error) && enrolment.error.status === 401 ? (
        <Anchor component={Link} to="/login">
          {t('common.backToLogin')}
        </Anchor>
      ) : null}
      {enrolment.data ? (
        <Stack gap="md">
          <Text>{t('totp.step1')}</Text>
          <Group justify="center">
            <QrCodeImage value={enrolment.data.otpauthUrl} alt={t('totp.qrAlt')} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" c="dimmed" id="totp-secret-label">
              {t('totp.secretLabel')}
            </Text>
            <Code
              block
              fz="md"
              aria-labelledby="totp-secret-label"
              data-testid="totp-secret"
              data-secret={enrolment.data.secret}
              style={{ letterSpacing: '0.08em', userSelect: 'all' }}
            >
              {groupSecret(enrolment.data.secret)}
            </Code>
          </Stack>
          <form noValidate onSubmit={form.onSubmit(({ code }) => confirm.mutate(code.trim()))}>
            <Stack gap="md">
              <Text>{t('totp.step2')}</Text>
              <TextInput
                label={t('totp.codeLabel')}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                required
                {...form.getInputProps('code')}
              />
              <ErrorAlert error={confirm.error} />
              <Button type="submit" loading={confirm.isPending} fullWidth>
                {t('totp.confirm')}
              </Button>
            </Stack>
          </form>
        </Stack>
      ) : null}
    </AuthCard>
  );
}
