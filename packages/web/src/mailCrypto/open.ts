import type { MailFolder, MailItem } from '@liaison/core/api/mail';
import { serverTrustHooks } from '@liaison/core/client/index';
import { CryptoError, type CryptoErrorCode, type DecryptRecipient } from '@liaison/core/crypto/index';
import { openLetter, openSummary, type Letter, type LetterSummary } from '@liaison/core/mail/index';
import { fetchMailMessage, getJson } from '../api/mail.ts';

/** Who signed, as the verified certificate says it (name, "8"+RPPS / "0"+ADELI, addresses). */
export interface VerifiedSignature {
  commonName: string | null;
  serialNumber: string | null;
  emails: string[];
  signingTime: Date;
}

/**
 * An opened letter, or why it could not be opened. A letter whose signature does not verify is not
 * shown at all: its content cannot be trusted to be what the sender wrote, and a doctor must not act
 * on it; the failure is shown with its reason instead.
 */
export type OpenedMail =
  | { kind: 'opened'; item: MailItem; letter: Letter; signature: VerifiedSignature }
  | { kind: 'unreadable'; item: MailItem; reason: 'signature' | 'decryption'; error: CryptoError };

/** Codes that mean "decrypted, but the signature or its binding to the envelope does not hold". */
const SIGNATURE_CODES: ReadonlySet<CryptoErrorCode> = new Set<CryptoErrorCode>([
  'NOT_SIGNED',
  'SIGNATURE_INVALID',
  'SIGNING_TIME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_EXPIRED_AT_SIGNING',
  'CERT_WRONG_USAGE',
  'CERT_REVOKED',
  'CERT_SUPERSEDED',
  'SIGNER_NOT_ALLOWED',
  'LETTER_MISMATCH',
  'WEAK_KEY',
]);

export function isSignatureFailure(error: CryptoError): boolean {
  return SIGNATURE_CODES.has(error.code);
}

function withoutBody<T extends MailItem & { body: string }>(message: T): MailItem {
  const { body: _body, ...item } = message;
  return item;
}

/**
 * Fetches a letter (the first fetch by a recipient marks it delivered), decrypts it with this
 * mailbox's keys and verifies it: the chain to the instance CA, the signer's certificate status and
 * that the signer may sign for the From mailbox (asked of the server, bound to the envelope's From),
 * and that the signed From/To/Cc/Message-ID match the envelope. Network failures are thrown (the
 * caller retries); crypto failures are an answer.
 */
export async function openMail(input: {
  address: string;
  id: string;
  folder: MailFolder | null;
  recipients: DecryptRecipient[];
  caChainPem: string;
}): Promise<OpenedMail> {
  const message = await fetchMailMessage(input.address, input.id, input.folder);
  const item = withoutBody(message);
  try {
    const opened = await openLetter({
      body: message.body,
      recipient: input.recipients,
      trust: { caCertificatesPem: [input.caChainPem], ...serverTrustHooks(getJson, message.from) },
      envelope: { from: message.from, to: message.to, cc: message.cc, id: message.id },
      receivedAt: new Date(message.submittedAt),
    });
    return {
      kind: 'opened',
      item,
      letter: opened.letter,
      signature: {
        commonName: opened.signer.commonName ?? null,
        serialNumber: opened.signer.serialNumber ?? null,
        emails: opened.signer.emails,
        signingTime: opened.signingTime,
      },
    };
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    return {
      kind: 'unreadable',
      item,
      reason: isSignatureFailure(error) ? 'signature' : 'decryption',
      error,
    };
  }
}

/** The listing hint of one item (subject, patient, preview, attachment names), decrypted here. */
export function decryptSummary(item: Pick<MailItem, 'summary'>, recipients: DecryptRecipient[]) {
  return openSummary({ summary: item.summary, recipient: recipients }) satisfies Promise<LetterSummary>;
}
