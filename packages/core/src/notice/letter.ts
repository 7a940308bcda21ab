/**
 * A notice as a secure letter: the same Letter every client seals and opens, so it rides the whole
 * mail pipeline (sign then encrypt, submission, delivery, `liaison fetch` filing) unchanged. Its text
 * is an HPRIM document (the 12 header lines identifying the patient, then the readable sentence), so
 * practice software files it under the patient like any letter; the structured notice travels beside
 * it as a small JSON part for clients that draw a card.
 */
import { utf8 } from '../crypto/bytes.ts';
import { buildHprim } from '../hprim/build.ts';
import type { Letter } from '../mail/letter.ts';
import type { LetterSummary } from '../mail/summary.ts';
import { PatientNotice, type PatientNoticeInput } from './schema.ts';
import { noticeSubject, noticeText } from './text.ts';

export const NOTICE_CONTENT_TYPE = 'application/vnd.liaison.notice+json';
export const NOTICE_FILENAME = 'notice.json';

export interface NoticeEnvelope {
  /** UUID, the id the letter is submitted under. */
  messageId: string;
  /** The establishment's mailbox (a service or its system's application mailbox). */
  from: string;
  /** The GP's personal mailbox. */
  to: string;
  date: Date;
  /** Written on HPRIM line 11 with the service, e.g. "Hôpital Nord – Cardiologie". */
  senderName?: string;
  /** Written on HPRIM line 12, e.g. "Dr Anne DURAND". */
  recipientName?: string;
}

/** Everything `sealLetter` needs besides keys: a notice is a one-patient letter of category notice. */
export interface NoticeLetter {
  notice: PatientNotice;
  letter: Letter;
  patient: NonNullable<LetterSummary['patient']>;
  category: 'notice';
  patients: 1;
}

/** Validates the notice (zod errors are thrown as they are: the caller names the fields) and builds it. */
export function buildNoticeLetter(input: PatientNoticeInput, envelope: NoticeEnvelope): NoticeLetter {
  const notice = PatientNotice.parse(input);
  const { patient } = notice;
  const sender = [envelope.senderName, notice.service].filter((part) => part !== undefined).join(' – ');
  const text = buildHprim(
    [
      {
        header: {
          patientId: patient.ipp ?? null,
          lastName: patient.lastName,
          firstName: patient.firstName,
          birthDate: patient.birthDate,
          documentDate: notice.at.slice(0, 10),
          sender,
          recipient: envelope.recipientName ?? null,
        },
        text: noticeText(notice),
      },
    ],
    // Letters hold LF text; the letter builder writes CRLF and `liaison fetch` the importer's endings.
    { lineEnding: '\n' },
  );
  const letter: Letter = {
    messageId: envelope.messageId,
    from: envelope.from,
    to: [envelope.to],
    cc: [],
    subject: noticeSubject(notice),
    date: envelope.date,
    inReplyTo: null,
    replyTo: null,
    text,
    attachments: [
      { filename: NOTICE_FILENAME, contentType: NOTICE_CONTENT_TYPE, content: noticeJson(notice) },
    ],
  };
  return {
    notice,
    letter,
    patient: { lastName: patient.lastName, firstName: patient.firstName, birthDate: patient.birthDate },
    category: 'notice',
    patients: 1,
  };
}

/** Compact UTF-8 JSON: what the schema's size bound measures. */
export function noticeJson(notice: PatientNotice): Uint8Array {
  return utf8(JSON.stringify(notice));
}
