import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { activate } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { pathForStage } from '../../lib/afterLogin.ts';
import { forgetHash, readHashToken } from '../../lib/hashToken.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { passwordRule, sameAsRule } from '../../lib/validators.ts';

export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('activate.title'));
  const [token] = useState(readHashToken);

  const form = useForm({
    initialValues: { password: '', confirmPassword: '' },
    validate: { password: passwordRule(t), confirmPassword: sameAsRule(t, 'password') },
  });

  const mutation = useMutation({
    mutationFn: (password: string) => activate(token ?? '', password),
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
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('activate.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
