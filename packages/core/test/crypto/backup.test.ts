import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_ITERATIONS,
  CryptoError,
  createBackup,
  exportPkcs8,
  generateEncryptionKeyPair,
  openBackup,
  pkcs8ToPem,
  type BackupEntry,
  type CryptoErrorCode,
} from '../../src/crypto/index.ts';
import { openssl, opensslOk, tempDir, type TempDir } from './helpers/openssl.ts';
import { createIdentity, createTestCa, type TestCa, type TestIdentity } from './helpers/pki.ts';

/** Fast iterations for the logic tests; the OpenSSL tests below use the real 600,000. */
const FAST = 1_000;
const PASSPHRASE = 'Cœur de pirate, été 2026 !';

async function expectCode(promise: Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
}

const same = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array) =>
  Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(
    Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)),
  );

describe('key backup (PKCS#12)', () => {
  let ca: TestCa;
  let current: TestIdentity;
  let history: BackupEntry[];
  let dir: TempDir;

  beforeAll(async () => {
    dir = tempDir();
    ca = await createTestCa('Liaison', { bits: 2048 });
    const [identity, oldPair, orphanPair] = await Promise.all([
      createIdentity(ca, {
        commonName: 'Dr Alice Martin',
        email: 'alice@liaison.test',
        serialNumber: '810001234567',
      }),
      generateEncryptionKeyPair(),
      generateEncryptionKeyPair(),
    ]);
    current = identity;
    const oldPkcs8 = await exportPkcs8(oldPair.privateKey);
    const oldCert = await ca.issueForKey({
      publicKey: oldPair.publicKey,
      email: 'alice@liaison.test',
      usage: 'encryption',
      commonName: 'Dr Alice Martin',
    });
    history = [
      {
        privateKeyPkcs8: current.signing.pkcs8,
        certificatePem: current.signing.certificatePem,
        usage: 'signing',
        label: 'Signature 2026',
      },
      {
        privateKeyPkcs8: current.encryption.pkcs8,
        certificatePem: current.encryption.certificatePem,
        usage: 'encryption',
        label: 'Chiffrement 2026',
      },
      { privateKeyPkcs8: oldPkcs8, certificatePem: oldCert, usage: 'encryption', label: 'Chiffrement 2025' },
      {
        privateKeyPkcs8: await exportPkcs8(orphanPair.privateKey),
        usage: 'encryption',
        label: 'clé sans certificat',
      },
    ];
  });

  afterAll(() => dir?.remove());

  it('round-trips the whole key history with labels, usages and certificates', async () => {
    const backup = await createBackup({ passphrase: PASSPHRASE, entries: history, iterations: FAST });
    const opened = await openBackup(backup, PASSPHRASE);
    expect(opened).toHaveLength(history.length);
    opened.forEach((entry, i) => {
      const original = history[i]!;
      expect(entry.label).toBe(original.label);
      expect(entry.usage).toBe(original.usage);
      expect(same(entry.privateKeyPkcs8, original.privateKeyPkcs8)).toBe(true);
      expect(entry.certificatePem?.trim()).toBe(original.certificatePem?.trim());
    });
  });

  it('refuses a wrong passphrase with BACKUP_WRONG_PASSPHRASE', async () => {
    const backup = await createBackup({
      passphrase: PASSPHRASE,
      entries: history.slice(0, 1),
      iterations: FAST,
    });
    await expectCode(openBackup(backup, 'Cœur de pirate, été 2025 !'), 'BACKUP_WRONG_PASSPHRASE');
    await expectCode(openBackup(backup, ''), 'BACKUP_WEAK_PARAMETERS');
  });

  it('opens with the same passphrase typed in decomposed form (NFC normalisation)', async () => {
    const backup = await createBackup({
      passphrase: PASSPHRASE,
      entries: history.slice(0, 1),
      iterations: FAST,
    });
    expect(PASSPHRASE.normalize('NFD')).not.toBe(PASSPHRASE);
    await expect(openBackup(backup, PASSPHRASE.normalize('NFD'))).resolves.toHaveLength(1);
  });

  it('detects tampering through the MAC', async () => {
    const backup = await createBackup({
      passphrase: PASSPHRASE,
      entries: history.slice(0, 1),
      iterations: FAST,
    });
    backup[200] = backup[200]! ^ 0x01;
    const error = await openBackup(backup, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CryptoError);
    expect(['BACKUP_WRONG_PASSPHRASE', 'BACKUP_MALFORMED']).toContain((error as CryptoError).code);
    await expectCode(openBackup(new Uint8Array([1, 2, 3]), PASSPHRASE), 'BACKUP_MALFORMED');
  });

  it('refuses a certificate that does not belong to the key, and unreasonable parameters', async () => {
    const mixed = { ...history[0]!, certificatePem: current.encryption.certificatePem };
    await expectCode(
      createBackup({ passphrase: PASSPHRASE, entries: [mixed], iterations: FAST }),
      'KEY_CERT_MISMATCH',
    );
    await expectCode(
      createBackup({ passphrase: PASSPHRASE, entries: history, iterations: 10 }),
      'BACKUP_WEAK_PARAMETERS',
    );
    await expectCode(createBackup({ passphrase: PASSPHRASE, entries: [] }), 'BACKUP_WEAK_PARAMETERS');
    const backup = await createBackup({
      passphrase: PASSPHRASE,
      entries: history.slice(0, 1),
      iterations: 5_000,
    });
    await expectCode(openBackup(backup, PASSPHRASE, { maxIterations: 2_000 }), 'BACKUP_WEAK_PARAMETERS');
  });

  describe('with OpenSSL (600,000 iterations)', () => {
    let file: string;
    let backup: Uint8Array;

    beforeAll(async () => {
      backup = await createBackup({ passphrase: PASSPHRASE, entries: history.slice(0, 2) });
      file = dir.file('backup.p12', backup);
    });

    it('uses PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and a SHA-256 MAC at 600,000 iterations', () => {
      const info = openssl(['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${PASSPHRASE}`]);
      expect(info.status).toBe(0);
      expect(BACKUP_ITERATIONS).toBe(600_000);
      expect(info.stderr).toMatch(/MAC: sha256, Iteration 600000/);
      expect(
        info.stderr.match(
          /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/g,
        ),
      ).toHaveLength(2);
    });

    it('openssl pkcs12 -nodes opens it with the passphrase and yields our keys and certificates', () => {
      const out = opensslOk(['pkcs12', '-in', file, '-passin', `pass:${PASSPHRASE}`, '-nodes']).toString();
      expect(out).toMatch(/friendlyName: liaison-signing:Signature 2026/);
      expect(out).toMatch(/friendlyName: liaison-encryption:Chiffrement 2026/);
      const keys = [...out.matchAll(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/g)].map(
        (m) => m[0],
      );
      expect(keys).toEqual([
        pkcs8ToPem(history[0]!.privateKeyPkcs8),
        pkcs8ToPem(history[1]!.privateKeyPkcs8),
      ]);
      expect(out.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    });

    it('openssl pkcs12 fails without the right passphrase', () => {
      const wrong = openssl(['pkcs12', '-in', file, '-passin', 'pass:wrong', '-nodes']);
      expect(wrong.status).not.toBe(0);
      expect(wrong.stderr).toMatch(/Mac verify error/);
      const empty = openssl(['pkcs12', '-in', file, '-passin', 'pass:', '-nodes']);
      expect(empty.status).not.toBe(0);
    });

    it('the core opens it too, and refuses the wrong passphrase', async () => {
      const opened = await openBackup(backup, PASSPHRASE);
      expect(opened.map((e) => e.label)).toEqual(['Signature 2026', 'Chiffrement 2026']);
      await expectCode(openBackup(backup, 'wrong'), 'BACKUP_WRONG_PASSPHRASE');
    });

    it('the core opens what openssl pkcs12 -export writes (certificates encrypted, no Liaison names)', async () => {
      const key = dir.file('enc.key', pkcs8ToPem(history[1]!.privateKeyPkcs8));
      const cert = dir.file('enc.pem', history[1]!.certificatePem);
      opensslOk([
        'pkcs12',
        '-export',
        '-inkey',
        key,
        '-in',
        cert,
        '-out',
        dir.file('ossl.p12'),
        '-passout',
        `pass:${PASSPHRASE}`,
      ]);
      const opened = await openBackup(dir.read('ossl.p12'), PASSPHRASE);
      expect(opened).toHaveLength(1);
      expect(opened[0]!.usage).toBe('encryption');
      expect(same(opened[0]!.privateKeyPkcs8, history[1]!.privateKeyPkcs8)).toBe(true);
      expect(opened[0]!.certificatePem?.trim()).toBe(history[1]!.certificatePem!.trim());
      await expectCode(openBackup(dir.read('ossl.p12'), 'wrong'), 'BACKUP_WRONG_PASSPHRASE');
    });
  });
});
