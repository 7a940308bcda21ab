import type { Me } from '@liaison/core/api/index';
import { letterMaySend } from '@liaison/core/policy/letterRules';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingNotices, type FindingNotice } from '../usage/usageTexts.ts';
import type { ComposeValues } from './composeValues.ts';
import { composeFindings, hasStarted, precheckRequest } from './letterChecks.ts';
import { usePrecheck, type Precheck } from './usePrecheck.ts';

export interface ComposeChecks {
  /** The letter-format findings to show (none before the person started writing). */
  notices: FindingNotice[];
  /** A letter-format rule stops the sending. */
  blocked: boolean;
  precheck: Precheck;
  sendAnyway: boolean;
  setSendAnyway: (value: boolean) => void;
  /** The message would be held and the person has not said they send it anyway. */
  needsConfirmation: boolean;
}

/**
 * The usage rules while the person writes: the letter-format rules on the letter as it would be
 * sealed, and the server's precheck of the bulk-mail rules on its recipients.
 */
export function useComposeChecks(input: {
  values: ComposeValues;
  files: readonly File[];
  me: Me;
  from: string;
  triedToSend: boolean;
}): ComposeChecks {
  const { values, files, me, from, triedToSend } = input;
  const { t } = useTranslation();
  const findings = useMemo(() => composeFindings(values, me, from, files), [values, me, from, files]);
  const notices = useMemo(
    () => findingNotices(t, { from, replyTo: null }, findings, 'sender'),
    [t, from, findings],
  );
  const precheck = usePrecheck(precheckRequest(values, from));
  const [sendAnyway, setSendAnyway] = useState(false);
  return {
    notices: hasStarted(values, files.length, triedToSend) ? notices : [],
    blocked: !letterMaySend(findings),
    precheck,
    sendAnyway,
    setSendAnyway,
    needsConfirmation: precheck.trips.length > 0 && !sendAnyway,
  };
}
