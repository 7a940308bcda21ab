import { createPublicKey } from 'node:crypto';
import { fail } from '../errors.ts';
import type { RequestedIdentity } from './identity.ts';
import { x509 } from './x509.ts';

export const MIN_RSA_BITS = 3072;
/** Beyond this a key only costs CPU to every sender and verifier; nobody legitimately sends one. */
const MAX_RSA_BITS = 8192;
const MAX_CSR_CHARS = 16_384;

const OID_CN = '2.5.4.3';
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_EMAIL = '1.2.840.113549.1.9.1';
const OID_SAN = '2.5.29.17';
const SHORT_NAMES: Record<string, string> = { CN: OID_CN, E: OID_EMAIL };

export interface CheckedCsr {
  /** SubjectPublicKeyInfo DER, copied as is into the certificate. */
  publicKey: x509.PublicKey;
  keyBits: number;
  requested: RequestedIdentity;
}

/**
 * Reads a PKCS#10 request and checks what does not depend on who sent it: an RSA key of at least
 * 3072 bits with a sane exponent, and a signature made with that key (proof of possession).
 * Extensions the CSR asks for are ignored apart from the e-mail addresses: the CA sets its own.
 */
export async function checkCsr(text: string): Promise<CheckedCsr> {
  if (text.length > MAX_CSR_CHARS) fail('CSR_INVALID', 'The certificate request is too large.');
  let csr: x509.Pkcs10CertificateRequest;
  let requested: RequestedIdentity;
  try {
    csr = new x509.Pkcs10CertificateRequest(text.trim());
    requested = readRequestedIdentity(csr);
  } catch {
    fail('CSR_INVALID');
  }
  const keyBits = checkKey(csr.publicKey);
  let signed = false;
  try {
    signed = await csr.verify();
  } catch {
    // An unknown or malformed signature algorithm proves nothing either.
  }
  if (!signed) fail('CSR_SIGNATURE_INVALID');
  return { publicKey: csr.publicKey, keyBits, requested };
}

function checkKey(publicKey: x509.PublicKey): number {
  let details: { type: string | undefined; bits: number; exponent: bigint };
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey.rawData), format: 'der', type: 'spki' });
    details = {
      type: key.asymmetricKeyType,
      bits: key.asymmetricKeyDetails?.modulusLength ?? 0,
      exponent: key.asymmetricKeyDetails?.publicExponent ?? 0n,
    };
  } catch {
    fail('CSR_INVALID', 'The public key in the certificate request cannot be read.');
  }
  // rsaEncryption only: RSA-PSS-restricted keys cannot do the OAEP key transport S/MIME needs.
  if (details.type !== 'rsa') {
    fail('WEAK_KEY', `Only RSA keys of at least ${MIN_RSA_BITS} bits are accepted.`, {
      algorithm: details.type ?? 'unknown',
    });
  }
  if (details.bits < MIN_RSA_BITS) {
    fail('WEAK_KEY', `The RSA key has ${details.bits} bits; at least ${MIN_RSA_BITS} are required.`, {
      bits: details.bits,
      minimum: MIN_RSA_BITS,
    });
  }
  if (details.bits > MAX_RSA_BITS) {
    fail('CSR_INVALID', `RSA keys over ${MAX_RSA_BITS} bits are not accepted.`, { bits: details.bits });
  }
  if (details.exponent < 65537n || details.exponent % 2n === 0n) {
    fail('WEAK_KEY', 'The RSA public exponent must be odd and at least 65537.');
  }
  return details.bits;
}

function readRequestedIdentity(csr: x509.Pkcs10CertificateRequest): RequestedIdentity {
  const requested: RequestedIdentity = {
    commonNames: [],
    serialNumbers: [],
    emails: [],
    otherSubjectAttributes: [],
    otherAltNames: [],
  };
  // toJSON names the types it knows (CN, E…) and leaves the others, serialNumber included, as OIDs.
  for (const rdn of csr.subjectName.toJSON()) {
    for (const [type, values] of Object.entries(rdn)) {
      const oid = SHORT_NAMES[type] ?? type;
      for (const value of values) {
        if (oid === OID_CN) requested.commonNames.push(value);
        else if (oid === OID_SERIAL_NUMBER) requested.serialNumbers.push(value);
        else if (oid === OID_EMAIL) requested.emails.push(value.toLowerCase());
        else requested.otherSubjectAttributes.push(type);
      }
    }
  }
  for (const extension of csr.getExtensions(OID_SAN)) {
    const san = new x509.SubjectAlternativeNameExtension(extension.rawData);
    for (const name of san.names.items) {
      if (name.type === 'email') requested.emails.push(name.value.toLowerCase());
      else requested.otherAltNames.push(`${name.type}:${name.value}`);
    }
  }
  return requested;
}
