/**
 * `liaison keys restore`: brings the key history to this device from the server backup. The device
 * must be approved first (by code from an enrolled device, or by a technician); the passphrase opens
 * the backup here, the server never sees it. Keys already in the keystore are kept (merged by serial).
 */
import { base64Decode, openBackup, toArrayBuffer } from '@liaison/core/crypto/index';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { existingPassphrase, LazyPrompter } from '../passphrase.ts';
import { asPending, bindAccount, connect, ensureDevice } from '../remote.ts';
import { currentBackup } from './backup.ts';

export interface RestoreOptions {
  home: string;
  passphraseFile?: string;
  deviceName?: string;
}

export async function keysRestore(options: RestoreOptions): Promise<void> {
  const store = Keystore.open(options.home, { create: true });
  const remote = connect(store);
  await bindAccount(store, remote);
  const next = 'liaison keys restore';
  await ensureDevice(store, remote, {
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    next,
  });
  const backup = await currentBackup(remote).catch((err: unknown) => {
    throw asPending(err, store, next);
  });
  if (!backup) {
    throw new CliFailure(
      'BACKUP_NOT_FOUND',
      'no key backup on the server yet',
      1,
      'Create your keys on your first device with `liaison keys init` (or in the web app).',
    );
  }

  const prompt = new LazyPrompter();
  let passphrase: string;
  try {
    passphrase = await existingPassphrase(options, prompt, 'Backup');
  } finally {
    prompt.close();
  }
  const entries = await openBackup(toArrayBuffer(base64Decode(backup.backup)), passphrase);

  // The backup is authenticated by its passphrase MAC: its certificates are taken as they are (old
  // ones may come from an issuing CA the instance has since replaced).
  store.saveCaChain(await remote.api.text('/pki/ca.pem'));
  let added = 0;
  let skipped = 0;
  for (const entry of entries) {
    if (!entry.certificatePem) {
      skipped++;
      continue;
    }
    const before = store.state.keys.length;
    const record = store.addKey({
      privateKeyPkcs8: new Uint8Array(entry.privateKeyPkcs8),
      certificatePem: entry.certificatePem,
      usage: entry.usage,
      label: entry.label,
    });
    if (store.state.keys.length > before) {
      added++;
      process.stdout.write(
        `${record.usage} key ${record.serial} (valid until ${record.notAfter.slice(0, 10)})\n`,
      );
    }
  }
  store.state.backupVersion = backup.version;
  store.save();
  const kept = skipped > 0 ? `; ${skipped} key(s) without a certificate left out` : '';
  process.stdout.write(
    `Restored ${added} key(s) from backup version ${backup.version} into ${store.home}${kept}\n`,
  );
}
