import { Alert, Anchor, Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { setup, setupStatus } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { pathForStage } from '../../lib/afterLogin.ts';
import { forgetHash, readHashToken } from '../../lib/hashToken.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { emailRule, passwordRule, requiredText, sameAsRule } from '../../lib/validators.ts';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('setup.title'));
  // Read once: the fragment is then removed from the address bar (see forgetHash).
  const [token] = useState(readHashToken);
  const status = useQuery({ queryKey: queryKeys.setupStatus, queryFn: setupStatus });

  const form = useForm({
    initialValues: { email: '', firstName: '', lastName: '', password: '', confirmPassword: '' },
    validate: {
      email: emailRule(t),
      firstName: requiredText(t),
      lastName: requiredText(t),
      password: passwordRule(t),
      confirmPassword: sameAsRule(t, 'password'),
    },
  });

  const mutation = useMutation({
    mutationFn: setup,
    onSuccess: async ({ stage }) => {
      forgetHash();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await navigate(stage === 'totp' ? '/login' : pathForStage(stage));
    },
  });

  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needsSetup) {
    return (
      <AuthCard title={t('setup.title')}>
        <Alert color="liaison" variant="light">
          {t('setup.alreadyDone')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('common.backToLogin')}
        </Anchor>
      </AuthCard>
    );
  }
  if (!token) {
    return (
      <AuthCard title={t('setup.title')}>
        <Alert color="red" variant="light" role="alert">
          {t('setup.missingToken')}
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')} width={520}>
      <ErrorAlert error={status.error} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({
            token,
            email: values.email.trim(),
            firstName: values.firstName.trim(),
            lastName: values.lastName.trim(),
            password: values.password,
          }),
        )}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.firstName')}
              autoComplete="given-name"
              required
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('fields.lastName')}
              autoComplete="family-name"
              required
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordPair
            password={form.getInputProps('password')}
            confirm={form.getInputProps('confirmPassword')}
          />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
