/**
 * OpenSSL 3 as the peer: it decrypts and verifies what the core writes, and the core decrypts and
 * verifies what `openssl cms` writes (OAEP with SHA-1, OpenSSL's default, and with SHA-256; one and
 * several recipients; opaque and clear-signed signatures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  decrypt,
  decryptSmime,
  decryptThenVerify,
  encrypt,
  importDecryptionKeys,
  sign,
  signThenEncrypt,
  verify,
  verifySmime,
  wrapSmime,
  type TrustPolicy,
} from '../../src/crypto/index.ts';
import { opensslOk, openssl, tempDir, type TempDir } from './helpers/openssl.ts';
import {
  createIdentity,
  createRecipient,
  createTestCa,
  letter,
  type TestCa,
  type TestIdentity,
  type TestKey,
} from './helpers/pki.ts';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('S/MIME interoperability with OpenSSL', () => {
  let dir: TempDir;
  let ca: TestCa;
  let alice: TestIdentity;
  let bob: TestKey;
  let carol: TestKey;
  let trust: TrustPolicy;
  const content = letter();
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = tempDir();
    ca = await createTestCa('Liaison');
    [alice, bob, carol] = await Promise.all([
      createIdentity(ca, {
        commonName: 'Dr Alice Martin',
        email: 'alice@liaison.test',
        serialNumber: '810001234567',
      }),
      createRecipient(ca, {
        commonName: 'Dr Bob Durand',
        email: 'bob@liaison.test',
        serialNumber: '810001234568',
      }),
      createRecipient(ca, {
        commonName: 'Carol Petit',
        email: 'carol@liaison.test',
        serialNumber: '0123456789',
      }),
    ]);
    trust = { caCertificatesPem: [ca.chainPem] };
    files.chain = dir.file('chain.pem', ca.chainPem);
    files.aliceSig = dir.file('alice-sign.pem', alice.signing.certificatePem);
    files.aliceSigKey = dir.file('alice-sign.key', alice.signing.pkcs8Pem);
    files.aliceEnc = dir.file('alice-enc.pem', alice.encryption.certificatePem);
    files.aliceEncKey = dir.file('alice-enc.key', alice.encryption.pkcs8Pem);
    files.bob = dir.file('bob.pem', bob.certificatePem);
    files.bobKey = dir.file('bob.key', bob.pkcs8Pem);
    files.carol = dir.file('carol.pem', carol.certificatePem);
    files.carolKey = dir.file('carol.key', carol.pkcs8Pem);
    files.content = dir.file('letter.eml', content);
  });

  afterAll(() => dir?.remove());

  it('openssl verify accepts the issued certificates (sanity of the test CA)', () => {
    const out = opensslOk(['verify', '-CAfile', files.chain!, '-purpose', 'smimesign', files.aliceSig!]);
    expect(out.toString()).toMatch(/OK/);
  });

  describe('core → OpenSSL', () => {
    it('openssl cms -decrypt (S/MIME) then -verify opens a signed-then-encrypted message, for each recipient', async () => {
      const message = await signThenEncrypt({
        content,
        signer: {
          privateKey: alice.signing.keyPair.privateKey,
          certificatePem: alice.signing.certificatePem,
        },
        recipients: [bob.certificatePem, carol.certificatePem, alice.encryption.certificatePem],
      });
      const input = dir.file('core-out.eml', message);
      for (const [cert, key] of [
        [files.bob!, files.bobKey!],
        [files.carol!, files.carolKey!],
        [files.aliceEnc!, files.aliceEncKey!],
      ] as const) {
        const inner = opensslOk(['cms', '-decrypt', '-in', input, '-recip', cert, '-inkey', key]);
        const innerFile = dir.file('core-inner.eml', inner);
        const verified = opensslOk(['cms', '-verify', '-in', innerFile, '-CAfile', files.chain!]);
        expect(same(verified, content)).toBe(true);
      }
    });

    it('openssl cms -decrypt -inform DER and -verify -inform DER read the raw DER', async () => {
      const envelope = await encrypt({ content, recipients: [bob.certificatePem] });
      const plain = opensslOk([
        'cms',
        '-decrypt',
        '-inform',
        'DER',
        '-in',
        dir.file('core-env.der', envelope),
        '-recip',
        files.bob!,
        '-inkey',
        files.bobKey!,
      ]);
      expect(same(plain, content)).toBe(true);
      const signed = await sign({
        content,
        signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.signing.certificatePem },
      });
      const verified = opensslOk([
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        dir.file('core-signed.der', signed),
        '-CAfile',
        files.chain!,
      ]);
      expect(same(verified, content)).toBe(true);
      const print = opensslOk([
        'cms',
        '-cmsout',
        '-print',
        '-inform',
        'DER',
        '-in',
        dir.file('core-env.der'),
      ]).toString();
      expect(print).toMatch(/rsaesOaep/);
      expect(print).toMatch(/OBJECT\s+:sha256/);
      expect(print).toMatch(/aes-256-cbc/);
    });

    it('openssl smime -verify reads the signed S/MIME entity (its -decrypt knows no RSA-OAEP)', async () => {
      const signed = await sign({
        content,
        signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.signing.certificatePem },
      });
      const input = dir.file('core-signed.eml', wrapSmime(signed, 'signed-data'));
      const verified = opensslOk(['smime', '-verify', '-in', input, '-CAfile', files.chain!]);
      expect(same(verified, content)).toBe(true);
    });

    it('openssl cms -verify fails on a tampered signature', async () => {
      const signed = await sign({
        content,
        signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.signing.certificatePem },
      });
      signed[signed.length - 5] = signed[signed.length - 5]! ^ 1;
      const result = openssl([
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        dir.file('core-bad.der', signed),
        '-CAfile',
        files.chain!,
      ]);
      expect(result.status).not.toBe(0);
    });
  });

  describe('OpenSSL → core', () => {
    function opensslEncrypt(name: string, recipients: string[], oaepMd?: 'sha256'): Uint8Array {
      const args = ['cms', '-encrypt', '-aes256', '-in', files.content!, '-out', dir.file(name)];
      for (const cert of recipients) {
        // -keyopt applies to the -recip before it.
        args.push('-recip', cert, '-keyopt', 'rsa_padding_mode:oaep');
        if (oaepMd) args.push('-keyopt', `rsa_oaep_md:${oaepMd}`);
      }
      opensslOk(args);
      return dir.read(name);
    }

    for (const md of [undefined, 'sha256'] as const) {
      const label = md ? 'SHA-256 (-keyopt rsa_oaep_md:sha256)' : 'SHA-1 (OpenSSL default OAEP hash)';

      it(`decrypts openssl cms -encrypt -aes256 with OAEP ${label}, one recipient`, async () => {
        const message = opensslEncrypt(`ossl-1-${md ?? 'sha1'}.eml`, [files.bob!], md);
        const keys = await importDecryptionKeys(bob.pkcs8);
        const plain = await decryptSmime({
          message,
          recipient: { certificatePem: bob.certificatePem, keys },
        });
        expect(same(plain, content)).toBe(true);
      });

      it(`decrypts openssl cms -encrypt -aes256 with OAEP ${label}, several recipients`, async () => {
        const message = opensslEncrypt(
          `ossl-3-${md ?? 'sha1'}.eml`,
          [files.bob!, files.carol!, files.aliceEnc!],
          md,
        );
        for (const r of [bob, carol, alice.encryption]) {
          const plain = await decryptSmime({
            message,
            recipient: { certificatePem: r.certificatePem, privateKeyPkcs8: r.pkcs8 },
          });
          expect(same(plain, content)).toBe(true);
        }
      });
    }

    it('decrypts the DER form (-outform DER)', async () => {
      opensslOk([
        'cms',
        '-encrypt',
        '-aes256',
        '-outform',
        'DER',
        '-in',
        files.content!,
        '-out',
        dir.file('ossl.der'),
        '-recip',
        files.bob!,
        '-keyopt',
        'rsa_padding_mode:oaep',
      ]);
      const plain = await decrypt({
        envelope: dir.read('ossl.der'),
        recipient: { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 },
      });
      expect(same(plain, content)).toBe(true);
    });

    it('refuses PKCS#1 v1.5 key transport (openssl without -keyopt) by name', async () => {
      opensslOk([
        'cms',
        '-encrypt',
        '-aes256',
        '-in',
        files.content!,
        '-out',
        dir.file('ossl-v15.eml'),
        '-recip',
        files.bob!,
      ]);
      const error = await decryptSmime({
        message: dir.read('ossl-v15.eml'),
        recipient: { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CryptoError);
      expect((error as CryptoError).code).toBe('UNSUPPORTED_ALGORITHM');
    });

    it('verifies openssl cms -sign output: opaque DER, opaque S/MIME and clear-signed multipart/signed', async () => {
      const base = [
        'cms',
        '-sign',
        '-in',
        files.content!,
        '-signer',
        files.aliceSig!,
        '-inkey',
        files.aliceSigKey!,
      ];
      opensslOk([...base, '-nodetach', '-outform', 'DER', '-out', dir.file('ossl-signed.der')]);
      const opaque = await verify({ signed: dir.read('ossl-signed.der'), trust });
      expect(same(opaque.content, content)).toBe(true);
      expect(opaque.signer.serialNumber).toBe('810001234567');

      opensslOk([...base, '-nodetach', '-out', dir.file('ossl-signed.eml')]);
      expect(
        same((await verifySmime({ message: dir.read('ossl-signed.eml'), trust })).content, content),
      ).toBe(true);

      opensslOk([...base, '-out', dir.file('ossl-clear.eml')]);
      const clear = await verifySmime({ message: dir.read('ossl-clear.eml'), trust });
      expect(same(clear.content, content)).toBe(true);
    });

    it('decrypts then verifies an OpenSSL sign-then-encrypt message, and refuses another CA', async () => {
      opensslOk([
        'cms',
        '-sign',
        '-in',
        files.content!,
        '-signer',
        files.aliceSig!,
        '-inkey',
        files.aliceSigKey!,
        '-out',
        dir.file('ossl-s.eml'),
      ]);
      opensslOk([
        'cms',
        '-encrypt',
        '-aes256',
        '-in',
        dir.file('ossl-s.eml'),
        '-out',
        dir.file('ossl-se.eml'),
        '-recip',
        files.bob!,
        '-keyopt',
        'rsa_padding_mode:oaep',
        '-keyopt',
        'rsa_oaep_md:sha256',
        '-recip',
        files.carol!,
        '-keyopt',
        'rsa_padding_mode:oaep',
      ]);
      for (const r of [bob, carol]) {
        const result = await decryptThenVerify({
          message: dir.read('ossl-se.eml'),
          recipient: { certificatePem: r.certificatePem, privateKeyPkcs8: r.pkcs8 },
          trust,
        });
        expect(same(result.content, content)).toBe(true);
        expect(result.signer.emails).toEqual(['alice@liaison.test']);
      }
      const stranger = await createTestCa('Stranger', { bits: 2048 });
      const error = await decryptThenVerify({
        message: dir.read('ossl-se.eml'),
        recipient: { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 },
        trust: { caCertificatesPem: [stranger.chainPem] },
      }).catch((e: unknown) => e);
      expect((error as CryptoError).code).toBe('CERT_UNTRUSTED');
    });
  });
});
