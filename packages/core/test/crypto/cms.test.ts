import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  decrypt,
  decryptThenVerify,
  encrypt,
  importDecryptionKeys,
  readSmime,
  sign,
  signThenEncrypt,
  signThenEncryptDer,
  verify,
  verifySmime,
  type CertificateStatus,
  type CryptoErrorCode,
  type TrustPolicy,
} from '../../src/crypto/index.ts';
import {
  createIdentity,
  createRecipient,
  createSigner,
  createTestCa,
  letter,
  type TestCa,
  type TestIdentity,
  type TestKey,
} from './helpers/pki.ts';

const DAY = 24 * 60 * 60 * 1000;

async function expectCode(promise: Promise<unknown>, code: CryptoErrorCode): Promise<CryptoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
  return error as CryptoError;
}

function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe('CMS sign / encrypt / decrypt / verify', () => {
  let ca: TestCa;
  let other: TestCa;
  let alice: TestIdentity;
  let bob: TestKey;
  let carol: TestKey;
  let dave: TestKey;
  let mallory: TestKey;
  let trust: TrustPolicy;
  const content = letter();

  beforeAll(async () => {
    [ca, other] = await Promise.all([createTestCa('Liaison'), createTestCa('Other', { bits: 2048 })]);
    [alice, bob, carol, dave, mallory] = await Promise.all([
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
      createRecipient(ca, {
        commonName: 'Service Cardiologie',
        email: 'cardio@liaison.test',
        serialNumber: '810001234569',
      }),
      createSigner(other, {
        commonName: 'Dr Alice Martin',
        email: 'alice@liaison.test',
        serialNumber: '810001234567',
      }),
    ]);
    trust = { caCertificatesPem: [ca.chainPem] };
  });

  const aliceSigner = () => ({
    privateKey: alice.signing.keyPair.privateKey,
    certificatePem: alice.signing.certificatePem,
  });

  it('signs and verifies a MIME entity, naming the signer', async () => {
    const signingTime = new Date(Date.now() - 60_000);
    const signed = await sign({ content, signer: aliceSigner(), signingTime });
    const result = await verify({ signed, trust });
    expect(Buffer.from(result.content).equals(Buffer.from(content))).toBe(true);
    expect(result.signingTime.getTime()).toBe(Math.floor(signingTime.getTime() / 1000) * 1000);
    expect(result.signer).toEqual({
      commonName: 'Dr Alice Martin',
      serialNumber: '810001234567',
      emails: ['alice@liaison.test'],
    });
    expect(result.signerCertificatePem).toBe(alice.signing.certificatePem.trim() + '\n');
  });

  it('signs with the PKCS#8 key as well as with the CryptoKey', async () => {
    const signed = await sign({
      content,
      signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.signing.certificatePem },
    });
    await expect(verify({ signed, trust })).resolves.toBeDefined();
  });

  it('encrypts for three recipients and the sender, each of whom decrypts', async () => {
    const recipients = [bob, carol, dave, alice.encryption];
    const envelope = await encrypt({ content, recipients: recipients.map((r) => r.certificatePem) });
    for (const r of recipients) {
      const plain = await decrypt({
        envelope,
        recipient: { certificatePem: r.certificatePem, privateKeyPkcs8: r.pkcs8 },
      });
      expect(Buffer.from(plain).equals(Buffer.from(content))).toBe(true);
    }
  });

  it('decrypts with non-extractable imported keys and with a key history', async () => {
    const envelope = await encrypt({ content, recipients: [bob.certificatePem] });
    const keys = await importDecryptionKeys(bob.pkcs8);
    expect(keys['SHA-256'].extractable).toBe(false);
    expect(keys['SHA-1'].extractable).toBe(false);
    const plain = await decrypt({
      envelope,
      recipient: [
        { certificatePem: carol.certificatePem, privateKeyPkcs8: carol.pkcs8 },
        { certificatePem: bob.certificatePem, keys },
      ],
    });
    expect(Buffer.from(plain).equals(Buffer.from(content))).toBe(true);
  });

  it('writes one recipient per certificate even when the sender is listed twice', async () => {
    const envelope = await encrypt({ content, recipients: [bob.certificatePem, bob.certificatePem] });
    const again = await encrypt({ content, recipients: [bob.certificatePem] });
    expect(Math.abs(envelope.length - again.length)).toBeLessThan(8);
  });

  it('signs then encrypts (S/MIME) and decrypts then verifies, for 3 recipients + sender', async () => {
    const message = await signThenEncrypt({
      content,
      signer: aliceSigner(),
      recipients: [
        bob.certificatePem,
        carol.certificatePem,
        dave.certificatePem,
        alice.encryption.certificatePem,
      ],
    });
    const head = Buffer.from(message.subarray(0, 400)).toString('latin1');
    expect(head).toMatch(
      /Content-Type: application\/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"/,
    );
    expect(head).toMatch(/Content-Transfer-Encoding: base64/);
    for (const r of [bob, carol, dave, alice.encryption]) {
      const result = await decryptThenVerify({
        message,
        recipient: { certificatePem: r.certificatePem, privateKeyPkcs8: r.pkcs8 },
        trust,
      });
      expect(Buffer.from(result.content).equals(Buffer.from(content))).toBe(true);
      expect(result.signer.emails).toEqual(['alice@liaison.test']);
    }
    const der = await signThenEncryptDer({
      content,
      signer: aliceSigner(),
      recipients: [bob.certificatePem],
    });
    const viaDer = await decryptThenVerify({
      message: der,
      recipient: { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 },
      trust,
    });
    expect(viaDer.signer.commonName).toBe('Dr Alice Martin');
  });

  it('refuses someone who is not a recipient', async () => {
    const envelope = await encrypt({ content, recipients: [bob.certificatePem] });
    await expectCode(
      decrypt({
        envelope,
        recipient: { certificatePem: carol.certificatePem, privateKeyPkcs8: carol.pkcs8 },
      }),
      'NOT_A_RECIPIENT',
    );
  });

  it('refuses a tampered ciphertext or wrapped key', async () => {
    const envelope = await encrypt({ content, recipients: [bob.certificatePem] });
    const me = { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 };
    // The last block of the ciphertext: breaks the CBC padding.
    await expectCode(
      decrypt({ envelope: flipByte(envelope, envelope.length - 1), recipient: me }),
      'DECRYPT_FAILED',
    );
    // Inside the RSA-OAEP encrypted content key.
    const info = pkijs.ContentInfo.fromBER(envelope.slice().buffer);
    const ktri = new pkijs.EnvelopedData({ schema: info.content as unknown }).recipientInfos[0]!.value;
    const wrapped = (ktri as pkijs.KeyTransRecipientInfo).encryptedKey.valueBlock.valueHexView;
    const keyAt = indexOf(envelope, wrapped);
    expect(keyAt).toBeGreaterThan(0);
    await expectCode(decrypt({ envelope: flipByte(envelope, keyAt + 100), recipient: me }), 'DECRYPT_FAILED');
  });

  it('refuses a tampered content or signature', async () => {
    const signed = await sign({ content, signer: aliceSigner() });
    const at = indexOf(signed, content.subarray(200, 240));
    expect(at).toBeGreaterThan(0);
    await expectCode(verify({ signed: flipByte(signed, at + 5), trust }), 'SIGNATURE_INVALID');
    await expectCode(verify({ signed: flipByte(signed, signed.length - 10), trust }), 'SIGNATURE_INVALID');
  });

  it('refuses a signer certified by another CA', async () => {
    const signed = await sign({
      content,
      signer: { privateKey: mallory.keyPair.privateKey, certificatePem: mallory.certificatePem },
    });
    await expectCode(verify({ signed, trust }), 'CERT_UNTRUSTED');
    await expect(verify({ signed, trust: { caCertificatesPem: [other.chainPem] } })).resolves.toBeDefined();
  });

  it('refuses another CA even when the message carries that CA chain', async () => {
    const signed = await sign({
      content,
      signer: {
        privateKey: mallory.keyPair.privateKey,
        certificatePem: mallory.certificatePem,
        chainPem: other.chainPem,
      },
    });
    await expectCode(verify({ signed, trust }), 'CERT_UNTRUSTED');
  });

  it('lets errors of the trust hooks through unchanged', async () => {
    const signed = await sign({ content, signer: aliceSigner() });
    const outage = new Error('directory unreachable');
    await expect(verify({ signed, trust: { ...trust, status: () => Promise.reject(outage) } })).rejects.toBe(
      outage,
    );
  });

  it('checks validity at the signing time, not at verification time', async () => {
    const expired = await ca.issue({
      csrPem: alice.signing.csrPem,
      usage: 'signing',
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const signer = { privateKey: alice.signing.keyPair.privateKey, certificatePem: expired };
    const whileValid = await sign({ content, signer, signingTime: new Date(Date.now() - 5 * DAY) });
    await expect(verify({ signed: whileValid, trust })).resolves.toBeDefined();
    const afterExpiry = await sign({ content, signer });
    await expectCode(verify({ signed: afterExpiry, trust }), 'CERT_EXPIRED_AT_SIGNING');
    const beforeIssue = await sign({ content, signer, signingTime: new Date(Date.now() - 20 * DAY) });
    await expectCode(verify({ signed: beforeIssue, trust }), 'CERT_EXPIRED_AT_SIGNING');
  });

  it('refuses a signing time in the future', async () => {
    const signed = await sign({ content, signer: aliceSigner(), signingTime: new Date(Date.now() + DAY) });
    await expectCode(verify({ signed, trust }), 'SIGNING_TIME_INVALID');
    const received = new Date(Date.now() - 2 * DAY);
    const later = await sign({ content, signer: aliceSigner(), signingTime: new Date(Date.now() - DAY) });
    await expectCode(verify({ signed: later, trust, receivedAt: received }), 'SIGNING_TIME_INVALID');
  });

  describe('revocation and renewal', () => {
    // Whole seconds, as signingTime is encoded.
    const signedAt = new Date(Math.floor((Date.now() - 3 * DAY) / 1000) * 1000);
    const withStatus = (status: CertificateStatus): TrustPolicy => ({
      ...trust,
      status: () => Promise.resolve(status),
    });

    it('accepts a superseded certificate for signatures made before supersession only', async () => {
      const signed = await sign({ content, signer: aliceSigner(), signingTime: signedAt });
      const superseded = { state: 'superseded' as const, supersededAt: new Date(Date.now() - DAY) };
      await expect(verify({ signed, trust: withStatus(superseded) })).resolves.toBeDefined();
      const after = await sign({ content, signer: aliceSigner() });
      await expectCode(verify({ signed: after, trust: withStatus(superseded) }), 'CERT_SUPERSEDED');
    });

    it('refuses a revoked certificate for signatures made at or after revocation', async () => {
      const before = await sign({ content, signer: aliceSigner(), signingTime: signedAt });
      const revokedLater = {
        state: 'revoked' as const,
        revokedAt: new Date(Date.now() - DAY),
        reason: 'keyCompromise',
      };
      await expect(verify({ signed: before, trust: withStatus(revokedLater) })).resolves.toBeDefined();
      const error = await expectCode(
        verify({
          signed: before,
          trust: withStatus({ state: 'revoked', revokedAt: signedAt, reason: 'keyCompromise' }),
        }),
        'CERT_REVOKED',
      );
      expect(error.message).toMatch(/keyCompromise/);
      await expectCode(verify({ signed: before, trust: withStatus({ state: 'revoked' }) }), 'CERT_REVOKED');
    });

    it('refuses a backdated signature received after revocation', async () => {
      const backdated = await sign({ content, signer: aliceSigner(), signingTime: signedAt });
      const status = { state: 'revoked' as const, revokedAt: new Date(Date.now() - DAY) };
      await expectCode(
        verify({ signed: backdated, trust: withStatus(status), receivedAt: new Date() }),
        'CERT_REVOKED',
      );
      await expect(
        verify({ signed: backdated, trust: withStatus(status), receivedAt: new Date(Date.now() - 2 * DAY) }),
      ).resolves.toBeDefined();
    });

    it('passes the certificate to the status hook', async () => {
      const signed = await sign({ content, signer: aliceSigner() });
      const seen: string[] = [];
      await verify({
        signed,
        trust: {
          ...trust,
          status: (cert) => (seen.push(cert.serialNumberHex), Promise.resolve({ state: 'good' })),
        },
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^[0-9a-f]+$/);
    });
  });

  it('asks whether the signer was allowed for the mailbox at signing time', async () => {
    const signingTime = new Date(Date.now() - DAY);
    const signed = await sign({ content, signer: aliceSigner(), signingTime });
    const calls: Array<[string[], number]> = [];
    const allowed: TrustPolicy = {
      ...trust,
      signerAllowed: (cert, at) => (calls.push([cert.emails, at.getTime()]), Promise.resolve(true)),
    };
    await verify({ signed, trust: allowed });
    expect(calls).toEqual([[['alice@liaison.test'], Math.floor(signingTime.getTime() / 1000) * 1000]]);
    await expectCode(
      verify({ signed, trust: { ...trust, signerAllowed: () => Promise.resolve(false) } }),
      'SIGNER_NOT_ALLOWED',
    );
  });

  it('refuses certificates used for the wrong purpose', async () => {
    await expectCode(encrypt({ content, recipients: [alice.signing.certificatePem] }), 'CERT_WRONG_USAGE');
    await expectCode(
      sign({
        content,
        signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.encryption.certificatePem },
      }),
      'CERT_WRONG_USAGE',
    );
  });

  it('refuses a key that does not match the certificate', async () => {
    const signer = { privateKey: mallory.keyPair.privateKey, certificatePem: alice.signing.certificatePem };
    await expectCode(sign({ content, signer }), 'KEY_CERT_MISMATCH');
  });

  it('refuses weak keys when encrypting and verifying', async () => {
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
    const encryptionCert = await ca.issueForKey({
      publicKey: weak.publicKey,
      email: 'weak@liaison.test',
      usage: 'encryption',
      commonName: 'Weak',
    });
    await expectCode(encrypt({ content, recipients: [encryptionCert] }), 'WEAK_KEY');
    const signingCert = await ca.issueForKey({
      publicKey: weak.publicKey,
      email: 'weak@liaison.test',
      usage: 'signing',
      commonName: 'Weak',
    });
    await expectCode(
      sign({ content, signer: { privateKey: weak.privateKey, certificatePem: signingCert } }),
      'WEAK_KEY',
    );
  });

  it('names malformed input instead of crashing', async () => {
    const me = { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 };
    await expectCode(decrypt({ envelope: new Uint8Array([1, 2, 3]), recipient: me }), 'CMS_MALFORMED');
    await expectCode(verify({ signed: new Uint8Array(0), trust }), 'CMS_MALFORMED');
    const signed = await sign({ content, signer: aliceSigner() });
    await expectCode(decrypt({ envelope: signed, recipient: me }), 'CMS_MALFORMED');
    const envelope = await encrypt({ content, recipients: [bob.certificatePem] });
    await expectCode(verify({ signed: envelope, trust }), 'CMS_MALFORMED');
    await expectCode(
      verifySmime({ message: new TextEncoder().encode('Content-Type: text/plain\r\n\r\nhi'), trust }),
      'NOT_SIGNED',
    );
    expect(() =>
      readSmime(
        new TextEncoder().encode(
          'Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@',
        ),
      ),
    ).toThrow(CryptoError);
  });

  it('only ever throws CryptoError on arbitrary bytes (fuzz)', async () => {
    const envelope = await encrypt({ content: content.subarray(0, 300), recipients: [bob.certificatePem] });
    const signed = await sign({ content: content.subarray(0, 300), signer: aliceSigner() });
    const me = { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.tuple(fc.nat(envelope.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
            const copy = envelope.slice();
            copy[i] = copy[i]! ^ x;
            return copy;
          }),
        ),
        async (bytes) => {
          const outcome = await decrypt({ envelope: bytes, recipient: me }).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (outcome !== 'ok') expect(outcome).toBeInstanceOf(CryptoError);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.nat(signed.length - 1), fc.integer({ min: 1, max: 255 })),
        async ([i, x]) => {
          const copy = signed.slice();
          copy[i] = copy[i]! ^ x;
          const outcome = await verify({ signed: copy, trust }).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (outcome !== 'ok') expect(outcome).toBeInstanceOf(CryptoError);
        },
      ),
      { numRuns: 60 },
    );
  });
});
