import { beforeAll, describe, expect, it } from 'vitest';
import { SubmitMessageRequest } from '../../src/api/mail.ts';
import {
  base64Decode,
  base64Encode,
  CryptoError,
  encrypt,
  importDecryptionKeys,
  type CryptoErrorCode,
  type DecryptRecipient,
  type TrustPolicy,
} from '../../src/crypto/index.ts';
import {
  decodeSummary,
  openLetter,
  openSummary,
  sealLetter,
  summariseLetter,
  type Letter,
  type SealInput,
} from '../../src/mail/index.ts';
import {
  createIdentity,
  createRecipient,
  createSigner,
  createTestCa,
  type TestCa,
  type TestIdentity,
  type TestKey,
} from '../crypto/helpers/pki.ts';

async function expectCode(promise: Promise<unknown>, codes: CryptoErrorCode[]): Promise<CryptoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${codes.join(' or ')}`).toBeInstanceOf(CryptoError);
  expect(codes).toContain((error as CryptoError).code);
  return error as CryptoError;
}

const HPRIM = Array.from({ length: 12 }, (_, i) =>
  i === 1 ? 'DUPONT' : i === 2 ? 'Jeanne' : `ligne ${i + 1}`,
);

describe('sealing and opening letters', () => {
  let ca: TestCa;
  let alice: TestIdentity;
  let bob: TestKey;
  let carol: TestKey;
  let dave: TestKey;
  let secretary: TestKey;
  let trust: TrustPolicy;
  let letter: Letter;
  let sealed: SubmitMessageRequest;
  let input: SealInput;
  const asBob = (): DecryptRecipient => ({ certificatePem: bob.certificatePem, privateKeyPkcs8: bob.pkcs8 });
  const envelope = () => ({ from: letter.from, to: letter.to, cc: letter.cc });

  beforeAll(async () => {
    ca = await createTestCa('Liaison', { bits: 2048 });
    [alice, bob, carol, dave, secretary] = await Promise.all([
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
        commonName: 'Dave Outsider',
        email: 'dave@liaison.test',
        serialNumber: '810001234569',
      }),
      createSigner(ca, {
        commonName: 'Sophie Secr',
        email: 'sophie@liaison.test',
        serialNumber: '0123456780',
      }),
    ]);
    trust = { caCertificatesPem: [ca.chainPem] };
    letter = {
      messageId: crypto.randomUUID(),
      from: 'alice@liaison.test',
      to: ['bob@liaison.test'],
      cc: ['carol@liaison.test'],
      subject: 'Compte rendu — échographie cœur',
      date: new Date(Math.floor(Date.now() / 1000) * 1000),
      inReplyTo: null,
      replyTo: null,
      text: `${HPRIM.join('\n')}\n\nCher confrère,\nÉchographie normale.\n`,
      attachments: [
        {
          filename: 'échographie.pdf',
          contentType: 'application/pdf',
          content: crypto.getRandomValues(new Uint8Array(20_000)),
        },
        { filename: 'notes.txt', contentType: 'text/plain', content: new TextEncoder().encode('é\n') },
      ],
    };
    input = {
      letter,
      category: 'patient',
      patient: { lastName: 'DUPONT', firstName: 'Jeanne', birthDate: '1950-02-01' },
      signer: { privateKey: alice.signing.keyPair.privateKey, certificatePem: alice.signing.certificatePem },
      recipientCertificatesPem: [bob.certificatePem, carol.certificatePem, alice.encryption.certificatePem],
    };
    sealed = await sealLetter(input);
  });

  it('produces a request the API schema accepts, with the exact declared sizes', () => {
    expect(SubmitMessageRequest.parse(sealed)).toBeTruthy();
    expect(sealed).toMatchObject({
      id: letter.messageId,
      from: letter.from,
      to: letter.to,
      cc: letter.cc,
      category: 'patient',
    });
    expect(sealed.body).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(sealed.summary).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(sealed.declared).toEqual({
      bodyBytes: base64Decode(sealed.body).length,
      summaryBytes: base64Decode(sealed.summary).length,
      attachmentCount: 2,
      attachmentBytes: 20_000 + 3,
      // A patient letter is about one patient unless the sender says otherwise.
      patients: 1,
    });
    expect(sealed.declared.attachmentBytes).toBeLessThan(sealed.declared.bodyBytes);
  });

  it('opens for every recipient and for the sender, the envelope compared without case or order', async () => {
    const identities: DecryptRecipient[] = [
      asBob(),
      { certificatePem: carol.certificatePem, keys: await importDecryptionKeys(carol.pkcs8) },
      { certificatePem: alice.encryption.certificatePem, privateKeyPkcs8: alice.encryption.pkcs8 },
    ];
    for (const recipient of identities) {
      const opened = await openLetter({
        body: sealed.body,
        recipient,
        trust,
        envelope: {
          from: 'ALICE@liaison.test',
          to: ['Bob@Liaison.test', 'bob@liaison.test'],
          cc: ['carol@liaison.test'],
        },
      });
      expect(opened.letter).toEqual(letter);
      expect(opened.signer.emails).toContain('alice@liaison.test');
      expect(opened.signerCertificatePem).toContain('BEGIN CERTIFICATE');
      expect(Math.abs(opened.signingTime.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('opens the DER body too, and checks the envelope id when given', async () => {
    const body = base64Decode(sealed.body);
    const opened = await openLetter({
      body,
      recipient: asBob(),
      trust,
      envelope: { ...envelope(), id: letter.messageId },
    });
    expect(opened.letter.messageId).toBe(letter.messageId);
    await expectCode(
      openLetter({ body, recipient: asBob(), trust, envelope: { ...envelope(), id: crypto.randomUUID() } }),
      ['LETTER_MISMATCH'],
    );
  });

  it('opens the summary: subject, patient, preview after the HPRIM header, attachment names', async () => {
    const summary = await openSummary({ summary: sealed.summary, recipient: asBob() });
    expect(summary).toEqual(summariseLetter(letter, input.patient));
    expect(summary.preview).toBe('Cher confrère,\nÉchographie normale.');
    expect(summary.attachments).toEqual(['échographie.pdf', 'notes.txt']);
  });

  it('fails with a CryptoError when a byte of the body ciphertext is changed', async () => {
    const der = base64Decode(sealed.body);
    for (const at of [der.length - 1, der.length - 40, Math.floor(der.length / 2)]) {
      const tampered = der.slice();
      tampered[at] = tampered[at]! ^ 0x01;
      await expectCode(
        openLetter({ body: base64Encode(tampered), recipient: asBob(), trust, envelope: envelope() }),
        [
          'DECRYPT_FAILED',
          'SIGNATURE_INVALID',
          'CMS_MALFORMED',
          'MIME_MALFORMED',
          'NOT_SIGNED',
          'LETTER_MALFORMED',
        ],
      );
    }
  });

  it('refuses a letter delivered under other addresses than the signed ones (LETTER_MISMATCH)', async () => {
    for (const wrong of [
      { ...envelope(), to: ['dave@liaison.test'] },
      { ...envelope(), to: ['bob@liaison.test', 'dave@liaison.test'] },
      { ...envelope(), cc: [] },
      { ...envelope(), from: 'carol@liaison.test' },
    ]) {
      const error = await expectCode(
        openLetter({ body: sealed.body, recipient: asBob(), trust, envelope: wrong }),
        ['LETTER_MISMATCH'],
      );
      expect(error.message).not.toMatch(/Compte rendu|dave@/);
    }
  });

  it('refuses someone the message is not encrypted for (NOT_A_RECIPIENT)', async () => {
    const recipient = { certificatePem: dave.certificatePem, privateKeyPkcs8: dave.pkcs8 };
    await expectCode(openLetter({ body: sealed.body, recipient, trust, envelope: envelope() }), [
      'NOT_A_RECIPIENT',
    ]);
    await expectCode(openSummary({ summary: sealed.summary, recipient }), ['NOT_A_RECIPIENT']);
  });

  it('needs the From address in the signer certificate, unless the signerAllowed hook decides', async () => {
    const bySecretary = await sealLetter({
      ...input,
      signer: { privateKey: secretary.pkcs8, certificatePem: secretary.certificatePem },
    });
    const open = (t: TrustPolicy) =>
      openLetter({ body: bySecretary.body, recipient: asBob(), trust: t, envelope: envelope() });
    await expectCode(open(trust), ['SIGNER_NOT_ALLOWED']);
    await expectCode(open({ ...trust, signerAllowed: () => Promise.resolve(false) }), ['SIGNER_NOT_ALLOWED']);
    const delegated = await open({ ...trust, signerAllowed: () => Promise.resolve(true) });
    expect(delegated.signer.emails).toEqual(['sophie@liaison.test']);
    // The hook is what decides when it is given: it can refuse even the mailbox owner.
    await expectCode(
      openLetter({
        body: sealed.body,
        recipient: asBob(),
        trust: { ...trust, signerAllowed: () => Promise.resolve(false) },
        envelope: envelope(),
      }),
      ['SIGNER_NOT_ALLOWED'],
    );
  });

  it('refuses a signer outside the trusted CA', async () => {
    const other = await createTestCa('Other', { bits: 2048 });
    await expectCode(
      openLetter({
        body: sealed.body,
        recipient: asBob(),
        trust: { caCertificatesPem: [other.chainPem] },
        envelope: envelope(),
      }),
      ['CERT_UNTRUSTED'],
    );
  });

  it('fits an over-4 KB summary into 4096 bytes', async () => {
    const big = await sealLetter({
      ...input,
      letter: {
        ...letter,
        subject: 'Très long sujet '.repeat(40),
        text: `${HPRIM.join('\n')}\n${'Une ligne de compte rendu détaillé.\n'.repeat(200)}`,
        attachments: Array.from({ length: 50 }, (_, i) => ({
          filename: `pièce-jointe-numéro-${i}-${'x'.repeat(80)}.pdf`,
          contentType: 'application/pdf',
          content: new Uint8Array([i]),
        })),
      },
    });
    const summary = await openSummary({ summary: big.summary, recipient: asBob() });
    expect(new TextEncoder().encode(JSON.stringify(summary)).length).toBeLessThanOrEqual(4096);
    expect(summary.attachments[summary.attachments.length - 1]).toMatch(/^\+\d+$/);
    expect(big.declared.attachmentCount).toBe(50);
  });

  it('refuses a decrypted summary over 4096 bytes (SUMMARY_TOO_LARGE)', async () => {
    const oversized = await encrypt({
      content: new Uint8Array(5000).fill(0x20),
      recipients: [bob.certificatePem],
    });
    await expectCode(openSummary({ summary: oversized, recipient: asBob() }), ['SUMMARY_TOO_LARGE']);
    expect(() => decodeSummary(new Uint8Array(5000))).toThrow(CryptoError);
  });

  it('refuses what the API would refuse before signing', async () => {
    await expectCode(sealLetter({ ...input, letter: { ...letter, to: [] } }), ['LETTER_MALFORMED']);
    await expectCode(sealLetter({ ...input, letter: { ...letter, messageId: 'x' } }), ['LETTER_MALFORMED']);
    const many = Array.from({ length: 51 }, () => letter.attachments[1]!);
    await expectCode(sealLetter({ ...input, letter: { ...letter, attachments: many } }), [
      'LETTER_MALFORMED',
    ]);
    await expectCode(sealLetter({ ...input, recipientCertificatesPem: [] }), ['NOT_A_RECIPIENT']);
  });
});
