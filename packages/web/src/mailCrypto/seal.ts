import type { MailCategory, SubmitMessageRequest } from '@liaison/core/api/mail';
import { mailboxEncryptionCertificates } from '@liaison/core/client/index';
import { readCertificate } from '@liaison/core/crypto/index';
import { sealLetter, type LetterAttachment, type LetterSummary } from '@liaison/core/mail/index';
import { ApiError, isApiError } from '../api/client.ts';
import { getJson } from '../api/mail.ts';
import { MailError } from './errors.ts';
import { sameSerial, type PersonalKeys, type SigningKey } from './keys.ts';

/** A letter as the compose form hands it over, ready to be sealed. */
export interface LetterDraft {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** LF line ends; a patient letter's text is already an HPRIM document (see pages/mail/letterText). */
  text: string;
  category: MailCategory;
  patient: LetterSummary['patient'];
  attachments: LetterAttachment[];
  inReplyTo: string | null;
}

type Role = 'recipient' | 'sender';

/**
 * A mailbox's current encryption certificates, each of which must name the address: the server
 * relays certificates, and one naming someone else would hand the letter to the wrong reader.
 */
async function certificatesOf(address: string, role: Role): Promise<string[]> {
  let pems: string[];
  try {
    pems = await mailboxEncryptionCertificates(getJson, address);
  } catch (error) {
    // Said the way the submission would say it, before the slow signing and encryption.
    if (role === 'recipient' && isApiError(error) && error.code === 'MAILBOX_NOT_FOUND') {
      throw new ApiError(422, 'RECIPIENT_UNKNOWN', address);
    }
    throw error;
  }
  if (pems.length === 0) {
    const code = role === 'recipient' ? 'RECIPIENT_NO_CERTIFICATE' : 'NO_ENCRYPTION_CERTIFICATE';
    throw new ApiError(422, code, address);
  }
  for (const pem of pems) {
    if (!readCertificate(pem).emails.includes(address.toLowerCase())) {
      throw new MailError('CERT_WRONG_ADDRESS', address);
    }
  }
  return pems;
}

/** Every certificate to encrypt to (recipients and the From mailbox, for the sent copy), each once. */
export async function sealingCertificates(from: string, recipients: readonly string[]): Promise<string[]> {
  const lists = await Promise.all([
    ...recipients.map((address) => certificatesOf(address, 'recipient')),
    certificatesOf(from, 'sender'),
  ]);
  const unique = new Map<string, string>();
  for (const pem of lists.flat()) {
    const info = readCertificate(pem);
    unique.set(`${info.issuerDn}|${info.serialNumberHex}`, pem);
  }
  return [...unique.values()];
}

/** The key of the person's current signing certificate, if this browser holds it. */
export function currentSigner(keys: PersonalKeys, activeSigningSerial: string | null): SigningKey {
  const signer =
    activeSigningSerial === null
      ? undefined
      : keys.signing.find((key) => sameSerial(key.serial, activeSigningSerial));
  if (!signer) throw new MailError('SIGNING_KEY_MISSING');
  return signer;
}

/**
 * Signs and encrypts a draft under `messageId`. The caller keeps the result: a retry after a network
 * failure must send these very bytes again (the server answers a retry with the first result only
 * when id and bytes match).
 */
export async function sealDraft(
  draft: LetterDraft,
  signer: SigningKey,
  messageId: string,
): Promise<SubmitMessageRequest> {
  const recipientCertificatesPem = await sealingCertificates(draft.from, [...draft.to, ...draft.cc]);
  return sealLetter({
    letter: {
      messageId,
      from: draft.from,
      to: draft.to,
      cc: draft.cc,
      subject: draft.subject,
      date: new Date(),
      inReplyTo: draft.inReplyTo,
      replyTo: null,
      text: draft.text,
      attachments: draft.attachments,
    },
    category: draft.category,
    patient: draft.patient,
    signer: { privateKey: signer.privateKey, certificatePem: signer.certificatePem },
    recipientCertificatesPem,
  });
}
