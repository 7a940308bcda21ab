/**
 * OpenSSL 3 as the peer: it decrypts and verifies a sealed letter with nothing but `openssl cms`, and
 * a letter OpenSSL signs (clear-signed) and encrypts opens with openLetter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitMessageRequest } from '../../src/api/mail.ts';
import { base64Decode } from '../../src/crypto/index.ts';
import {
  buildLetterEntity,
  openLetter,
  parseLetterEntity,
  sealLetter,
  type Letter,
} from '../../src/mail/index.ts';
import { opensslOk, tempDir, type TempDir } from '../crypto/helpers/openssl.ts';
import {
  createIdentity,
  createRecipient,
  createTestCa,
  type TestCa,
  type TestIdentity,
  type TestKey,
} from '../crypto/helpers/pki.ts';

describe('sealed letters and OpenSSL', () => {
  let dir: TempDir;
  let ca: TestCa;
  let alice: TestIdentity;
  let bob: TestKey;
  let letter: Letter;
  let sealed: SubmitMessageRequest;
  const files: Record<string, string> = {};
  const report = new TextEncoder().encode('%PDF-1.4\n% compte rendu opératoire\n%%EOF\n');

  beforeAll(async () => {
    dir = tempDir('liaison-mail-');
    ca = await createTestCa('Liaison', { bits: 2048 });
    [alice, bob] = await Promise.all([
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
    ]);
    letter = {
      messageId: crypto.randomUUID(),
      from: 'alice@liaison.test',
      to: ['bob@liaison.test'],
      cc: [],
      subject: 'Compte rendu operatoire',
      date: new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000),
      inReplyTo: crypto.randomUUID(),
      replyTo: null,
      text: 'Cher confrère,\n\nIntervention sans complication. Sortie prévue à J2.\n\nDr Martin\n',
      attachments: [{ filename: 'CR opératoire.pdf', contentType: 'application/pdf', content: report }],
    };
    sealed = await sealLetter({
      letter,
      category: 'information',
      patient: null,
      signer: { privateKey: alice.signing.pkcs8, certificatePem: alice.signing.certificatePem },
      recipientCertificatesPem: [bob.certificatePem, alice.encryption.certificatePem],
    });
    files.chain = dir.file('chain.pem', ca.chainPem);
    files.bob = dir.file('bob.pem', bob.certificatePem);
    files.bobKey = dir.file('bob.key', bob.pkcs8Pem);
    files.aliceSig = dir.file('alice-sign.pem', alice.signing.certificatePem);
    files.aliceSigKey = dir.file('alice-sign.key', alice.signing.pkcs8Pem);
  });

  afterAll(() => dir?.remove());

  it('openssl cms -decrypt then -verify reads the letter: subject header, text and attachment', () => {
    const bodyFile = dir.file('body.der', base64Decode(sealed.body));
    const inner = opensslOk([
      'cms',
      '-decrypt',
      '-inform',
      'DER',
      '-in',
      bodyFile,
      '-inkey',
      files.bobKey!,
      '-recip',
      files.bob!,
    ]);
    expect(inner.toString('latin1')).toMatch(/application\/pkcs7-mime; smime-type=signed-data/);
    const verified = opensslOk([
      'cms',
      '-verify',
      '-in',
      dir.file('inner.eml', inner),
      '-CAfile',
      files.chain!,
    ]);
    const text = verified.toString('latin1');
    expect(text).toMatch(/^Subject: Compte rendu operatoire\r\n/);
    expect(text).toContain(`\r\nMessage-ID: <${letter.messageId}@liaison>\r\n`);
    expect(text).toContain(`\r\nIn-Reply-To: <${letter.inReplyTo}@liaison>\r\n`);
    // The text part and the attachment are base64 (76-character lines) inside the verified entity.
    const text64 = Buffer.from(letter.text.replace(/\n/g, '\r\n')).toString('base64');
    expect(text.replace(/\r\n/g, '')).toContain(text64);
    expect(text).toContain(Buffer.from(report).toString('base64'));
    expect(text).toContain("filename*=utf-8''CR%20op%C3%A9ratoire.pdf");
    // And the bytes OpenSSL verified are the entity we built: they read back as the same letter.
    expect(parseLetterEntity(new Uint8Array(verified))).toEqual(letter);
  });

  it('openssl cms -decrypt reads the summary JSON', () => {
    const summaryFile = dir.file('summary.der', base64Decode(sealed.summary));
    const json = opensslOk([
      'cms',
      '-decrypt',
      '-inform',
      'DER',
      '-in',
      summaryFile,
      '-inkey',
      files.bobKey!,
      '-recip',
      files.bob!,
    ]);
    expect(JSON.parse(json.toString('utf8'))).toEqual({
      subject: 'Compte rendu operatoire',
      patient: null,
      preview: 'Cher confrère,\n\nIntervention sans complication. Sortie prévue à J2.\n\nDr Martin',
      attachments: ['CR opératoire.pdf'],
    });
  });

  it('openLetter opens a letter that openssl clear-signed and encrypted (RSA-OAEP SHA-256)', async () => {
    const entity = dir.file('letter.eml', buildLetterEntity(letter));
    const signed = opensslOk([
      'cms',
      '-sign',
      '-in',
      entity,
      '-signer',
      files.aliceSig!,
      '-inkey',
      files.aliceSigKey!,
      '-md',
      'sha256',
    ]);
    const envelope = opensslOk([
      'cms',
      '-encrypt',
      '-aes256',
      '-outform',
      'DER',
      '-in',
      dir.file('signed.eml', signed),
      '-recip',
      files.bob!,
      '-keyopt',
      'rsa_padding_mode:oaep',
      '-keyopt',
      'rsa_oaep_md:sha256',
    ]);
    const opened = await openLetter({
      body: new Uint8Array(envelope),
      recipient: { certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 },
      trust: { caCertificatesPem: [ca.chainPem] },
      envelope: { from: letter.from, to: letter.to, cc: letter.cc },
    });
    expect(opened.letter).toEqual(letter);
    expect(opened.signer.commonName).toBe('Dr Alice Martin');
  });
});
