/**
 * Passphrase-protected private keys for `liaison keys export`: PKCS#8 EncryptedPrivateKeyInfo (RFC
 * 5958 §3) with PBES2 (RFC 8018): PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256-CBC, PEM label
 * "ENCRYPTED PRIVATE KEY", which `openssl pkey -passin` and every TLS/S/MIME tool read.
 *
 * The core has no such export (its backup shrouds keys the same way inside PKCS#12 but does not export
 * the helper), so this uses the same PKI.js engine call the core uses (`encryptEncryptedContentInfo`
 * through `pkiEngine()`) and writes the two-field SEQUENCE itself. Node's own `KeyObject.export({cipher})`
 * is not used: OpenSSL 3.0 fixes its PBKDF2 iteration count at 2,048.
 */
import { BACKUP_ITERATIONS, base64Encode, pkiEngine, utf8 } from '@liaison/core/crypto/index';

const OID_DATA = '1.2.840.113549.1.7.1';

/** DER length octets. */
function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = parts.reduce((n, p) => n + p.length, 0);
  const length = derLength(body);
  const out = new Uint8Array(1 + length.length + body);
  out[0] = tag;
  out.set(length, 1);
  let offset = 1 + length.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** EncryptedPrivateKeyInfo DER of a PKCS#8 PrivateKeyInfo. */
export async function encryptPkcs8(
  pkcs8: Uint8Array,
  passphrase: string,
  iterations: number = BACKUP_ITERATIONS,
): Promise<Uint8Array> {
  // PKI.js draws and writes its own IV and salt; its parameter type asks for an IV all the same (and
  // reads `length`, which its `Algorithm` type does not declare).
  const aes256Cbc = { name: 'AES-CBC', length: 256, iv: crypto.getRandomValues(new Uint8Array(16)) };
  const encrypted = await pkiEngine().encryptEncryptedContentInfo({
    password: utf8(passphrase.normalize('NFC')).buffer,
    contentEncryptionAlgorithm: aes256Cbc,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: iterations,
    contentToEncrypt: pkcs8.slice().buffer,
    contentType: OID_DATA,
  });
  const algorithm = new Uint8Array(encrypted.contentEncryptionAlgorithm.toSchema().toBER(false));
  const ciphertext = new Uint8Array(encrypted.getEncryptedContent());
  return tlv(0x30, algorithm, tlv(0x04, ciphertext));
}

export async function encryptPkcs8Pem(
  pkcs8: Uint8Array,
  passphrase: string,
  iterations?: number,
): Promise<string> {
  const der = await encryptPkcs8(pkcs8, passphrase, iterations);
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${lines.join('\n')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
}
