/**
 * The passphrase-protected backup on the server: the whole key history of the keystore as one PKCS#12
 * (core's createBackup: PBES2, PBKDF2-HMAC-SHA256 600,000 iterations, AES-256-CBC, HMAC-SHA256 MAC
 * with as many iterations), uploaded with the version it replaces so two devices cannot overwrite
 * each other's keys unnoticed.
 */
import { BACKUP_ITERATIONS, base64Encode, createBackup } from '@liaison/core/crypto/index';
import { ApiError } from '../api.ts';
import type { CertificateView, KeyBackupView } from '../apiTypes.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { LazyPrompter, newPassphrase } from '../passphrase.ts';
import { bindAccount, connect, ensureDevice, type Remote } from '../remote.ts';

/** The backup on the server, or null when none was saved yet. */
export async function currentBackup(remote: Remote): Promise<KeyBackupView | null> {
  try {
    return await remote.api.get<KeyBackupView>('/api/keys/backup');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BACKUP_NOT_FOUND') return null;
    throw err;
  }
}

/** The account's personal certificates (any state), newest first, as the server lists them. */
export function personalCertificates(remote: Remote, userId: string): Promise<CertificateView[]> {
  return remote.api
    .get<CertificateView[]>(`/api/pki/users/${encodeURIComponent(userId)}/certificates`)
    .then((list) => list.filter((c) => c.mailboxId === null));
}

/** Builds the PKCS#12 of every key in the keystore and uploads it in place of `expectedVersion`. */
export async function uploadBackup(
  store: Keystore,
  remote: Remote,
  passphrase: string,
  expectedVersion: number | null,
): Promise<KeyBackupView> {
  const keys = store.all();
  if (keys.length === 0) throw new CliFailure('KEY_NOT_FOUND', `no key in ${store.home} to back up`);
  const pkcs12 = await createBackup({
    passphrase,
    iterations: BACKUP_ITERATIONS,
    entries: keys.map((k) => ({
      privateKeyPkcs8: k.privateKeyPkcs8.slice().buffer,
      certificatePem: k.certificatePem,
      usage: k.record.usage,
      label: k.record.label,
    })),
  });
  try {
    const saved = await remote.api.put<KeyBackupView>('/api/keys/backup', {
      backup: base64Encode(pkcs12),
      expectedVersion,
    });
    store.state.backupVersion = saved.version;
    store.save();
    return saved;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'BACKUP_CONFLICT') {
      throw new CliFailure(
        'BACKUP_CONFLICT',
        'the backup on the server changed meanwhile (another device saved keys)',
        1,
        'Run `liaison keys restore` to merge its keys into this keystore, then `liaison keys backup` again.',
      );
    }
    throw err;
  }
}

export interface BackupOptions {
  home: string;
  passphraseFile?: string;
  force?: boolean;
}

/**
 * `liaison keys backup`: uploads the keystore's whole key history again (e.g. with a new passphrase).
 * Refused when the server knows certificates whose keys this keystore lacks, since the new backup
 * would silently drop them; `keys restore` merges them first.
 */
export async function keysBackup(options: BackupOptions): Promise<void> {
  const store = Keystore.open(options.home);
  const remote = connect(store);
  const me = await bindAccount(store, remote);
  await ensureDevice(store, remote, { next: 'liaison keys backup' });
  const local = new Set(store.state.keys.map((k) => k.serial));
  const missing = (await personalCertificates(remote, me.id)).filter((c) => !local.has(c.serial));
  if (missing.length > 0 && !options.force) {
    throw new CliFailure(
      'BACKUP_INCOMPLETE',
      `the server knows ${missing.length} certificate(s) whose keys are not in ${store.home}: ${missing.map((c) => `${c.usage} ${c.serial}`).join(', ')}`,
      1,
      'Run `liaison keys restore` first (it merges the backup into this keystore), or add --force to drop them from the backup.',
    );
  }
  const current = await currentBackup(remote);
  const prompt = new LazyPrompter();
  let passphrase: string;
  try {
    passphrase = await newPassphrase(options, prompt, 'backup');
  } finally {
    prompt.close();
  }
  const saved = await uploadBackup(store, remote, passphrase, current?.version ?? null);
  process.stdout.write(
    `Key backup saved on the server (version ${saved.version}, ${store.state.keys.length} key(s))\n`,
  );
}
