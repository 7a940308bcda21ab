import type { TFunction } from 'i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiError } from '../api/client.ts';
import { isCryptoError } from '@liaison/core/crypto/errors';

/**
 * Failures of mail on this device that neither the server nor the crypto core names: they are about
 * this browser's keys, so the sentence points the person to the keys page.
 */
export const MAIL_ERROR_CODES = [
  /** WebCrypto or IndexedDB unavailable (plain http on a LAN name). */
  'INSECURE_CONTEXT',
  /** No key of this person in this browser. */
  'NO_KEYS',
  /** Keys here, but not the one of the current signing certificate (renewed elsewhere). */
  'SIGNING_KEY_MISSING',
  /** A shared mailbox whose key was never wrapped for this person. */
  'SHARED_KEYS_MISSING',
  /** The server handed out a certificate that does not name the address it was asked for. */
  'CERT_WRONG_ADDRESS',
] as const;
export type MailErrorCode = (typeof MAIL_ERROR_CODES)[number];

export class MailError extends Error {
  override readonly name = 'MailError';
  readonly code: MailErrorCode;

  constructor(code: MailErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
  }
}

export function isMailError(error: unknown): error is MailError {
  return error instanceof MailError;
}

/** Errors a person fixes on the keys page (install, restore or renew keys in this browser). */
export function needsKeysPage(error: unknown): boolean {
  if (isMailError(error)) return error.code !== 'CERT_WRONG_ADDRESS';
  // Not a recipient: mail encrypted to a certificate whose key this browser lacks (restore the backup).
  if (isCryptoError(error, 'NOT_A_RECIPIENT')) return true;
  return isApiError(error) && error.code === 'SENDER_CERTIFICATE_INVALID';
}

/** The sentence for any failure of the mail screens. */
export function mailErrorMessage(t: TFunction, error: unknown): string {
  if (isMailError(error)) return t(`mail.errors.${error.code}`);
  return errorMessage(t, error);
}
