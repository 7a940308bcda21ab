import { Alert, Button, CopyButton, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthCard } from '../../components/AuthCard.tsx';

/** Shown exactly once, right after enrolment: the server keeps only hashes of these codes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <AuthCard title={t('totp.recoveryTitle')} width={520}>
      <Alert color="liaison" variant="light" role="status">
        {t('totp.enabled')}
      </Alert>
      <Alert color="yellow" variant="light">
        {t('totp.recoveryIntro')}
      </Alert>
      <List
        data-testid="recovery-codes"
        listStyleType="none"
        ff="monospace"
        fz="lg"
        spacing={4}
        style={{ columns: 2 }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Stack gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('common.copied') : t('totp.recoveryCopy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={() => void navigate('/account')} data-testid="recovery-continue">
          {t('totp.recoveryDone')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
