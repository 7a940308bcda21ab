import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FindingsAlert } from '../usage/FindingsAlert.tsx';
import type { FindingNotice } from '../usage/usageTexts.ts';

/**
 * The letter-format rules as the person writes: what stops the sending (and what to do about it),
 * then what is worth knowing but does not stop it (a letter that is only a PDF).
 */
export function LetterFindings({ notices, blockingId }: { notices: FindingNotice[]; blockingId: string }) {
  const { t } = useTranslation();
  const errors = notices.filter((n) => n.severity === 'error');
  const warnings = notices.filter((n) => n.severity === 'warning');
  if (notices.length === 0) return null;
  return (
    <Stack gap="sm">
      {errors.length > 0 ? (
        <FindingsAlert
          id={blockingId}
          title={t('usage.findings.blockingTitle')}
          notices={errors}
          color="orange"
          role="status"
          testId="compose-letter-errors"
        />
      ) : null}
      {warnings.length > 0 ? (
        <FindingsAlert
          title={t('usage.findings.warningTitle')}
          notices={warnings}
          color="yellow"
          role="status"
          testId="compose-letter-warnings"
        />
      ) : null}
    </Stack>
  );
}
