import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why nothing key-related can happen on this page, and what the instance's administrator must change. */
export function InsecureContextAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('keys.insecure.title')} data-testid="insecure-context">
      <Stack gap="xs">
        <Text size="sm">{t('keys.insecure.text', { origin: window.location.origin })}</Text>
        <Text size="sm" fw={500}>
          {t('keys.insecure.admin')}
        </Text>
      </Stack>
    </Alert>
  );
}
