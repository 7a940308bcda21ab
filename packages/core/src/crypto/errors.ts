/**
 * Errors of the cryptographic core. One class, one stable `code` per thing that failed, in the same
 * `{ status, message }` shape as the platform catalogue (packages/core/src/errors.ts) so the two merge
 * as they are. Messages are English defaults; clients translate by code. The detail never carries key
 * material or message content.
 */
export const CRYPTO_ERROR_CATALOGUE = {
  CRYPTO_UNAVAILABLE: {
    status: 400,
    message: 'WebCrypto is not available here (a secure context, https or localhost, is required).',
  },
  KEY_MALFORMED: { status: 400, message: 'The key is not a valid PKCS#8, SPKI or PEM key.' },
  CERT_MALFORMED: { status: 400, message: 'The certificate is not a valid X.509 certificate.' },
  CSR_MALFORMED: { status: 400, message: 'The certificate request is not a valid PKCS#10 request.' },
  CSR_SIGNATURE_INVALID: { status: 400, message: 'The certificate request is not signed by its own key.' },
  MIME_MALFORMED: { status: 400, message: 'The MIME entity is not valid.' },
  CMS_MALFORMED: { status: 400, message: 'The S/MIME (CMS) structure is not valid.' },
  UNSUPPORTED_ALGORITHM: { status: 400, message: 'The message uses an algorithm Liaison does not accept.' },
  WEAK_KEY: { status: 400, message: 'The key is too weak (RSA keys need at least 2048 bits).' },
  KEY_CERT_MISMATCH: { status: 400, message: 'The private key does not match the certificate.' },
  NOT_A_RECIPIENT: { status: 422, message: 'This message is not encrypted for this certificate.' },
  DECRYPT_FAILED: { status: 422, message: 'The message could not be decrypted (damaged or wrong key).' },
  NOT_SIGNED: { status: 422, message: 'The message is not signed.' },
  SIGNATURE_INVALID: { status: 422, message: 'The signature does not match the content.' },
  SIGNING_TIME_INVALID: { status: 422, message: 'The signing time is missing, malformed or in the future.' },
  CERT_UNTRUSTED: {
    status: 422,
    message: "The signer's certificate does not chain to a trusted authority.",
  },
  CERT_EXPIRED_AT_SIGNING: {
    status: 422,
    message: "The signer's certificate was not valid when the message was signed.",
  },
  CERT_WRONG_USAGE: { status: 422, message: 'The certificate is not meant for this use.' },
  CERT_REVOKED: { status: 422, message: "The signer's certificate was revoked before the signature." },
  CERT_SUPERSEDED: {
    status: 422,
    message: "The signer's certificate had been replaced by a newer one before the signature.",
  },
  SIGNER_NOT_ALLOWED: {
    status: 422,
    message: 'The signer was not allowed to sign for this mailbox at that time.',
  },
  BACKUP_WRONG_PASSPHRASE: {
    status: 422,
    message: 'Wrong passphrase (or the backup is damaged).',
  },
  BACKUP_MALFORMED: { status: 400, message: 'The key backup is not a valid PKCS#12 file.' },
  BACKUP_WEAK_PARAMETERS: {
    status: 400,
    message: 'The key backup parameters are too weak or unreasonable.',
  },
  LETTER_MALFORMED: { status: 400, message: 'The letter is not a MIME entity Liaison can read.' },
  LETTER_MISMATCH: {
    status: 422,
    message: 'The signed letter names a sender or recipients other than the ones it was delivered with.',
  },
  SUMMARY_TOO_LARGE: { status: 400, message: 'The message summary is over 4 KB.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type CryptoErrorCode = keyof typeof CRYPTO_ERROR_CATALOGUE;

/** Every code the crypto core raises, for merging into the platform catalogue. */
export const CRYPTO_ERROR_CODES = Object.keys(CRYPTO_ERROR_CATALOGUE) as CryptoErrorCode[];

export function isCryptoErrorCode(code: string): code is CryptoErrorCode {
  return Object.hasOwn(CRYPTO_ERROR_CATALOGUE, code);
}

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  readonly code: CryptoErrorCode;
  /** What exactly failed, in words safe to log (never key material or content). */
  readonly detail: string | undefined;

  constructor(code: CryptoErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = CRYPTO_ERROR_CATALOGUE[code].message;
    super(detail ? `${base} (${detail})` : base, options);
    this.code = code;
    this.detail = detail;
  }

  get status(): number {
    return CRYPTO_ERROR_CATALOGUE[this.code].status;
  }
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}

/** Runs `fn`; anything that is not already a CryptoError becomes one with `code`. */
export async function failAs<T>(code: CryptoErrorCode, detail: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError(code, detail, { cause: error });
  }
}

/** Synchronous variant of {@link failAs}. */
export function failAsSync<T>(code: CryptoErrorCode, detail: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError(code, detail, { cause: error });
  }
}
