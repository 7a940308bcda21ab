/**
 * S/MIME messages (RFC 8551) in the order Liaison sends them: sign the MIME entity, wrap the signature
 * as an `application/pkcs7-mime; smime-type=signed-data` entity, encrypt that entity, wrap the envelope
 * as `smime-type=enveloped-data`. Both layers are base64 MIME that `openssl cms` and mail clients read
 * (`openssl smime`, the older PKCS#7 tool, verifies the signed layer but knows no RSA-OAEP). Reading
 * accepts the DER form too, and `multipart/signed` (clear-signed) inner entities.
 */
import { asUint8Array } from './bytes.ts';
import { decrypt, type DecryptRecipient } from './decrypt.ts';
import { encrypt } from './encrypt.ts';
import { CryptoError } from './errors.ts';
import { readSmime, wrapSmime } from './mime.ts';
import { sign, type Signer } from './sign.ts';
import { verify, type TrustPolicy, type VerifiedMessage } from './verify.ts';

export interface SignThenEncryptInput {
  /** The MIME entity to send (canonical CRLF). */
  content: Uint8Array;
  signer: Signer;
  /** Recipient encryption certificates (PEM), the sender's own included to keep a readable copy. */
  recipients: string[];
  signingTime?: Date;
}

export interface DecryptThenVerifyInput {
  /** The S/MIME entity (`application/pkcs7-mime`), or the EnvelopedData DER. */
  message: Uint8Array;
  recipient: DecryptRecipient | DecryptRecipient[];
  trust: TrustPolicy;
  now?: Date;
  receivedAt?: Date;
}

/** Signs then encrypts; returns the EnvelopedData DER (its content is the signed S/MIME entity). */
export async function signThenEncryptDer(input: SignThenEncryptInput): Promise<Uint8Array> {
  const signed = await sign({
    content: input.content,
    signer: input.signer,
    ...(input.signingTime ? { signingTime: input.signingTime } : {}),
  });
  return encrypt({ content: wrapSmime(signed, 'signed-data'), recipients: input.recipients });
}

/** Signs then encrypts; returns the S/MIME entity (`application/pkcs7-mime; smime-type=enveloped-data`). */
export async function signThenEncrypt(input: SignThenEncryptInput): Promise<Uint8Array> {
  return wrapSmime(await signThenEncryptDer(input), 'enveloped-data');
}

function looksLikeDer(bytes: Uint8Array): boolean {
  return bytes[0] === 0x30;
}

/** The CMS DER of an S/MIME entity, or the input itself when it already is DER. */
function envelopeDer(message: Uint8Array): Uint8Array {
  if (looksLikeDer(message)) return message;
  const smime = readSmime(message);
  if (smime.kind !== 'pkcs7-mime' || (smime.smimeType && smime.smimeType !== 'enveloped-data')) {
    throw new CryptoError('CMS_MALFORMED', 'not an enveloped-data S/MIME entity');
  }
  return smime.der;
}

/** Decrypts an S/MIME message (entity or DER) and returns the inner MIME entity. */
export async function decryptSmime(input: {
  message: Uint8Array;
  recipient: DecryptRecipient | DecryptRecipient[];
}): Promise<Uint8Array> {
  return decrypt({ envelope: envelopeDer(asUint8Array(input.message)), recipient: input.recipient });
}

/** Verifies a signed S/MIME entity: opaque (`smime-type=signed-data`), clear-signed, or SignedData DER. */
export async function verifySmime(input: {
  message: Uint8Array;
  trust: TrustPolicy;
  now?: Date;
  receivedAt?: Date;
}): Promise<VerifiedMessage> {
  const message = asUint8Array(input.message);
  const common = {
    trust: input.trust,
    ...(input.now ? { now: input.now } : {}),
    ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
  };
  if (looksLikeDer(message)) return verify({ signed: message, ...common });
  const smime = readSmime(message);
  if (smime.kind === 'multipart-signed') {
    return verify({ signed: smime.signature, detachedContent: smime.content, ...common });
  }
  if (smime.smimeType && smime.smimeType !== 'signed-data') {
    throw new CryptoError('NOT_SIGNED', `S/MIME ${smime.smimeType}, not signed-data`);
  }
  return verify({ signed: smime.der, ...common });
}

/** Decrypts then verifies (the inverse of {@link signThenEncrypt}); returns the original entity. */
export async function decryptThenVerify(input: DecryptThenVerifyInput): Promise<VerifiedMessage> {
  const inner = await decryptSmime({ message: input.message, recipient: input.recipient });
  return verifySmime({
    message: inner,
    trust: input.trust,
    ...(input.now ? { now: input.now } : {}),
    ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
  });
}
