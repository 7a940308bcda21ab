import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError, parseMimeEntity, headerValue, type CryptoErrorCode } from '../../src/crypto/index.ts';
import { buildLetterEntity, parseLetterEntity, type Letter } from '../../src/mail/index.ts';

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function letter(overrides: Partial<Letter> = {}): Letter {
  return {
    messageId: '3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d',
    from: 'alice@liaison.test',
    to: ['bob@liaison.test'],
    cc: [],
    subject: 'Compte rendu',
    date: new Date('2025-03-14T09:26:53.000Z'),
    inReplyTo: null,
    replyTo: null,
    text: 'Cher confrère,\n\nPatiente vue ce jour.\n\nBien à vous,\nDr Martin\n',
    attachments: [],
    ...overrides,
  };
}

function expectCode(fn: () => unknown, code: CryptoErrorCode): CryptoError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(CryptoError);
  expect((caught as CryptoError).code).toBe(code);
  return caught as CryptoError;
}

const roundTrip = (l: Letter) => parseLetterEntity(buildLetterEntity(l));

describe('letter entity: building', () => {
  it('writes the protected headers and a base64 text/plain entity, ASCII with CRLF', () => {
    const entity = buildLetterEntity(
      letter({
        cc: ['carol@liaison.test'],
        inReplyTo: '0b8e2f7c-1d4a-4e5b-8c9d-0a1b2c3d4e5f',
        replyTo: 'secretariat@liaison.test',
      }),
    );
    const text = ascii(entity);
    expect(entity.every((byte) => byte < 0x80)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = parseMimeEntity(entity);
    const header = (name: string) => headerValue(parsed, name);
    expect(header('Subject')).toBe('Compte rendu');
    expect(header('From')).toBe('alice@liaison.test');
    expect(header('To')).toBe('bob@liaison.test');
    expect(header('Cc')).toBe('carol@liaison.test');
    expect(header('Date')).toBe('Fri, 14 Mar 2025 09:26:53 +0000');
    expect(header('Message-ID')).toBe('<3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d@liaison>');
    expect(header('In-Reply-To')).toBe('<0b8e2f7c-1d4a-4e5b-8c9d-0a1b2c3d4e5f@liaison>');
    expect(header('Reply-To')).toBe('secretariat@liaison.test');
    expect(header('MIME-Version')).toBe('1.0');
    expect(header('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(header('Content-Transfer-Encoding')).toBe('base64');
    const body = Buffer.from(parsed.body).toString('latin1');
    for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(Buffer.from(body, 'base64').toString('utf8')).toBe(letter().text.replace(/\n/g, '\r\n'));
  });

  it('omits Cc, In-Reply-To and Reply-To when empty', () => {
    const text = ascii(buildLetterEntity(letter()));
    expect(text).not.toMatch(/^(Cc|In-Reply-To|Reply-To):/im);
  });

  it('encodes non-ASCII subjects as UTF-8 B encoded words of at most 75 characters, folded', () => {
    const subject = 'Résultats œsophage — 12 € 🩺 '.repeat(8);
    const entity = buildLetterEntity(letter({ subject }));
    const lines = ascii(entity).split('\r\n\r\n')[0]!.split('\r\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(90);
    const words = ascii(entity).match(/=\?utf-8\?B\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    expect(roundTrip(letter({ subject })).subject).toBe(subject);
  });

  it('folds long ASCII subjects and address lists on lines of at most 78 characters', () => {
    const subject =
      'Demande d avis concernant un patient suivi pour une insuffisance cardiaque chronique stade III';
    const to = Array.from({ length: 200 }, (_, i) => `recipient-${i}@hopital-${i % 7}.liaison.test`);
    const entity = buildLetterEntity(letter({ subject, to }));
    const head = ascii(entity).split('\r\n\r\n')[0]!;
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(head).toContain('Subject: Demande');
    const back = parseLetterEntity(entity);
    expect(back.subject).toBe(subject);
    expect(back.to).toEqual(to);
  });

  it('writes multipart/mixed with the text first and base64 attachments with RFC 2231 names', () => {
    const pdf = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const entity = buildLetterEntity(
      letter({
        attachments: [
          { filename: 'Résultat œdème €.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'scan 🩻.png', contentType: 'image/png', content: new Uint8Array([1, 2, 3]) },
        ],
      }),
    );
    const text = ascii(entity);
    const type = headerValue(parseMimeEntity(entity), 'Content-Type')!;
    const boundary = /boundary="([^"]+)"/.exec(type)![1]!;
    expect(type).toMatch(/^multipart\/mixed; /);
    // The boundary occurs only in its parameter and on the 3 delimiter lines and the close delimiter.
    expect(text.split(boundary).length - 1).toBe(5);
    expect(text).toContain(`--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n`);
    expect(text).toContain('filename="Resultat _deme _.pdf"');
    expect(text).toContain("filename*=utf-8''R%C3%A9sultat%20%C5%93d%C3%A8me%20%E2%82%AC.pdf");
    expect(text).toContain("filename*=utf-8''scan%20%F0%9F%A9%BB.png");
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('splits a long file name into RFC 2231 continuations and reads it back', () => {
    const filename = `${'Compte-rendu opératoire détaillé '.repeat(6)}.pdf`;
    const l = letter({
      attachments: [{ filename, contentType: 'application/pdf', content: new Uint8Array([37, 80]) }],
    });
    const text = ascii(buildLetterEntity(l));
    expect(text).toMatch(/filename\*0\*=utf-8''/);
    expect(text).toMatch(/filename\*2\*=/);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(roundTrip(l).attachments[0]!.filename).toBe(filename);
  });

  it('refuses fields it cannot write faithfully', () => {
    expectCode(() => buildLetterEntity(letter({ messageId: 'not-a-uuid' })), 'LETTER_MALFORMED');
    expectCode(() => buildLetterEntity(letter({ inReplyTo: 'x' })), 'LETTER_MALFORMED');
    expectCode(() => buildLetterEntity(letter({ to: ['Bob <bob@liaison.test>'] })), 'LETTER_MALFORMED');
    expectCode(() => buildLetterEntity(letter({ cc: ['a@b.fr, c@d.fr'] })), 'LETTER_MALFORMED');
    expectCode(() => buildLetterEntity(letter({ from: 'élise@liaison.test' })), 'LETTER_MALFORMED');
    expectCode(() => buildLetterEntity(letter({ date: new Date(NaN) })), 'LETTER_MALFORMED');
    const bad = { filename: 'a', contentType: 'pdf', content: new Uint8Array(1) };
    const error = expectCode(() => buildLetterEntity(letter({ attachments: [bad] })), 'LETTER_MALFORMED');
    expect(error.message).not.toContain('Compte rendu');
  });
});

describe('letter entity: round trip', () => {
  it('reads back a letter without attachments, dates truncated to the second', () => {
    const l = letter({ date: new Date('2025-03-14T09:26:53.789Z') });
    expect(roundTrip(l)).toEqual({ ...l, date: new Date('2025-03-14T09:26:53.000Z') });
  });

  it('reads back reply fields, Cc, accents and emoji in subject, text and file names', () => {
    const l = letter({
      subject: 'RE: Œdème — suivi à 3 mois (coût 25 €) 😷',
      cc: ['carol@liaison.test', 'dave@clinique.liaison.test'],
      inReplyTo: '0b8e2f7c-1d4a-4e5b-8c9d-0a1b2c3d4e5f',
      replyTo: 'secretariat@liaison.test',
      text: 'DUPONT\nJEAN\n\nÉvolution favorable ; cœur régulier. 👍\n',
      attachments: [
        {
          filename: 'Échographie cœur 💓.pdf',
          contentType: 'application/pdf',
          content: new Uint8Array(5000),
        },
        { filename: '', contentType: 'text/plain', content: new Uint8Array(0) },
      ],
    });
    expect(roundTrip(l)).toEqual(l);
  });

  it('keeps the text exact: LF stays LF, a lone CR stays, CRLF comes back as LF', () => {
    for (const text of [
      '',
      'a',
      'a\n',
      '\n\n',
      'line\nnext\n\n',
      'lone\rcr',
      '  indented  \n\ttab\n',
      '.\nFrom x\n',
    ]) {
      expect(roundTrip(letter({ text })).text).toBe(text);
      expect(
        roundTrip(
          letter({
            text,
            attachments: [{ filename: 'a', contentType: 'text/plain', content: new Uint8Array(1) }],
          }),
        ).text,
      ).toBe(text);
    }
    expect(roundTrip(letter({ text: 'a\r\nb\r\n' })).text).toBe('a\nb\n');
    const long = 'x'.repeat(5000);
    expect(roundTrip(letter({ text: long })).text).toBe(long);
  });

  it('sends an empty content type as application/octet-stream and reads types lowercased', () => {
    const content = new Uint8Array([0, 1, 2]);
    const back = roundTrip(
      letter({
        attachments: [
          { filename: 'a.bin', contentType: '', content },
          { filename: 'b.pdf', contentType: 'Application/PDF', content },
        ],
      }),
    );
    expect(back.attachments.map((a) => a.contentType)).toEqual([
      'application/octet-stream',
      'application/pdf',
    ]);
  });

  it('holds for any letter (property)', () => {
    const address = fc.emailAddress({ size: 'small' });
    const attachment = fc.record({
      filename: fc.string({ unit: 'binary', maxLength: 80 }),
      contentType: fc.constantFrom('application/pdf', 'image/jpeg', 'text/plain', 'application/octet-stream'),
      content: fc.uint8Array({ maxLength: 400 }),
    });
    const arbitraryLetter: fc.Arbitrary<Letter> = fc.record({
      messageId: fc.uuid({ version: 4 }),
      from: address,
      to: fc.array(address, { minLength: 1, maxLength: 5 }),
      cc: fc.array(address, { maxLength: 3 }),
      subject: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 })),
      date: fc
        .date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000)),
      inReplyTo: fc.option(fc.uuid({ version: 4 }), { nil: null }),
      replyTo: fc.option(address, { nil: null }),
      text: fc
        .string({
          unit: fc.constantFrom('a', 'é', '\n', '\r', ' ', '€', '😀', '>', '=', '-', '\t'),
          maxLength: 300,
        })
        .filter((t) => !t.includes('\r\n')),
      attachments: fc.array(attachment, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arbitraryLetter, (l) => {
        expect(roundTrip(l)).toEqual(l);
      }),
      { numRuns: 300 },
    );
  });
});

describe('letter entity: refusing what it cannot read', () => {
  const valid = ascii(buildLetterEntity(letter()));
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

  it('refuses garbage, missing Message-ID, From or Date, and duplicate protected headers', () => {
    expectCode(() => parseLetterEntity(bytes('hello')), 'LETTER_MALFORMED');
    expectCode(() => parseLetterEntity(new Uint8Array(0)), 'LETTER_MALFORMED');
    expectCode(
      () => parseLetterEntity(bytes(valid.replace(/Message-ID:[^\r]*\r\n/, ''))),
      'LETTER_MALFORMED',
    );
    expectCode(() => parseLetterEntity(bytes(valid.replace(/From:[^\r]*\r\n/, ''))), 'LETTER_MALFORMED');
    expectCode(() => parseLetterEntity(bytes(valid.replace(/Date:[^\r]*\r\n/, ''))), 'LETTER_MALFORMED');
    expectCode(() => parseLetterEntity(bytes(`Subject: other\r\n${valid}`)), 'LETTER_MALFORMED');
    expectCode(() => parseLetterEntity(bytes(`From: mallory@liaison.test\r\n${valid}`)), 'LETTER_MALFORMED');
  });

  it('refuses a body that does not decode and types that are not a letter', () => {
    expectCode(() => parseLetterEntity(bytes(`${valid}@@@@\r\n`)), 'LETTER_MALFORMED');
    const html = valid.replace('text/plain; charset=utf-8', 'text/html; charset=utf-8');
    expectCode(() => parseLetterEntity(bytes(html)), 'LETTER_MALFORMED');
    const noBoundary = valid.replace('text/plain; charset=utf-8', 'multipart/mixed');
    expectCode(() => parseLetterEntity(bytes(noBoundary)), 'LETTER_MALFORMED');
    const badDate = valid.replace(/Date:[^\r]*/, 'Date: 31 Feb 2025 10:00 +0000');
    expectCode(() => parseLetterEntity(bytes(badDate)), 'LETTER_MALFORMED');
    const unreadable = valid.replace(
      'Content-Transfer-Encoding: base64',
      'Content-Transfer-Encoding: x-uuencode',
    );
    expectCode(() => parseLetterEntity(bytes(unreadable)), 'LETTER_MALFORMED');
  });

  it('never fails other than with LETTER_MALFORMED on damaged entities (property)', () => {
    const entity = buildLetterEntity(
      letter({
        attachments: [{ filename: 'é.pdf', contentType: 'application/pdf', content: new Uint8Array(200) }],
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: entity.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        (at, value) => {
          const damaged = entity.slice();
          damaged[at] = value;
          try {
            parseLetterEntity(damaged);
          } catch (error) {
            expect(error).toBeInstanceOf(CryptoError);
            expect((error as CryptoError).code).toBe('LETTER_MALFORMED');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
