import { beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  checkCsr,
  createCsr,
  exportPkcs8,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  exportSpki,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  importDecryptionKeys,
  importEncryptionPublicKey,
  importSigningKey,
  parseCsr,
  pkcs8FromPem,
  pemBlocks,
  spkiFromPem,
  verifyCsrSignature,
  type WebCryptoKeyPair,
} from '../../src/crypto/index.ts';
import { opensslOk, tempDir } from './helpers/openssl.ts';

const subject = {
  commonName: 'Dr Élise Martin',
  serialNumber: '810001234567',
  email: 'elise.martin@liaison.test',
  organisation: 'Centre hospitalier de Test',
};

describe('personal keys', () => {
  let signing: WebCryptoKeyPair;
  let encryption: WebCryptoKeyPair;

  beforeAll(async () => {
    [signing, encryption] = await Promise.all([generateSigningKeyPair(), generateEncryptionKeyPair()]);
  });

  it('generates extractable RSA 3072 pairs: RSASSA-PKCS1-v1_5 and RSA-OAEP, both SHA-256', () => {
    for (const [pair, name] of [
      [signing, 'RSASSA-PKCS1-v1_5'],
      [encryption, 'RSA-OAEP'],
    ] as const) {
      const algorithm = pair.privateKey.algorithm as {
        name: string;
        modulusLength: number;
        hash: { name: string };
      };
      expect(algorithm.name).toBe(name);
      expect(algorithm.modulusLength).toBe(3072);
      expect(algorithm.hash.name).toBe('SHA-256');
      expect(pair.privateKey.extractable).toBe(true);
    }
  });

  it('round-trips PKCS#8 and SPKI through PEM, readable by openssl', async () => {
    const pem = await exportPrivateKeyPem(encryption.privateKey);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(Buffer.from(pkcs8FromPem(pem)).equals(Buffer.from(await exportPkcs8(encryption.privateKey)))).toBe(
      true,
    );
    const publicPem = await exportPublicKeyPem(encryption.publicKey);
    expect(
      Buffer.from(spkiFromPem(publicPem)).equals(Buffer.from(await exportSpki(encryption.publicKey))),
    ).toBe(true);
    const text = opensslOk(['pkey', '-noout', '-text'], pem).toString();
    expect(text).toMatch(/Private-Key: \(3072 bit, 2 primes\)/);
  });

  it('imports non-extractable decryption keys for OAEP SHA-1 and SHA-256', async () => {
    const keys = await importDecryptionKeys(await exportPkcs8(encryption.privateKey));
    for (const hash of ['SHA-1', 'SHA-256'] as const) {
      const key = keys[hash];
      expect(key.extractable).toBe(false);
      expect((key.algorithm as { name: string; hash?: { name: string } }).hash?.name).toBe(hash);
      const publicKey = await crypto.subtle.importKey(
        'spki',
        await exportSpki(encryption.publicKey),
        { name: 'RSA-OAEP', hash },
        false,
        ['encrypt'],
      );
      const secret = new TextEncoder().encode('clé de contenu');
      const wrapped = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, secret);
      expect(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, key, wrapped))).toBe(
        'clé de contenu',
      );
    }
    const signer = await importSigningKey(await exportPkcs8(signing.privateKey));
    expect(signer.extractable).toBe(false);
    await expect(importEncryptionPublicKey(await exportSpki(encryption.publicKey))).resolves.toBeDefined();
  });

  it('refuses what is not a key with KEY_MALFORMED', async () => {
    const error = await importDecryptionKeys(new Uint8Array([48, 3, 2, 1, 0])).catch((e: unknown) => e);
    expect((error as CryptoError).code).toBe('KEY_MALFORMED');
    expect(() => pkcs8FromPem('nothing here')).toThrow(CryptoError);
  });

  describe('certificate requests', () => {
    it('requests the Liaison profile for the signing key', async () => {
      const pem = await createCsr({ keyPair: signing, usage: 'signing', subject });
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
      const parsed = parseCsr(pem);
      expect(parsed.subject).toEqual({
        commonName: 'Dr Élise Martin',
        serialNumber: '810001234567',
        email: 'elise.martin@liaison.test',
        organisation: 'Centre hospitalier de Test',
      });
      expect(parsed.emails).toEqual(['elise.martin@liaison.test']);
      expect(parsed.publicKey).toEqual({ algorithm: 'RSA', modulusBits: 3072 });
      expect(parsed.requestedExtensions).toEqual(['2.5.29.17', '2.5.29.15', '2.5.29.37']);
      expect(await verifyCsrSignature(pem)).toBe(true);
      const text = opensslOk(['req', '-noout', '-verify', '-text'], pem).toString();
      expect(text).toMatch(/serialNumber = 810001234567/);
      expect(text).toMatch(/Digital Signature, Non Repudiation/);
      expect(text).toMatch(/E-mail Protection/);
      expect(text).toMatch(/email:elise.martin@liaison.test/);
    });

    it('signs the encryption key request with the OAEP key re-imported for RSASSA (proof of possession)', async () => {
      const pem = await createCsr({ keyPair: encryption, usage: 'encryption', subject });
      const parsed = parseCsr(pem);
      expect(Buffer.from(parsed.spki).equals(Buffer.from(await exportSpki(encryption.publicKey)))).toBe(true);
      expect(await verifyCsrSignature(pem)).toBe(true);
      await expect(checkCsr(pem)).resolves.toMatchObject({ emails: ['elise.martin@liaison.test'] });
      const text = opensslOk(['req', '-noout', '-verify', '-text'], pem).toString();
      expect(text).toMatch(/Key Encipherment/);
    });

    it('needs the OAEP private key extractable to sign its request', async () => {
      const pkcs8 = await exportPkcs8(encryption.privateKey);
      const locked = await crypto.subtle.importKey(
        'pkcs8',
        pkcs8,
        { name: 'RSA-OAEP', hash: 'SHA-256' },
        false,
        ['decrypt'],
      );
      const error = await createCsr({
        keyPair: { publicKey: encryption.publicKey, privateKey: locked },
        usage: 'encryption',
        subject,
      }).catch((e: unknown) => e);
      expect((error as CryptoError).code).toBe('KEY_MALFORMED');
    });

    it('detects a request whose key does not match its signature', async () => {
      const pem = await createCsr({
        keyPair: { publicKey: encryption.publicKey, privateKey: signing.privateKey },
        usage: 'signing',
        subject,
      });
      expect(await verifyCsrSignature(pem)).toBe(false);
      await expect(checkCsr(pem)).rejects.toMatchObject({ code: 'CSR_SIGNATURE_INVALID' });
      const der = pemBlocks(
        await createCsr({ keyPair: signing, usage: 'signing', subject }),
        'CERTIFICATE REQUEST',
      )[0]!;
      der[40] = der[40]! ^ 0x01;
      const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
      expect(await verifyCsrSignature(tampered)).toBe(false);
    });

    it('refuses bad subjects and weak keys', async () => {
      const bad = [
        { ...subject, serialNumber: '12345' },
        { ...subject, email: 'not an address' },
        { ...subject, commonName: '  ' },
      ];
      for (const s of bad) {
        await expect(createCsr({ keyPair: signing, usage: 'signing', subject: s })).rejects.toMatchObject({
          code: 'CSR_MALFORMED',
        });
      }
      await expect(
        createCsr({
          keyPair: signing,
          usage: 'signing',
          subject: { ...subject, serialNumber: '0123456789' },
        }),
      ).resolves.toMatch(/REQUEST/);
      const weak = await crypto.subtle.generateKey(
        {
          name: 'RSASSA-PKCS1-v1_5',
          hash: 'SHA-256',
          modulusLength: 1024,
          publicExponent: new Uint8Array([1, 0, 1]),
        },
        true,
        ['sign', 'verify'],
      );
      await expect(createCsr({ keyPair: weak, usage: 'signing', subject })).rejects.toMatchObject({
        code: 'WEAK_KEY',
      });
      expect(() =>
        parseCsr('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----'),
      ).toThrow(CryptoError);
    });

    it('writes files openssl can turn into a certificate (openssl x509 -req)', async () => {
      const dir = tempDir();
      try {
        const pem = await createCsr({ keyPair: encryption, usage: 'encryption', subject });
        opensslOk([
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=Scratch CA',
          '-keyout',
          dir.file('ca.key'),
          '-out',
          dir.file('ca.pem'),
          '-days',
          '1',
        ]);
        const cert = opensslOk([
          'x509',
          '-req',
          '-in',
          dir.file('req.pem', pem),
          '-CA',
          dir.file('ca.pem'),
          '-CAkey',
          dir.file('ca.key'),
          '-days',
          '1',
          '-copy_extensions',
          'copy',
        ]);
        expect(cert.toString()).toMatch(/BEGIN CERTIFICATE/);
      } finally {
        dir.remove();
      }
    });
  });
});
