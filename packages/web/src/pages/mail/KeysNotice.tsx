import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mailErrorMessage, needsKeysPage } from '../../mailCrypto/errors.ts';

/**
 * Why mail cannot be read or sent in this browser, and where to fix it: most often the keys live on
 * another device and must be restored here from the backup.
 */
export function KeysNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={title ?? t('mail.keys.title')}
      data-testid="mail-keys-notice"
    >
      <Text size="sm">{mailErrorMessage(t, error)}</Text>
      {needsKeysPage(error) ? (
        <Anchor component={Link} to="/keys" size="sm" fw={600} mt="xs" display="inline-block">
          {t('mail.keys.link')}
        </Anchor>
      ) : null}
    </Alert>
  );
}
