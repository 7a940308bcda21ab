import type { Me } from '@liaison/core/api/index';
import type { MailCategory } from '@liaison/core/api/mail';
import type { MailPrecheckRequest } from '@liaison/core/api/usage';
import { checkLetterRules, type LetterFinding, type LetterToCheck } from '@liaison/core/policy/letterRules';
import { attachmentContentType, letterText, type ComposeValues, type PatientField } from './composeValues.ts';

/**
 * The usage rules as the compose form applies them while the person writes: the letter-format rules
 * on the letter as it would be sealed, and the bulk-mail precheck's request. Pure, tested in
 * test/mailUsage.test.ts.
 */

/**
 * The letter as sealing would build it: the same text (an HPRIM document for a patient letter), the
 * From mailbox, no Reply-To (the form has none, so answers go to From), and the files' types as the
 * letter would carry them.
 */
export function composeLetterToCheck(
  values: ComposeValues,
  me: Me,
  from: string,
  files: readonly Pick<File, 'type'>[],
): LetterToCheck {
  return {
    category: values.category,
    from,
    replyTo: null,
    text: letterText(values, me),
    attachments: files.map((file) => ({ contentType: attachmentContentType(file.type) })),
  };
}

export function composeFindings(
  values: ComposeValues,
  me: Me,
  from: string,
  files: readonly Pick<File, 'type'>[],
  now: Date = new Date(),
): LetterFinding[] {
  return checkLetterRules(composeLetterToCheck(values, me, from, files), now);
}

/** Patients a compose letter is about: the form writes one HPRIM document, so one, or none. */
export function letterPatients(category: MailCategory): number {
  return category === 'information' ? 0 : 1;
}

/**
 * What to ask the server before sending, or null while there is nobody to send to. Addresses are
 * sorted so the same recipients in another order ask the same question (one cached answer).
 */
export function precheckRequest(
  values: Pick<ComposeValues, 'to' | 'cc' | 'category'>,
  from: string,
): MailPrecheckRequest | null {
  if (values.to.length + values.cc.length === 0) return null;
  const sorted = (list: ComposeValues['to']) => list.map((r) => r.address).sort();
  return {
    from,
    to: sorted(values.to),
    cc: sorted(values.cc),
    category: values.category,
    patients: letterPatients(values.category),
  };
}

/** Whether the form's state lets the findings show: once the person started writing, or tried to send. */
export function hasStarted(values: ComposeValues, fileCount: number, triedToSend: boolean): boolean {
  return (
    triedToSend ||
    fileCount > 0 ||
    values.to.length + values.cc.length > 0 ||
    values.subject.trim() !== '' ||
    values.text.trim() !== '' ||
    (Object.keys(values.patient) as PatientField[]).some(
      (field) => field !== 'documentDate' && values.patient[field].trim() !== '',
    )
  );
}
