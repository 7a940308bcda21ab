/**
 * `liaison keys init`: the first device's keys. Registers this keystore as a device, generates the
 * signing and encryption pairs (RSA 3072) here, has the instance CA certify them from CSRs carrying
 * exactly the subject the server expects, keeps them in the keystore and uploads the backup.
 */
import {
  createCsr,
  exportPkcs8,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  type WebCryptoKeyPair,
} from '@liaison/core/crypto/index';
import type { CertificateView, ExpectedSubject, KeyUsage } from '../apiTypes.ts';
import { checkChainsTo } from '../certificateCheck.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { LazyPrompter, newPassphrase } from '../passphrase.ts';
import { bindAccount, connect, ensureDevice, type Remote } from '../remote.ts';
import { currentBackup, personalCertificates, uploadBackup } from './backup.ts';

export interface InitOptions {
  home: string;
  passphraseFile?: string;
  deviceName?: string;
  force?: boolean;
}

/** The address to certify: the first personal mailbox the server would certify. */
function mailboxOf(subject: ExpectedSubject): string {
  const email = subject.emails[0];
  if (email) return email;
  throw new CliFailure(
    'NO_MAILBOX',
    'your account has no personal mailbox to certify yet',
    1,
    'Keys are certified once a technician has verified your identity (your personal mailbox is created then).',
  );
}

async function certify(
  remote: Remote,
  usage: KeyUsage,
  keyPair: WebCryptoKeyPair,
  subject: ExpectedSubject,
): Promise<CertificateView> {
  const email = mailboxOf(subject);
  const csrPem = await createCsr({
    keyPair,
    usage,
    subject: {
      commonName: subject.commonName,
      email,
      ...(subject.serialNumber ? { serialNumber: subject.serialNumber } : {}),
    },
  });
  return remote.api.post<CertificateView>('/api/pki/csr', { usage, csrPem });
}

export async function keysInit(options: InitOptions): Promise<void> {
  const store = Keystore.open(options.home, { create: true });
  if (store.state.keys.length > 0) {
    throw new CliFailure(
      'KEYS_EXIST',
      `${store.home} already holds keys`,
      1,
      'Run `liaison keys backup` to upload them again, or use another --home.',
    );
  }
  const remote = connect(store);
  const me = await bindAccount(store, remote);
  const subjects = {
    signing: await remote.api.get<ExpectedSubject>('/api/pki/subject?usage=signing'),
    encryption: await remote.api.get<ExpectedSubject>('/api/pki/subject?usage=encryption'),
  };
  mailboxOf(subjects.signing);
  mailboxOf(subjects.encryption);
  const activeCertificates = (await personalCertificates(remote, me.id)).filter((c) => c.state === 'active');
  await ensureDevice(store, remote, {
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    next: activeCertificates.length > 0 ? 'liaison keys restore' : 'liaison keys init',
  });
  const backup = await currentBackup(remote);
  if (backup) {
    throw new CliFailure(
      'KEYS_EXIST',
      `your keys already exist (backup version ${backup.version} on the server)`,
      1,
      'Bring them to this device with `liaison keys restore`.',
    );
  }
  if (activeCertificates.length > 0 && !options.force) {
    throw new CliFailure(
      'CERTIFICATES_EXIST',
      `you already have ${activeCertificates.length} active certificate(s) but no key backup`,
      1,
      'New keys would supersede them: mail encrypted to the old ones stays readable only where their keys are. Add --force to go on.',
    );
  }

  const prompt = new LazyPrompter();
  let passphrase: string;
  try {
    passphrase = await newPassphrase(options, prompt, 'backup');
  } finally {
    prompt.close();
  }

  process.stderr.write('Generating RSA 3072 signing and encryption keys…\n');
  const [signing, encryption] = await Promise.all([generateSigningKeyPair(), generateEncryptionKeyPair()]);
  const chain = await remote.api.text('/pki/ca.pem');
  store.saveCaChain(chain);
  for (const [usage, keyPair] of [
    ['signing', signing],
    ['encryption', encryption],
  ] as const) {
    const certificate = await certify(remote, usage, keyPair, subjects[usage]);
    checkChainsTo(certificate.certificatePem, chain, `the new ${usage} certificate`);
    const record = store.addKey({
      privateKeyPkcs8: new Uint8Array(await exportPkcs8(keyPair.privateKey)),
      certificatePem: certificate.certificatePem,
      usage,
    });
    store.save();
    process.stdout.write(
      `${usage} certificate ${record.serial} for ${record.emails.join(', ')}, valid until ${record.notAfter.slice(0, 10)}\n`,
    );
  }

  try {
    const saved = await uploadBackup(store, remote, passphrase, null);
    process.stdout.write(
      `Key backup saved on the server (version ${saved.version}); keystore: ${store.home}\n`,
    );
  } catch (err) {
    const e = err as Error & { code?: string };
    throw new CliFailure(
      e.code ?? 'BACKUP_FAILED',
      `the keys are in ${store.home} but the backup upload failed: ${e.message}`,
      1,
      'Run `liaison keys backup` to try again: without a backup, your other devices cannot get these keys.',
    );
  }
}
