import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchCharter } from '../../api/accounts.ts';
import { activate } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { CharterBox } from '../../components/registration/CharterBox.tsx';
import { pathForStage } from '../../lib/afterLogin.ts';
import { forgetHash, readHashToken } from '../../lib/hashToken.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { passwordRule, sameAsRule } from '../../lib/validators.ts';

export function ActivatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('activate.title'));
  const [token] = useState(readHashToken);

  // The person accepts the charter here themselves: their establishment registered them for them.
  const charter = useQuery({
    queryKey: queryKeys.charter(i18n.language),
    queryFn: () => fetchCharter(i18n.language),
    staleTime: 5 * 60_000,
  });
  const form = useForm({
    initialValues: { password: '', confirmPassword: '', charterAccepted: false },
    validate: {
      password: passwordRule(t),
      confirmPassword: sameAsRule(t, 'password'),
      charterAccepted: (value: boolean) => (value ? null : t('validation.charter')),
    },
  });

  const mutation = useMutation({
    mutationFn: (password: string) => activate(token ?? '', password, charter.data?.version ?? 0),
    onSuccess: async ({ stage }) => {
      forgetHash();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await navigate(stage === 'totp' ? '/login' : pathForStage(stage));
    },
  });

  if (!token) {
    return (
      <AuthCard title={t('activate.title')}>
        <Alert color="red" variant="light" role="alert">
          {t('activate.missingToken')}
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('activate.title')} intro={t('activate.intro')}>
      <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(values.password))}>
        <Stack gap="md">
          <PasswordPair
            password={form.getInputProps('password')}
            confirm={form.getInputProps('confirmPassword')}
          />
          {charter.data ? (
            <CharterBox
              charter={charter.data}
              acceptLabel={t('register.charterAccept')}
              checkboxProps={form.getInputProps('charterAccepted', { type: 'checkbox' })}
            />
          ) : null}
          <ErrorAlert error={charter.error} />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} disabled={!charter.data} fullWidth>
            {t('activate.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
