/**
 * Personal key pairs. A user has a signing pair (RSASSA-PKCS1-v1_5 / SHA-256) and an encryption pair
 * (RSA-OAEP / SHA-256), 3072 bits, generated extractable on the first device so the private keys can go
 * into the passphrase backup and sign the certificate requests; afterwards a device keeps only
 * non-extractable imports.
 *
 * WebCrypto binds the OAEP hash to the key object, and a message names its own OAEP hash (OpenSSL's
 * default is SHA-1, Liaison writes SHA-256): `importDecryptionKeys` therefore gives one key per hash.
 */
import { pemBlocks, toArrayBuffer, toPem, type Bytes } from './bytes.ts';
import { subtle, type WebCryptoKey, type WebCryptoKeyPair } from './engine.ts';
import { CryptoError, failAs } from './errors.ts';

export const RSA_MODULUS_BITS = 3072;
const PUBLIC_EXPONENT = new Uint8Array([1, 0, 1]);

export const SIGNING_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
export const ENCRYPTION_ALGORITHM = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

export type KeyUse = 'signing' | 'encryption';
export type OaepHash = 'SHA-1' | 'SHA-256';

/** Private keys able to decrypt RSA-OAEP key transport, one per OAEP hash. */
export interface DecryptionKeys {
  'SHA-1': WebCryptoKey;
  'SHA-256': WebCryptoKey;
}

function generate(
  algorithm: { name: string; hash: string },
  usages: ('sign' | 'verify' | 'encrypt' | 'decrypt')[],
) {
  return failAs('CRYPTO_UNAVAILABLE', `cannot generate ${algorithm.name} key`, () =>
    subtle().generateKey(
      { ...algorithm, modulusLength: RSA_MODULUS_BITS, publicExponent: PUBLIC_EXPONENT },
      true,
      usages,
    ),
  ) as Promise<WebCryptoKeyPair>;
}

/** RSASSA-PKCS1-v1_5 with SHA-256, 3072 bits, extractable (for the backup and the CSR). */
export function generateSigningKeyPair(): Promise<WebCryptoKeyPair> {
  return generate(SIGNING_ALGORITHM, ['sign', 'verify']);
}

/** RSA-OAEP with SHA-256, 3072 bits, extractable (for the backup and the CSR). */
export function generateEncryptionKeyPair(): Promise<WebCryptoKeyPair> {
  return generate(ENCRYPTION_ALGORITHM, ['encrypt', 'decrypt']);
}

export function exportPkcs8(privateKey: WebCryptoKey): Promise<ArrayBuffer> {
  return failAs('KEY_MALFORMED', 'private key is not extractable', () =>
    subtle().exportKey('pkcs8', privateKey),
  );
}

export function exportSpki(publicKey: WebCryptoKey): Promise<ArrayBuffer> {
  return failAs('KEY_MALFORMED', 'cannot export public key', () => subtle().exportKey('spki', publicKey));
}

export async function exportPrivateKeyPem(privateKey: WebCryptoKey): Promise<string> {
  return toPem(await exportPkcs8(privateKey), 'PRIVATE KEY');
}

export async function exportPublicKeyPem(publicKey: WebCryptoKey): Promise<string> {
  return toPem(await exportSpki(publicKey), 'PUBLIC KEY');
}

export function pkcs8ToPem(pkcs8: Bytes): string {
  return toPem(pkcs8, 'PRIVATE KEY');
}

/** The DER of the first "PRIVATE KEY" (unencrypted PKCS#8) block of a PEM text. */
export function pkcs8FromPem(pem: string): ArrayBuffer {
  const der = pemBlocks(pem, 'PRIVATE KEY')[0];
  if (!der) throw new CryptoError('KEY_MALFORMED', 'no PRIVATE KEY PEM block');
  return der.buffer;
}

export function spkiFromPem(pem: string): ArrayBuffer {
  const der = pemBlocks(pem, 'PUBLIC KEY')[0];
  if (!der) throw new CryptoError('KEY_MALFORMED', 'no PUBLIC KEY PEM block');
  return der.buffer;
}

/** Imports a PKCS#8 RSA key for signing (RSASSA-PKCS1-v1_5, SHA-256). Non-extractable by default. */
export function importSigningKey(
  pkcs8: Bytes,
  options: { extractable?: boolean } = {},
): Promise<WebCryptoKey> {
  return failAs('KEY_MALFORMED', 'not an RSA PKCS#8 private key', () =>
    subtle().importKey('pkcs8', toArrayBuffer(pkcs8), SIGNING_ALGORITHM, options.extractable ?? false, [
      'sign',
    ]),
  );
}

/** Imports an SPKI RSA public key for encryption (RSA-OAEP, SHA-256). */
export function importEncryptionPublicKey(spki: Bytes): Promise<WebCryptoKey> {
  return failAs('KEY_MALFORMED', 'not an RSA SPKI public key', () =>
    subtle().importKey('spki', toArrayBuffer(spki), ENCRYPTION_ALGORITHM, true, ['encrypt']),
  );
}

/**
 * Imports an RSA private key (PKCS#8) as two non-extractable RSA-OAEP decryption keys, one bound to
 * SHA-1 (OpenSSL's default OAEP hash) and one to SHA-256 (what Liaison writes).
 */
export async function importDecryptionKeys(pkcs8: Bytes): Promise<DecryptionKeys> {
  const der = toArrayBuffer(pkcs8);
  const load = (hash: OaepHash) =>
    failAs('KEY_MALFORMED', 'not an RSA PKCS#8 private key', () =>
      subtle().importKey('pkcs8', der, { name: 'RSA-OAEP', hash }, false, ['decrypt']),
    );
  const [sha1, sha256] = await Promise.all([load('SHA-1'), load('SHA-256')]);
  return { 'SHA-1': sha1, 'SHA-256': sha256 };
}
