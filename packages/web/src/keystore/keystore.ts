/**
 * This browser's private keys, in IndexedDB, as NON-extractable WebCrypto keys: scripts of this origin
 * can use them to sign and decrypt but nobody, not even this app, can read their bytes back out. The
 * extractable originals live only as long as it takes to sign the CSRs and build the backup.
 *
 * One database, two object stores, one record per certificate (key history included), keyed by
 * "<userId>:<serial>" so two people sharing a workstation never see each other's keys:
 * - `keys`: the signing key (RSASSA-PKCS1-v1_5 / SHA-256) or the decryption keys (RSA-OAEP, one per
 *   OAEP hash: SHA-1 for OpenSSL's default, SHA-256 for what Liaison writes);
 * - `certificates`: the matching certificate (PEM), public, to name the key in a CMS RecipientInfo.
 */
import { inTransaction, openDatabase, requestResult } from './idb.ts';

const DB_NAME = 'liaison-keystore';
const DB_VERSION = 1;
const KEYS = 'keys';
const CERTIFICATES = 'certificates';
const BY_USER = 'userId';

export type KeyUsage = 'signing' | 'encryption';

export interface DecryptionKeys {
  'SHA-1': CryptoKey;
  'SHA-256': CryptoKey;
}

interface RecordBase {
  /** "<userId>:<serial>" */
  id: string;
  userId: string;
  /** Certificate serial, lowercase hex (as the server names it). */
  serial: string;
}

export type KeyRecord = RecordBase &
  ({ usage: 'signing'; signingKey: CryptoKey } | { usage: 'encryption'; decryptionKeys: DecryptionKeys }) & {
    storedAt: string;
  };

export interface CertificateRecord extends RecordBase {
  usage: KeyUsage;
  pem: string;
  notAfter: string;
}

/** What a caller hands over for one certificate: its key(s), already imported non-extractable. */
export type KeyEntry = {
  serial: string;
  certificatePem: string;
  notAfter: string;
} & ({ usage: 'signing'; signingKey: CryptoKey } | { usage: 'encryption'; decryptionKeys: DecryptionKeys });

const recordId = (userId: string, serial: string) => `${userId}:${serial}`;

function upgrade(db: IDBDatabase): void {
  for (const name of [KEYS, CERTIFICATES]) {
    if (!db.objectStoreNames.contains(name)) {
      db.createObjectStore(name, { keyPath: 'id' }).createIndex(BY_USER, BY_USER, { unique: false });
    }
  }
}

async function withDb<T>(use: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(DB_NAME, DB_VERSION, upgrade);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

function cryptoKeysOf(entry: KeyEntry): CryptoKey[] {
  return entry.usage === 'signing'
    ? [entry.signingKey]
    : [entry.decryptionKeys['SHA-1'], entry.decryptionKeys['SHA-256']];
}

/**
 * Stores keys and certificates in one transaction (all or nothing). Refuses an extractable key: a key
 * written here must never be readable again.
 */
export async function saveKeys(userId: string, entries: KeyEntry[]): Promise<void> {
  for (const entry of entries) {
    if (cryptoKeysOf(entry).some((key) => key.extractable)) {
      throw new Error(`refusing to store an extractable key (certificate ${entry.serial})`);
    }
  }
  const storedAt = new Date().toISOString();
  await withDb((db) =>
    inTransaction(db, [KEYS, CERTIFICATES], 'readwrite', async (tx) => {
      const keys = tx.objectStore(KEYS);
      const certificates = tx.objectStore(CERTIFICATES);
      const writes: Promise<IDBValidKey>[] = [];
      for (const entry of entries) {
        const id = recordId(userId, entry.serial);
        const base = { id, userId, serial: entry.serial, storedAt };
        const record: KeyRecord =
          entry.usage === 'signing'
            ? { ...base, usage: 'signing', signingKey: entry.signingKey }
            : { ...base, usage: 'encryption', decryptionKeys: entry.decryptionKeys };
        writes.push(requestResult(keys.put(record)));
        const certificate: CertificateRecord = {
          id,
          userId,
          serial: entry.serial,
          usage: entry.usage,
          pem: entry.certificatePem,
          notAfter: entry.notAfter,
        };
        writes.push(requestResult(certificates.put(certificate)));
      }
      await Promise.all(writes);
    }),
  );
}

/** Every key of this person on this browser, with its certificate. */
export async function loadKeys(userId: string): Promise<KeyRecord[]> {
  return withDb((db) =>
    inTransaction(db, [KEYS], 'readonly', (tx) =>
      requestResult(tx.objectStore(KEYS).index(BY_USER).getAll(userId) as IDBRequest<KeyRecord[]>),
    ),
  );
}

export async function loadCertificates(userId: string): Promise<CertificateRecord[]> {
  return withDb((db) =>
    inTransaction(db, [CERTIFICATES], 'readonly', (tx) =>
      requestResult(
        tx.objectStore(CERTIFICATES).index(BY_USER).getAll(userId) as IDBRequest<CertificateRecord[]>,
      ),
    ),
  );
}

/** Serials of the certificates whose private keys this browser holds for this person. */
export async function storedSerials(userId: string): Promise<string[]> {
  return (await loadKeys(userId)).map((record) => record.serial);
}

/** Drops this person's keys from this browser (device revoked, or the person asks). */
export async function forgetKeys(userId: string): Promise<void> {
  await withDb((db) =>
    inTransaction(db, [KEYS, CERTIFICATES], 'readwrite', async (tx) => {
      const range = IDBKeyRange.only(userId);
      for (const name of [KEYS, CERTIFICATES]) {
        const ids = await requestResult(tx.objectStore(name).index(BY_USER).getAllKeys(range));
        await Promise.all(ids.map((id) => requestResult(tx.objectStore(name).delete(id))));
      }
    }),
  );
}

/**
 * Asks the browser not to evict this origin's storage under pressure. Browsers may say no (Chromium
 * decides on site engagement); the keys then stay restorable from the backup. Returns the decision.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

export async function isStoragePersistent(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persisted) return false;
  try {
    return await storage.persisted();
  } catch {
    return false;
  }
}
