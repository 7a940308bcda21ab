/**
 * Opening a delivered letter: decrypt, verify the signature (chain, time, revocation, the caller's
 * signer hook), read the letter, and hold the signed From/To/Cc against the envelope the server
 * delivered it with.
 *
 * Who may sign for the From mailbox is settled by two checks together:
 * - the signed From must equal the envelope From (LETTER_MISMATCH otherwise), so the server cannot
 *   present a letter as coming from another mailbox than the one it names;
 * - the signer is allowed for that mailbox: when `trust.signerAllowed` is given, `verify()` has already
 *   asked it (SIGNER_NOT_ALLOWED otherwise) — the hook must be bound to `envelope.from`, as
 *   `serverTrustHooks(get, envelope.from)` is — and it alone decides, since delegates (secretaries)
 *   sign with certificates that carry their own address. Without the hook, the signer certificate's
 *   email addresses must include the From address (SIGNER_NOT_ALLOWED otherwise).
 */
import { base64Decode } from '../crypto/bytes.ts';
import type { DecryptRecipient } from '../crypto/decrypt.ts';
import { decrypt } from '../crypto/decrypt.ts';
import { CryptoError } from '../crypto/errors.ts';
import { decryptThenVerify } from '../crypto/smime.ts';
import type { SignerIdentity, TrustPolicy } from '../crypto/verify.ts';
import { sameAddress, sameAddressSet } from './addresses.ts';
import type { Letter } from './letter.ts';
import { parseLetterEntity } from './letterParse.ts';
import { decodeSummary, type LetterSummary } from './summary.ts';

export interface OpenedLetter {
  letter: Letter;
  signer: SignerIdentity;
  signerCertificatePem: string;
  signingTime: Date;
}

export interface LetterEnvelope {
  from: string;
  to: string[];
  cc: string[];
  /** The message id the server filed it under; when given, it must be the signed Message-ID. */
  id?: string;
}

export interface OpenLetterInput {
  /** The EnvelopedData: base64 (as the API returns it) or DER. */
  body: string | Uint8Array;
  recipient: DecryptRecipient | DecryptRecipient[];
  trust: TrustPolicy;
  /** What the server delivered it as. */
  envelope: LetterEnvelope;
  /** The server's submission time (see verify.ts: bounds the signing time and revocation checks). */
  receivedAt?: Date;
  now?: Date;
}

export interface OpenSummaryInput {
  summary: string | Uint8Array;
  recipient: DecryptRecipient | DecryptRecipient[];
}

function der(input: string | Uint8Array, what: string): Uint8Array {
  if (typeof input !== 'string') return input;
  try {
    return base64Decode(input);
  } catch (error) {
    throw new CryptoError('CMS_MALFORMED', `${what} is not base64`, { cause: error });
  }
}

/** The signed headers against the envelope; details name the field only. */
function assertEnvelope(letter: Letter, envelope: LetterEnvelope): void {
  const mismatch = (field: string): never => {
    throw new CryptoError('LETTER_MISMATCH', `${field} differs between the signed letter and the envelope`);
  };
  if (!sameAddress(letter.from, envelope.from)) mismatch('From');
  if (!sameAddressSet(letter.to, envelope.to)) mismatch('To');
  if (!sameAddressSet(letter.cc, envelope.cc)) mismatch('Cc');
  if (envelope.id !== undefined && letter.messageId.toLowerCase() !== envelope.id.toLowerCase()) {
    mismatch('Message-ID');
  }
}

export async function openLetter(input: OpenLetterInput): Promise<OpenedLetter> {
  const verified = await decryptThenVerify({
    message: der(input.body, 'body'),
    recipient: input.recipient,
    trust: input.trust,
    ...(input.now ? { now: input.now } : {}),
    ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
  });
  const letter = parseLetterEntity(verified.content);
  assertEnvelope(letter, input.envelope);
  // With a signerAllowed hook, verify() has already decided (see the module comment).
  if (
    !input.trust.signerAllowed &&
    !verified.signer.emails.some((email) => sameAddress(email, letter.from))
  ) {
    throw new CryptoError(
      'SIGNER_NOT_ALLOWED',
      'the signer certificate does not name the From address and no signerAllowed hook was given',
    );
  }
  return {
    letter,
    signer: verified.signer,
    signerCertificatePem: verified.signerCertificatePem,
    signingTime: verified.signingTime,
  };
}

/** Decrypts and reads a summary (no signature: it is a listing hint, see summary.ts). */
export async function openSummary(input: OpenSummaryInput): Promise<LetterSummary> {
  const plain = await decrypt({ envelope: der(input.summary, 'summary'), recipient: input.recipient });
  return decodeSummary(plain);
}
