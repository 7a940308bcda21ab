import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { login } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pathForStage } from '../../lib/afterLogin.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { emailRule, requiredText } from '../../lib/validators.ts';
import { TotpStep } from './TotpStep.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [askCode, setAskCode] = useState(false);
  usePageTitle(askCode ? t('login.totpTitle') : t('login.title'));

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: emailRule(t), password: requiredText(t) },
  });

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async ({ stage }) => {
      if (stage === 'totp') {
        setAskCode(true);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await navigate(pathForStage(stage));
    },
  });

  if (askCode) {
    return (
      <TotpStep
        onRestart={() => {
          form.setFieldValue('password', '');
          mutation.reset();
          setAskCode(false);
        }}
      />
    );
  }

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({ email: values.email.trim(), password: values.password }),
        )}
      >
        <Stack gap="md">
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('login.register')}
        </Anchor>
      </Text>
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/directory">
          {t('login.directory')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
