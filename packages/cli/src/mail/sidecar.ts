/**
 * The `<messageId>.json` written beside each letter, last: its presence says the letter's files are
 * complete. It tells the practice software (or a script) who signed the letter, about which patient,
 * and which file is which, so nothing has to be guessed from file names.
 */
import { readCertificate } from '@liaison/core/crypto/index';
import {
  HprimUnreadableError,
  parseHprim,
  toHprimJson,
  validateHprimHeader,
  type HprimEncoding,
  type HprimHeader,
  type HprimParseResult,
} from '@liaison/core/hprim/index';
import type { MailMessage } from '@liaison/core/api/mail';
import type { OpenedLetter } from '@liaison/core/mail/index';

export type FetchFormat = 'hprim' | 'eml';

/** A reader warning (HPRIM_* code), or HPRIM_UNREADABLE when the text is no HPRIM at all. */
export interface HeaderWarning {
  code: string;
  line: number | null;
  message: string;
}

export interface SidecarAttachment {
  /** Its file in the directory; null in the eml format, where it stays inside the .eml. */
  file: string | null;
  /** As the sender named it (the file name is a cleaned-up version). */
  filename: string;
  contentType: string;
  bytes: number;
}

export interface Sidecar {
  id: string;
  mailbox: string;
  category: MailMessage['category'];
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** The letter's own (signed) Date header. */
  date: string;
  submittedAt: string;
  signingTime: string;
  signer: {
    commonName: string | null;
    /** "8"+RPPS or "0"+ADELI, from the certificate's subject serialNumber. */
    nationalId: string | null;
    emails: string[];
    certificateSerial: string;
  };
  /** Always true: a letter that fails decryption or verification is never written. */
  verified: true;
  format: FetchFormat;
  file: string;
  /** Encoding of the text file; null for eml. */
  encoding: HprimEncoding | null;
  /** Characters the chosen encoding cannot write, written as '?' in the text file. */
  unencodable: string[];
  /** The HPRIM header of a patient letter (null for other letters or without one). */
  header: HprimHeader | null;
  /** What the recipient-side HPRIM checks found in a patient letter (structure, required fields). */
  hprimWarnings: HeaderWarning[];
  attachments: SidecarAttachment[];
}

export interface PatientHeader {
  header: HprimHeader | null;
  warnings: HeaderWarning[];
}

/** The header checks a sender runs, run again here, where a failure is shown rather than trusted. */
export function readPatientHeader(opened: OpenedLetter, category: MailMessage['category']): PatientHeader {
  if (category === 'information') return { header: null, warnings: [] };
  let parsed: HprimParseResult;
  try {
    parsed = parseHprim(opened.letter.text);
  } catch (err) {
    // A NUL in the text: still the signed letter, written as it is; the reader says what it found.
    if (!(err instanceof HprimUnreadableError)) throw err;
    return { header: null, warnings: [{ code: err.code, line: null, message: err.message }] };
  }
  const header = toHprimJson(parsed).documents[0]?.header ?? null;
  const warnings = [
    ...parsed.documents.flatMap((d) => d.warnings),
    ...parsed.warnings,
    ...(header ? validateHprimHeader(header).filter((w) => w.code === 'HPRIM_FIELD_REQUIRED') : []),
  ].map((w) => ({ code: w.code, line: w.line, message: w.message }));
  return { header, warnings };
}

export function buildSidecar(input: {
  message: MailMessage;
  opened: OpenedLetter;
  format: FetchFormat;
  file: string;
  encoding: HprimEncoding | null;
  unencodable: string[];
  patient: PatientHeader;
  attachments: SidecarAttachment[];
}): Sidecar {
  const { message, opened } = input;
  return {
    id: opened.letter.messageId,
    mailbox: message.mailbox,
    category: message.category,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: opened.letter.subject,
    date: opened.letter.date.toISOString(),
    submittedAt: message.submittedAt,
    signingTime: opened.signingTime.toISOString(),
    signer: {
      commonName: opened.signer.commonName ?? null,
      nationalId: opened.signer.serialNumber ?? null,
      emails: opened.signer.emails,
      certificateSerial: readCertificate(opened.signerCertificatePem).serialNumberHex,
    },
    verified: true,
    format: input.format,
    file: input.file,
    encoding: input.encoding,
    unencodable: input.unencodable,
    header: input.patient.header,
    hprimWarnings: input.patient.warnings,
    attachments: input.attachments,
  };
}
