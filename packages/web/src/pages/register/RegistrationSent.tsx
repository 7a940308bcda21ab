import { Alert, Anchor } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';

export function RegistrationSent() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The form the person was typing in has gone; move focus to the outcome so it is read out.
  useEffect(() => ref.current?.focus(), []);
  return (
    <AuthCard title={t('register.doneTitle')} width={520}>
      <Alert
        ref={ref}
        tabIndex={-1}
        color="liaison"
        variant="light"
        role="status"
        data-testid="registration-sent"
      >
        {t('register.doneText')}
      </Alert>
      <Anchor component={Link} to="/login">
        {t('common.backToLogin')}
      </Anchor>
    </AuthCard>
  );
}
