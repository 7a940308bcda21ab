import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_PLAINTEXT_BYTES } from '../../src/api/mail.ts';
import { CryptoError } from '../../src/crypto/index.ts';
import {
  decodeSummary,
  encodeSummary,
  summariseLetter,
  type Letter,
  type LetterSummary,
} from '../../src/mail/index.ts';

const HPRIM = [
  '12345',
  'DUPONT',
  'Jeanne',
  '12 rue des Lilas',
  '',
  '75011 PARIS',
  '01/02/1950',
  '2 50 02 75 111 222 33',
  'DOS-4711',
  '14/03/2025',
  'Dr MARTIN Alice',
  'Dr DURAND Bob',
].join('\n');

function letter(text: string, filenames: string[] = []): Letter {
  return {
    messageId: '3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d',
    from: 'alice@liaison.test',
    to: ['bob@liaison.test'],
    cc: [],
    subject: 'Compte rendu',
    date: new Date('2025-03-14T09:26:53Z'),
    inReplyTo: null,
    replyTo: null,
    text,
    attachments: filenames.map((filename) => ({
      filename,
      contentType: 'application/pdf',
      content: new Uint8Array(1),
    })),
  };
}

const patient = { lastName: 'DUPONT', firstName: 'Jeanne', birthDate: '1950-02-01' };
const bytesOf = (s: LetterSummary) => Buffer.byteLength(JSON.stringify(s));

describe('summary', () => {
  it('previews the text after the 12-line HPRIM header of a patient letter', () => {
    const s = summariseLetter(
      letter(`${HPRIM}\n\nCher confrère,\nPatiente vue ce jour.\n`, ['a.pdf']),
      patient,
    );
    expect(s).toEqual({
      subject: 'Compte rendu',
      patient,
      preview: 'Cher confrère,\nPatiente vue ce jour.',
      attachments: ['a.pdf'],
    });
  });

  it('previews from the start without a patient, at most 300 characters', () => {
    expect(summariseLetter(letter('Information\nRéunion jeudi'), null).preview).toBe(
      'Information\nRéunion jeudi',
    );
    const long = summariseLetter(letter('é'.repeat(1000)), null).preview;
    expect(Array.from(long)).toHaveLength(301);
    expect(long.endsWith('…')).toBe(true);
    expect(summariseLetter(letter('😀'.repeat(400)), null).preview).toBe(`${'😀'.repeat(300)}…`);
  });

  it('round-trips through encode/decode', () => {
    const s = summariseLetter(letter(`${HPRIM}\ncorps`, ['é.pdf', '🩻.png']), patient);
    expect(decodeSummary(encodeSummary(s))).toEqual(s);
    const none = summariseLetter(letter('x'), null);
    expect(decodeSummary(encodeSummary(none))).toEqual(none);
  });

  it('shortens an over-4 KB summary: preview, then subject to 200 characters, then names behind a count', () => {
    const big: LetterSummary = {
      subject: 'Sujet '.repeat(300),
      patient,
      preview: 'p'.repeat(3000),
      attachments: Array.from({ length: 60 }, (_, i) => `compte-rendu-${i}-${'x'.repeat(80)}.pdf`),
    };
    expect(bytesOf(big)).toBeGreaterThan(MAX_SUMMARY_PLAINTEXT_BYTES);
    const encoded = encodeSummary(big);
    expect(encoded.length).toBeLessThanOrEqual(MAX_SUMMARY_PLAINTEXT_BYTES);
    const back = decodeSummary(encoded);
    expect(back.preview).toBe('');
    // The subject keeps its first 200 characters before names are dropped.
    expect(back.subject).toBe(`${big.subject.slice(0, 200)}…`);
    expect(back.patient).toEqual(patient);
    const count = back.attachments[back.attachments.length - 1]!;
    expect(count).toMatch(/^\+\d+$/);
    expect(back.attachments.length - 1 + Number(count.slice(1))).toBe(60);
    expect(back.attachments.slice(0, -1)).toEqual(big.attachments.slice(0, back.attachments.length - 1));

    // With fewer names, the subject is cut only as much as they need.
    const someNames = { ...big, attachments: big.attachments.slice(0, 30) };
    const kept = decodeSummary(encodeSummary(someNames));
    expect(kept.attachments).toEqual(someNames.attachments);
    expect(kept.subject.length).toBeGreaterThan(200);

    const longPreview = {
      ...big,
      subject: 'Compte rendu',
      attachments: ['a.pdf'],
      preview: 'é'.repeat(5000),
    };
    const fitted = decodeSummary(encodeSummary(longPreview));
    expect(fitted.subject).toBe('Compte rendu');
    expect(fitted.attachments).toEqual(['a.pdf']);
    expect(fitted.preview.endsWith('…')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeGreaterThan(MAX_SUMMARY_PLAINTEXT_BYTES - 8);

    // Only when nothing else is left is the subject cut below 200 characters.
    const hugeSubject = { subject: '€'.repeat(3000), patient, preview: 'p', attachments: ['a.pdf'] };
    const last = decodeSummary(encodeSummary(hugeSubject));
    expect(last.preview).toBe('');
    expect(last.attachments).toEqual(['a.pdf']);
    expect(Array.from(last.subject).length).toBeGreaterThan(1000);
  });

  it('never throws and always fits, whatever the input (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    const summary: fc.Arbitrary<LetterSummary> = fc.record({
      subject: text,
      patient: fc.option(
        fc.record({
          lastName: fc.option(text, { nil: null }),
          firstName: fc.option(text, { nil: null }),
          birthDate: fc.option(text, { nil: null }),
        }),
        { nil: null },
      ),
      preview: text,
      attachments: fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(summary, (s) => {
        const encoded = encodeSummary(s);
        expect(encoded.length).toBeLessThanOrEqual(MAX_SUMMARY_PLAINTEXT_BYTES);
        const back = decodeSummary(encoded);
        if (bytesOf(s) <= MAX_SUMMARY_PLAINTEXT_BYTES) expect(back).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses over 4096 bytes with SUMMARY_TOO_LARGE and anything but the exact shape', () => {
    const json = Buffer.from(
      JSON.stringify({ subject: 'x'.repeat(4950), patient: null, preview: '', attachments: [] }),
    );
    expect(json.length).toBeGreaterThan(4900);
    expect(() => decodeSummary(new Uint8Array(json))).toThrow(
      expect.objectContaining({ code: 'SUMMARY_TOO_LARGE' }) as Error,
    );
    expect(() => decodeSummary(new Uint8Array(5000))).toThrow(
      expect.objectContaining({ code: 'SUMMARY_TOO_LARGE' }) as Error,
    );
    for (const bad of [
      'not json',
      '{"subject":"x","patient":null,"preview":"","attachments":[],"extra":1}',
      '{"subject":"x","preview":"","attachments":[]}',
      '{"subject":1,"patient":null,"preview":"","attachments":[]}',
      '{"subject":"x","patient":{"lastName":"a"},"preview":"","attachments":[]}',
    ]) {
      let error: unknown;
      try {
        decodeSummary(new Uint8Array(Buffer.from(bad)));
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(CryptoError);
      expect((error as CryptoError).code).toBe('LETTER_MALFORMED');
      expect((error as CryptoError).message).not.toContain('not json');
    }
  });
});
