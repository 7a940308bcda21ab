import type { Me } from '@liaison/core/api/index';
import type { MailCategory, MailRecipient } from '@liaison/core/api/mail';
import { validateHprimHeader, type HprimHeaderInput } from '@liaison/core/hprim/index';
import type { LetterAttachment } from '@liaison/core/mail/index';
import type { LetterDraft } from '../../../mailCrypto/seal.ts';
import { patientLetterText } from '../letterText.ts';
import { typedDayToIso } from '../mailFormat.ts';
import { isHeaderWarningCode, type HeaderWarningCode } from '../message/hprimWarnings.ts';

/**
 * The compose form's values and their checks, apart from React so they are tested directly
 * (test/mailCompose.test.ts).
 */

export interface PatientValues {
  lastName: string;
  firstName: string;
  /**
   * As typed, dd/mm/yyyy: a text field rather than a date input, whose format follows the browser's
   * own language (mm/dd/yyyy in an English browser) where a French doctor types day first.
   */
  birthDate: string;
  nir: string;
  fileNumber: string;
  documentDate: string;
  patientId: string;
  address1: string;
  address2: string;
  postalCode: string;
  city: string;
}

export type PatientField = keyof PatientValues;

export interface ComposeValues {
  to: MailRecipient[];
  cc: MailRecipient[];
  subject: string;
  category: MailCategory;
  patient: PatientValues;
  text: string;
}

/** `documentDate` as typed (dd/mm/yyyy). */
export function emptyPatient(documentDate: string): PatientValues {
  return {
    lastName: '',
    firstName: '',
    birthDate: '',
    nir: '',
    fileNumber: '',
    documentDate,
    patientId: '',
    address1: '',
    address2: '',
    postalCode: '',
    city: '',
  };
}

/** Header line → form field (line 6 is postcode and city; its only check is the postcode's). */
const FIELD_BY_LINE: Record<number, PatientField> = {
  1: 'patientId',
  2: 'lastName',
  3: 'firstName',
  4: 'address1',
  5: 'address2',
  6: 'postalCode',
  7: 'birthDate',
  8: 'nir',
  9: 'fileNumber',
  10: 'documentDate',
};

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The 12 header lines' values; lines 11 and 12 name the sender and the first recipient. */
export function headerOf(patient: PatientValues, me: Me, to: MailRecipient[]): HprimHeaderInput {
  const senderCode = me.nationalId ?? '';
  return {
    ...patientHeader(patient),
    sender: `${senderCode} ${me.lastName.toUpperCase()} ${me.firstName}`.trim(),
    recipient: to[0] ? `${to[0].displayName}`.trim() : null,
  };
}

/**
 * The header checks of the HPRIM core (required fields, real dates, birth not in the future, NIR
 * shape and key, postcode), one per field, for the form to show under each input.
 */
export function patientErrors(patient: PatientValues): Partial<Record<PatientField, HeaderWarningCode>> {
  const errors: Partial<Record<PatientField, HeaderWarningCode>> = {};
  for (const warning of validateHprimHeader(patientHeader(patient))) {
    const field = warning.line === null ? undefined : FIELD_BY_LINE[warning.line];
    if (field && errors[field] === undefined && isHeaderWarningCode(warning.code)) {
      errors[field] = warning.code;
    }
  }
  return errors;
}

/** The patient's header lines (1 to 10) as the HPRIM core takes them; blank fields are null. */
function patientHeader(patient: PatientValues): HprimHeaderInput {
  return {
    patientId: blankToNull(patient.patientId),
    lastName: blankToNull(patient.lastName),
    firstName: blankToNull(patient.firstName),
    address1: blankToNull(patient.address1),
    address2: blankToNull(patient.address2),
    postalCode: blankToNull(patient.postalCode),
    city: blankToNull(patient.city),
    birthDate: typedDayToIso(patient.birthDate),
    nir: blankToNull(patient.nir),
    fileNumber: blankToNull(patient.fileNumber),
    documentDate: typedDayToIso(patient.documentDate),
  };
}

