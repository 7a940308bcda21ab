import {
  base64Encode,
  createBackup,
  createCsr,
  exportPkcs8,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  importDecryptionKeys,
  importSigningKey,
  type CsrSubject,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import { saveKeyBackup } from '../../api/devices.ts';
import { submitCsr, type Certificate, type CertificateUsage, type ExpectedSubject } from '../../api/pki.ts';
import { requestPersistentStorage, saveKeys, type KeyEntry } from '../../keystore/keystore.ts';

export const GENERATION_STEPS = ['keys', 'certificates', 'backup', 'device'] as const;
export type GenerationStep = (typeof GENERATION_STEPS)[number];

/**
 * What an attempt has achieved so far. A failed attempt (network, server) keeps it, so "Resume" goes
 * on from the failed step instead of certifying a second pair of keys. Holds the only extractable
 * copies of the private keys: the caller drops it once the flow has finished.
 */
export interface GenerationWork {
  pairs?: Record<CertificateUsage, WebCryptoKeyPair>;
  certificates?: Partial<Record<CertificateUsage, Certificate>>;
  backupSaved?: boolean;
}

export interface GenerationResult {
  serials: string[];
  persistent: boolean;
}

/** The subject the CA expects (GET /api/pki/subject), in the shape the CSR builder takes. */
export function csrSubject(expected: ExpectedSubject): CsrSubject {
  const email = expected.emails[0];
  if (email === undefined) throw new Error('no personal mailbox to certify');
  return {
    commonName: expected.commonName,
    email,
    ...(expected.serialNumber !== null ? { serialNumber: expected.serialNumber } : {}),
  };
}

/** Overwrites a private key's bytes once they are no longer needed (best effort: JS may have copies). */
function wipe(buffer: ArrayBuffer): void {
  new Uint8Array(buffer).fill(0);
}

async function pkcs8Of(pair: WebCryptoKeyPair): Promise<ArrayBuffer> {
  return exportPkcs8(pair.privateKey);
}

/**
 * First keys of a person, in this browser (DESIGN §3 "In the browser"): two extractable RSA pairs,
 * certified through CSRs that each key signs itself, backed up as a passphrase-encrypted PKCS#12 on
 * the server, then kept here only as non-extractable imports (signing: RSASSA-PKCS1-v1_5 / SHA-256;
 * decryption: RSA-OAEP bound to SHA-1 and to SHA-256), with persistent storage requested.
 *
 * The backup is saved before anything is stored locally: keys that exist only in one browser would be
 * lost with it, and would make every other device of the person useless.
 */
export async function generateKeys(input: {
  userId: string;
  subject: ExpectedSubject;
  passphrase: string;
  work: GenerationWork;
  onStep: (step: GenerationStep) => void;
}): Promise<GenerationResult> {
  const { work, onStep } = input;

  onStep('keys');
  if (!work.pairs) {
    const [signing, encryption] = await Promise.all([generateSigningKeyPair(), generateEncryptionKeyPair()]);
    work.pairs = { signing, encryption };
  }
  const pairs = work.pairs;

  onStep('certificates');
  const subject = csrSubject(input.subject);
  const certificates = (work.certificates ??= {});
  for (const usage of ['signing', 'encryption'] as const) {
    if (certificates[usage]) continue;
    const csrPem = await createCsr({ keyPair: pairs[usage], usage, subject });
    certificates[usage] = await submitCsr(usage, csrPem);
  }
  const signing = certificates.signing;
  const encryption = certificates.encryption;
  if (!signing || !encryption) throw new Error('certificates missing after certification');

  onStep('backup');
  if (!work.backupSaved) {
    const signingPkcs8 = await pkcs8Of(pairs.signing);
    const encryptionPkcs8 = await pkcs8Of(pairs.encryption);
    try {
      const backup = await createBackup({
        passphrase: input.passphrase,
        entries: [
          {
            privateKeyPkcs8: signingPkcs8,
            certificatePem: signing.certificatePem,
            usage: 'signing',
            label: signing.serial,
          },
          {
            privateKeyPkcs8: encryptionPkcs8,
            certificatePem: encryption.certificatePem,
            usage: 'encryption',
            label: encryption.serial,
          },
        ],
      });
      // First backup of this person: the server refuses to overwrite an existing one (409).
      await saveKeyBackup(base64Encode(backup), null);
      work.backupSaved = true;
    } finally {
      wipe(signingPkcs8);
      wipe(encryptionPkcs8);
    }
  }

  onStep('device');
  const signingPkcs8 = await pkcs8Of(pairs.signing);
  const encryptionPkcs8 = await pkcs8Of(pairs.encryption);
  let entries: KeyEntry[];
  try {
    entries = [
      {
        usage: 'signing',
        serial: signing.serial,
        certificatePem: signing.certificatePem,
        notAfter: signing.notAfter,
        signingKey: await importSigningKey(signingPkcs8),
      },
      {
        usage: 'encryption',
        serial: encryption.serial,
        certificatePem: encryption.certificatePem,
        notAfter: encryption.notAfter,
        decryptionKeys: await importDecryptionKeys(encryptionPkcs8),
      },
    ];
  } finally {
    wipe(signingPkcs8);
    wipe(encryptionPkcs8);
  }
  await saveKeys(input.userId, entries);
  const persistent = await requestPersistentStorage();
  // The extractable originals are no longer referenced once the caller lets go of `work`.
  delete work.pairs;
  return { serials: [signing.serial, encryption.serial], persistent };
}
