import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegistrationForm } from '../../components/registration/RegistrationForm.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RegistrationSent } from './RegistrationSent.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  usePageTitle(sent ? t('register.doneTitle') : t('register.title'));

  if (sent) return <RegistrationSent />;
  return (
    <Container size="sm" px={0}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('register.title')}</Title>
          <Text c="dimmed">{t('register.intro')}</Text>
        </Stack>
        <RegistrationForm mode="self" onRegistered={() => setSent(true)} />
        <Anchor component={Link} to="/login" size="sm">
          {t('common.backToLogin')}
        </Anchor>
      </Stack>
    </Container>
  );
}