/** A NIR is judged as it is typed only once all its 15 characters are there. */
export function nirComplete(nir: string): boolean {
  return nir.replace(/\s+/g, '').length >= 15;
}

export type ComposeError =
  'toRequired' | 'subjectRequired' | 'bodyRequired' | 'duplicateRecipient' | 'attachmentsRefused';

export interface ComposeErrors {
  to?: ComposeError;
  subject?: ComposeError;
  text?: ComposeError;
  attachments?: ComposeError;
  patient: Partial<Record<PatientField, HeaderWarningCode>>;
}

/** Recipients who refuse attachments (their practice software may not file them). */
export function refusingAttachments(values: Pick<ComposeValues, 'to' | 'cc'>): MailRecipient[] {
  return [...values.to, ...values.cc].filter((r) => !r.acceptsAttachments);
}

export function composeErrors(values: ComposeValues, attachmentCount: number): ComposeErrors {
  const errors: ComposeErrors = { patient: {} };
  const addresses = [...values.to, ...values.cc].map((r) => r.address);
  if (values.to.length === 0) errors.to = 'toRequired';
  else if (new Set(addresses).size !== addresses.length) errors.to = 'duplicateRecipient';
  if (values.subject.trim() === '') errors.subject = 'subjectRequired';
  // A letter may be only attachments: the letter-format rules then warn that it must be filed by hand.
  if (values.text.trim() === '' && attachmentCount === 0) errors.text = 'bodyRequired';
  if (attachmentCount > 0 && refusingAttachments(values).length > 0)
    errors.attachments = 'attachmentsRefused';
  if (values.category === 'patient') errors.patient = patientErrors(values.patient);
  return errors;
}

export function hasErrors(errors: ComposeErrors): boolean {
  return (
    errors.to !== undefined ||
    errors.subject !== undefined ||
    errors.text !== undefined ||
    errors.attachments !== undefined ||
    Object.keys(errors.patient).length > 0
  );
}

/** The letter's text: an HPRIM document for a patient letter, the text as typed otherwise (LF ends). */
export function letterText(values: ComposeValues, me: Me): string {
  if (values.category !== 'patient') return values.text.replace(/\r\n?/g, '\n').trimEnd();
  return patientLetterText(headerOf(values.patient, me, values.to), values.text);
}

export function draftOf(input: {
  values: ComposeValues;
  me: Me;
  from: string;
  attachments: LetterAttachment[];
  inReplyTo: string | null;
}): LetterDraft {
  const { values } = input;
  const patient = values.patient;
  return {
    from: input.from,
    to: values.to.map((r) => r.address),
    cc: values.cc.map((r) => r.address),
    subject: values.subject.trim(),
    text: letterText(values, input.me),
    category: values.category,
    patient:
      values.category === 'patient'
        ? {
            lastName: blankToNull(patient.lastName),
            firstName: blankToNull(patient.firstName),
            birthDate: typedDayToIso(patient.birthDate),
          }
        : null,
    attachments: input.attachments,
    inReplyTo: input.inReplyTo,
  };
}

/**
 * What identifies a draft's content for the retry rule (see useSendLetter): the same fingerprint
 * re-sends the sealed bytes of the failed attempt under the same id; any change seals anew.
 */
export function draftFingerprint(values: ComposeValues, files: readonly File[], from: string): string {
  return JSON.stringify({
    from,
    values: { ...values, to: values.to.map((r) => r.address), cc: values.cc.map((r) => r.address) },
    files: files.map((f) => [f.name, f.size, f.lastModified, f.type]),
  });
}

const MIME_TYPE = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+\/[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** A file's type as the letter carries it: one the MIME builder would refuse is sent as octet-stream (""). */
export function attachmentContentType(type: string): string {
  return MIME_TYPE.test(type) ? type : '';
}

/** A file as a letter attachment. */
export async function attachmentOf(file: File): Promise<LetterAttachment> {
  return {
    filename: file.name,
    contentType: attachmentContentType(file.type),
    content: new Uint8Array(await file.arrayBuffer()),
  };
}
