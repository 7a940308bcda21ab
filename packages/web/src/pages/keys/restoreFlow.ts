import {
  base64Decode,
  importDecryptionKeys,
  importSigningKey,
  openBackup,
  readCertificate,
} from '@liaison/core/crypto/index';
import { requestPersistentStorage, saveKeys, type KeyEntry } from '../../keystore/keystore.ts';

export interface RestoreResult {
  /** Serials of every certificate whose key was installed (the whole key history of the backup). */
  serials: string[];
  persistent: boolean;
}

/**
 * Opens the person's PKCS#12 backup with their passphrase (here, in the browser: the server never
 * sees it) and installs every key it holds as non-extractable imports. A wrong passphrase throws the
 * core's CryptoError BACKUP_WRONG_PASSPHRASE and stores nothing.
 */
export async function restoreKeys(input: {
  userId: string;
  backupBase64: string;
  passphrase: string;
}): Promise<RestoreResult> {
  const opened = await openBackup(base64Decode(input.backupBase64), input.passphrase);
  const entries: KeyEntry[] = [];
  try {
    for (const entry of opened) {
      // A key without its certificate cannot be named in a message: nothing would ever use it.
      if (!entry.certificatePem) continue;
      const certificate = readCertificate(entry.certificatePem);
      const common = {
        serial: certificate.serialNumberHex,
        certificatePem: entry.certificatePem,
        notAfter: certificate.notAfter.toISOString(),
      };
      entries.push(
        entry.usage === 'signing'
          ? { ...common, usage: 'signing', signingKey: await importSigningKey(entry.privateKeyPkcs8) }
          : {
              ...common,
              usage: 'encryption',
              decryptionKeys: await importDecryptionKeys(entry.privateKeyPkcs8),
            },
      );
    }
  } finally {
    for (const entry of opened) new Uint8Array(entry.privateKeyPkcs8).fill(0);
  }
  await saveKeys(input.userId, entries);
  return { serials: entries.map((entry) => entry.serial), persistent: await requestPersistentStorage() };
}
