import type { MailItem } from '@liaison/core/api/mail';
import type { Letter } from '@liaison/core/mail/index';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FindingsAlert } from '../usage/FindingsAlert.tsx';
import { findingNotices } from '../usage/usageTexts.ts';
import { receivedFindings, receivedLetterToCheck } from './receivedChecks.ts';

/**
 * What the letter-format rules say about a letter received, worded for its reader (never as if they
 * did something wrong): it will not file itself, answers would not arrive, a PDF to file by hand.
 */
export function ReceivedFindings({ item, letter }: { item: MailItem; letter: Letter }) {
  const { t } = useTranslation();
  const notices = useMemo(() => {
    const checked = receivedLetterToCheck(item, letter);
    return findingNotices(t, checked, receivedFindings(item, letter), 'reader');
  }, [t, item, letter]);
  if (notices.length === 0) return null;
  return (
    <FindingsAlert
      title={t('usage.findings.receivedTitle')}
      notices={notices}
      color="yellow"
      role="note"
      testId="message-letter-findings"
    />
  );
}
