import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { verifyTotp } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pathForStage } from '../../lib/afterLogin.ts';

// Same shape the server accepts: six digits, or a one-time recovery code "xxxx-xxxx".
const CODE = /^[0-9]{6}$|^[a-z0-9]{4}-[a-z0-9]{4}$/i;

export function TotpStep({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (CODE.test(value.replace(/\s/g, '')) ? null : t('validation.totpCode')) },
  });
  const mutation = useMutation({
    mutationFn: verifyTotp,
    onSuccess: async ({ stage }) => {
      if (stage === 'totp') return; // not expected after a verified code; stay and let the person retry
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await navigate(pathForStage(stage));
    },
  });

  return (
    <AuthCard title={t('login.totpTitle')} intro={t('login.totpIntro')}>
      <form noValidate onSubmit={form.onSubmit(({ code }) => mutation.mutate(code.replace(/\s/g, '')))}>
        <Stack gap="md">
          <TextInput
            label={t('login.codeLabel')}
            autoComplete="one-time-code"
            inputMode="text"
            maxLength={12}
            required
            data-autofocus
            autoFocus
            {...form.getInputProps('code')}
          />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('login.verify')}
          </Button>
          <Button variant="subtle" onClick={onRestart}>
            {t('login.restart')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
