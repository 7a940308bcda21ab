import type { Mailbox } from '@liaison/core/api/index';
import {
  base64Decode,
  decrypt,
  importDecryptionKeys,
  type DecryptRecipient,
} from '@liaison/core/crypto/index';
import { api } from '../api/client.ts';
import { fetchMailboxKeys } from '../api/mail.ts';
import { object, schema, string } from '../api/shapes.ts';
import { loadCertificates, loadKeys } from '../keystore/keystore.ts';
import { canHoldKeys } from '../lib/secureContext.ts';
import { MailError } from './errors.ts';

/**
 * The keys this browser holds for one person, read from the keystore (src/keystore): non-extractable
 * CryptoKeys, usable to sign and decrypt, never readable. The whole history is kept, so mail sent to
 * a certificate renewed since stays readable.
 */
export interface PersonalKeys {
  /** One entry per encryption certificate (each with its OAEP SHA-1 and SHA-256 keys). */
  decryption: DecryptRecipient[];
  signing: SigningKey[];
}

export interface SigningKey {
  /** Certificate serial, lowercase hex as the server names it. */
  serial: string;
  certificatePem: string;
  privateKey: CryptoKey;
}

/** Serials compared the way the server normalises them (hex, no colons, no leading zero bytes). */
export function sameSerial(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/[:\s]/g, '')
      .toLowerCase()
      .replace(/^(00)+(?=[0-9a-f]{2})/, '');
  return norm(a) === norm(b);
}

export async function loadPersonalKeys(userId: string): Promise<PersonalKeys> {
  if (!canHoldKeys()) throw new MailError('INSECURE_CONTEXT');
  const [keys, certificates] = await Promise.all([loadKeys(userId), loadCertificates(userId)]);
  const pemOf = (serial: string) => certificates.find((c) => c.serial === serial)?.pem;
  const decryption: DecryptRecipient[] = [];
  const signing: SigningKey[] = [];
  for (const record of keys) {
    const certificatePem = pemOf(record.serial);
    if (!certificatePem) continue;
    if (record.usage === 'encryption') decryption.push({ certificatePem, keys: record.decryptionKeys });
    else signing.push({ serial: record.serial, certificatePem, privateKey: record.signingKey });
  }
  if (decryption.length === 0 && signing.length === 0) throw new MailError('NO_KEYS');
  return { decryption, signing };
}

// Contract: GET /api/pki/certificates/:serial (packages/server/src/pki/schemas.ts, CertificateView).
// zod stays a dependency of core (see api/client.ts): the web checks this shape with api/shapes.ts.
const CertificatePem = schema(object({ serial: string, certificatePem: string }));

/**
 * A shared mailbox's private keys (ORG, APP, CAB): each key version comes wrapped (CMS) to this
 * person's encryption certificate; unwrapped here and imported non-extractable at once, so the PKCS#8
 * bytes live only for the length of one import.
 */
export async function loadSharedMailboxKeys(
  mailbox: Pick<Mailbox, 'id'>,
  personal: PersonalKeys,
): Promise<DecryptRecipient[]> {
  const versions = await fetchMailboxKeys(mailbox.id);
  if (versions.length === 0) throw new MailError('SHARED_KEYS_MISSING');
  const recipients: DecryptRecipient[] = [];
  for (const version of versions) {
    const view = await api(
      `/api/pki/certificates/${encodeURIComponent(version.certificateSerial)}`,
      CertificatePem,
    );
    const pkcs8 = await decrypt({ envelope: base64Decode(version.envelope), recipient: personal.decryption });
    try {
      recipients.push({ certificatePem: view.certificatePem, keys: await importDecryptionKeys(pkcs8) });
    } finally {
      pkcs8.fill(0);
    }
  }
  return recipients;
}

/** Whose keys open a mailbox's mail: a personal one uses its owner's key, the others their own. */
export function usesOwnKeys(mailbox: Pick<Mailbox, 'kind'>): boolean {
  return mailbox.kind !== 'PER';
}
