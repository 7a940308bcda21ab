/**
 * Letters as ordinary mail clients write them (hand-written samples in the shapes Thunderbird, Outlook
 * and Apple Mail produce): they must read, with the exact text and names.
 */
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../../src/crypto/index.ts';
import { parseLetterEntity } from '../../src/mail/index.ts';

const ID = '3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d';

/** Lines joined with CRLF (or LF), encoded as UTF-8 unless `latin1`. */
function entity(lines: string[], options: { eol?: string; latin1?: boolean } = {}): Uint8Array {
  const text = lines.join(options.eol ?? '\r\n');
  return new Uint8Array(Buffer.from(text, options.latin1 ? 'latin1' : 'utf8'));
}

describe('reading what mail clients write', () => {
  it('Thunderbird: Q encoded subject, display names, format=flowed 8bit UTF-8 text', () => {
    const letter = parseLetterEntity(
      entity([
        `Message-ID: <${ID}@liaison>`,
        'Date: Fri, 14 Mar 2025 10:26:53 +0100',
        'MIME-Version: 1.0',
        'User-Agent: Mozilla Thunderbird',
        'To: Bob Durand <bob@liaison.test>, "Petit, Carol" <carol@liaison.test>',
        'From: "Dr Alice Martin" <alice@liaison.test>',
        'Subject: =?UTF-8?Q?R=c3=a9sultats_de_l=27=c3=a9chographie?=',
        'Content-Type: text/plain; charset=UTF-8; format=flowed',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Bonjour,',
        '',
        "Voici les résultats, l'échographie est normale et il n'y a pas lieu de ",
        "s'inquiéter.",
        ' >ligne protégée',
        '> cité ',
        '> suite',
        '-- ',
        'Dr Martin',
        '',
      ]),
    );
    expect(letter).toMatchObject({
      messageId: ID,
      from: 'alice@liaison.test',
      to: ['bob@liaison.test', 'carol@liaison.test'],
      cc: [],
      subject: "Résultats de l'échographie",
      inReplyTo: null,
      replyTo: null,
      attachments: [],
    });
    expect(letter.date.toISOString()).toBe('2025-03-14T09:26:53.000Z');
    expect(letter.text).toBe(
      "Bonjour,\n\nVoici les résultats, l'échographie est normale et il n'y a pas lieu de s'inquiéter.\n" +
        '>ligne protégée\n> cité suite\n-- \nDr Martin\n',
    );
  });

  it('Outlook: folded headers, alternative text+HTML inside mixed, QP text, encoded-word file name', () => {
    const pdf = Buffer.from('%PDF-1.4 fake');
    const letter = parseLetterEntity(
      entity([
        'From: =?utf-8?B?RHIgw4lsaXNlIETDqWxhbm5veQ==?= <elise@liaison.test>',
        'To: bob@liaison.test',
        'Cc: undisclosed-recipients:;',
        'Subject: =?utf-8?Q?Compte_rendu_=E2=80=94_c?=',
        ' =?utf-8?Q?=C5=93ur?=',
        'Thread-Topic: whatever',
        'Date: 14 Mar 2025 10:26:53 +0100 (CET)',
        `Message-ID:`,
        `\t<${ID.toUpperCase()}@liaison>`,
        `In-Reply-To: <abc@other.example> <0b8e2f7c-1d4a-4e5b-8c9d-0a1b2c3d4e5f@liaison>`,
        'Reply-To: "Secr." <secretariat@liaison.test>',
        'Content-Type: multipart/mixed;',
        '\tboundary="_004_PAXPR_"',
        'MIME-Version: 1.0',
        '',
        'This is a multi-part message in MIME format.',
        '--_004_PAXPR_',
        'Content-Type: multipart/alternative; boundary="_000_PAXPR_"',
        '',
        '--_000_PAXPR_',
        'Content-Type: text/plain; charset="utf-8"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Cher confr=C3=A8re,   ',
        'Une ligne tr=C3=A8s longue coup=C3=A9e par l=E2=80=99encodeur quoted-print=',
        'able, puis =3D un signe =C3=A9gal.',
        '',
        '--_000_PAXPR_',
        'Content-Type: text/html; charset="utf-8"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<html><body>Cher confr=C3=A8re</body></html>',
        '--_000_PAXPR_--',
        '',
        '--_004_PAXPR_',
        'Content-Type: application/pdf; name="=?utf-8?B?w4ljaG8gY8WTdXIucGRm?="',
        'Content-Description: =?utf-8?B?w4ljaG8gY8WTdXIucGRm?=',
        'Content-Disposition: attachment;',
        '\tfilename="=?utf-8?B?w4ljaG8gY8WTdXIucGRm?="; size=13;',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '',
        '--_004_PAXPR_--',
        '',
      ]),
    );
    expect(letter.from).toBe('elise@liaison.test');
    expect(letter.cc).toEqual([]);
    expect(letter.subject).toBe('Compte rendu — cœur');
    expect(letter.date.toISOString()).toBe('2025-03-14T09:26:53.000Z');
    expect(letter.messageId).toBe(ID.toUpperCase());
    expect(letter.inReplyTo).toBe('0b8e2f7c-1d4a-4e5b-8c9d-0a1b2c3d4e5f');
    expect(letter.replyTo).toBe('secretariat@liaison.test');
    expect(letter.text).toBe(
      'Cher confrère,\nUne ligne très longue coupée par l’encodeur quoted-printable, puis = un signe égal.\n',
    );
    expect(letter.attachments).toHaveLength(1);
    expect(letter.attachments[0]!.filename).toBe('Écho cœur.pdf');
    expect(letter.attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.from(letter.attachments[0]!.content).equals(pdf)).toBe(true);
  });

  it('Latin-1: QP text in iso-8859-1, RFC 2231 continuations in iso-8859-1, LF line ends, obsolete date', () => {
    const letter = parseLetterEntity(
      entity(
        [
          'From: alice@liaison.test',
          'To: bob@liaison.test',
          'Subject: =?iso-8859-1?Q?Re=E7u?=',
          'Date: Fri, 14 Mar 25 10:26 EST',
          `Message-ID: <${ID}@liaison>`,
          'Content-Type: multipart/mixed; boundary=simple',
          '',
          '--simple',
          'Content-Type: text/plain; charset=iso-8859-1',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'R=E9sum=E9 ci-joint.',
          '--simple',
          'Content-Type: application/octet-stream',
          "Content-Disposition: attachment; filename*0*=iso-8859-1''r%E9sum; filename*1*=%E9; filename*2=.txt",
          '',
          'brut',
          '--simple--',
        ],
        { eol: '\n' },
      ),
    );
    expect(letter.subject).toBe('Reçu');
    expect(letter.date.toISOString()).toBe('2025-03-14T15:26:00.000Z');
    expect(letter.text).toBe('Résumé ci-joint.');
    expect(letter.attachments[0]!.filename).toBe('résumé.txt');
    expect(Buffer.from(letter.attachments[0]!.content).toString()).toBe('brut');
  });

  it('raw UTF-8 and Latin-1 header bytes (RFC 6532 and older clients)', () => {
    const lines = (subject: string) => [
      'From: alice@liaison.test',
      'To: bob@liaison.test',
      `Subject: ${subject}`,
      'Date: Fri, 14 Mar 2025 10:26:53 +0000',
      `Message-ID: <${ID}@liaison>`,
      '',
      'ok',
    ];
    expect(parseLetterEntity(entity(lines('Échéance œdème'))).subject).toBe('Échéance œdème');
    expect(parseLetterEntity(entity(lines('Échéance'), { latin1: true })).subject).toBe('Échéance');
    // No Content-Type at all: text/plain, and unlabelled 8-bit text read as UTF-8.
    expect(parseLetterEntity(entity(lines('x'))).text).toBe('ok');
  });

  it('refuses a text whose bytes are not in the declared charset, and HTML-only mail', () => {
    const base = [
      'From: alice@liaison.test',
      'Date: Fri, 14 Mar 2025 10:26:53 +0000',
      `Message-ID: <${ID}@liaison>`,
    ];
    const bad = entity([...base, 'Content-Type: text/plain; charset=utf-8', '', 'caf\xe9'], { latin1: true });
    expect(() => parseLetterEntity(bad)).toThrow(CryptoError);
    const html = entity([...base, 'Content-Type: text/html', '', '<p>x</p>']);
    expect(() => parseLetterEntity(html)).toThrow(/not a MIME entity Liaison can read/);
  });
});
