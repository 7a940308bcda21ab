/**
 * `liaison keys export`: a private key for other tools (OpenSSL, a mail client), as PEM: encrypted
 * PKCS#8 ("ENCRYPTED PRIVATE KEY", PBES2 with PBKDF2-HMAC-SHA256 600,000 iterations and AES-256-CBC)
 * unless --unencrypted, followed by its certificate (or the certificate in --cert-out). Files are
 * created with mode 0600 and never overwritten without --force.
 */
import { writeFileSync } from 'node:fs';
import { toPem } from '@liaison/core/crypto/index';
import type { KeyUsage } from '../apiTypes.ts';
import { CliFailure } from '../failure.ts';
import { Keystore } from '../keystore.ts';
import { LazyPrompter, newPassphrase } from '../passphrase.ts';
import { encryptPkcs8Pem } from './encryptedPkcs8.ts';

export interface ExportOptions {
  home: string;
  usage: string;
  out: string;
  serial?: string;
  certOut?: string;
  unencrypted?: boolean;
  passphraseFile?: string;
  force?: boolean;
}

function writeNew(path: string, content: string, force: boolean | undefined): void {
  try {
    writeFileSync(path, content, { mode: 0o600, flag: force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliFailure('FILE_EXISTS', `${path} exists`, 1, 'Choose another file or add --force.');
    }
    throw err;
  }
}

export async function keysExport(options: ExportOptions): Promise<void> {
  if (options.usage !== 'signing' && options.usage !== 'encryption') {
    throw new CliFailure('VALIDATION_FAILED', `--usage must be signing or encryption, not ${options.usage}`);
  }
  const usage: KeyUsage = options.usage;
  const store = Keystore.open(options.home);
  const key = store.requireKey(usage, options.serial);
  let keyPem: string;
  if (options.unencrypted) {
    keyPem = toPem(key.privateKeyPkcs8, 'PRIVATE KEY');
  } else {
    const prompt = new LazyPrompter();
    let passphrase: string;
    try {
      passphrase = await newPassphrase(options, prompt, 'export');
    } finally {
      prompt.close();
    }
    keyPem = await encryptPkcs8Pem(key.privateKeyPkcs8, passphrase);
  }
  if (options.certOut) {
    writeNew(options.out, keyPem, options.force);
    writeNew(options.certOut, key.certificatePem, options.force);
  } else {
    writeNew(options.out, keyPem + key.certificatePem, options.force);
  }
  if (options.unencrypted)
    process.stderr.write(`warning: ${options.out} holds the private key in the clear\n`);
  const form = options.unencrypted ? 'unencrypted PKCS#8' : 'encrypted PKCS#8';
  const certWhere = options.certOut ? `certificate in ${options.certOut}` : 'with its certificate';
  process.stdout.write(
    `${usage} key ${key.record.serial} written to ${options.out} (${form}, ${certWhere})\n`,
  );
}
