// tsyringe, used inside @peculiar/x509, needs the Reflect metadata polyfill loaded before it.
import 'reflect-metadata';
import { randomBytes, type webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto, the same API the browser uses: one code path for both.
x509.cryptoProvider.set(globalThis.crypto);

export { x509 };

// The project compiles without the DOM lib, so WebCrypto's types come from Node's declarations.
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** The one signature algorithm the CA uses: RSASSA-PKCS1-v1_5 with SHA-256 (what OpenSSL expects). */
export const SIGNING_ALGORITHM: webcrypto.RsaHashedKeyGenParams & webcrypto.RsaHashedImportParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  modulusLength: 3072,
  publicExponent: new Uint8Array([1, 0, 1]),
};

/**
 * A random 16-byte positive serial as lowercase hex. The first byte is kept in 0x01..0x7f so the DER
 * INTEGER is exactly 16 bytes (no sign padding, no leading zero dropped) and the hex reads the same
 * in our database, in the certificate and in `openssl x509 -serial`.
 */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Serials arrive from users as `3A:F0…`, `3af0…` or `0x3AF0…`; stored and compared as plain lowercase hex. */
export function normaliseSerial(input: string): string {
  return input
    .trim()
    .replace(/^0x/i, '')
    .replace(/[:\s]/g, '')
    .toLowerCase()
    .replace(/^(00)+(?=[0-9a-f]{2})/, '');
}

export function pemOf(der: ArrayBuffer, tag: 'CERTIFICATE' | 'X509 CRL'): string {
  return x509.PemConverter.encode(der, tag) + '\n';
}

export function derOfPem(pem: string): Uint8Array {
  const [first] = x509.PemConverter.decode(pem);
  if (!first) throw new Error('no PEM block');
  return new Uint8Array(first);
}
