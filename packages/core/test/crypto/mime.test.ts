import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  base64Decode,
  base64Encode,
  buildMimeEntity,
  headerValue,
  parseContentType,
  parseMimeEntity,
  pemBlocks,
  readSmime,
  toCanonicalCrlf,
  toPem,
  wrapSmime,
} from '../../src/crypto/index.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('base64 and PEM', () => {
  it('encodes like Buffer and decodes its own output, with or without line breaks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 4, max: 80 }), (bytes, width) => {
        const encoded = base64Encode(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        const wrapped = (encoded.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n');
        expect(Buffer.from(base64Decode(wrapped)).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('refuses characters and padding that are not base64', () => {
    for (const bad of ['QQ=Q', 'Q', 'QQ=', 'QQQQ==', '@@@@', 'QQ==QQ==']) {
      expect(() => base64Decode(bad), bad).toThrow(CryptoError);
    }
  });

  it('round-trips PEM blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 3 }), (blocks) => {
        const pem = blocks.map((b) => toPem(b, 'CERTIFICATE')).join('junk between\n');
        const back = pemBlocks(pem, 'CERTIFICATE');
        expect(back.map((b) => Buffer.from(b).toString('hex'))).toEqual(
          blocks.map((b) => Buffer.from(b).toString('hex')),
        );
      }),
    );
  });
});

describe('MIME entities', () => {
  it('builds CRLF entities and parses them back, headers and body intact', () => {
    const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
    const headerText = fc.stringMatching(/^[ -~]{0,60}$/).map((s) => s.trim());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(headerName, headerText), { minLength: 1, maxLength: 6 }),
        fc.uint8Array({ maxLength: 400 }),
        (headers, body) => {
          const entity = buildMimeEntity({ headers, body });
          const parsed = parseMimeEntity(entity);
          expect(parsed.headers.map((h) => [h.name, h.value])).toEqual(headers);
          expect(Buffer.from(parsed.body).equals(Buffer.from(body))).toBe(true);
        },
      ),
    );
  });

  it('canonicalises bare LF to CRLF and keeps existing CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r\n', '\r', ' ')), (parts) => {
        const input = new TextEncoder().encode(parts.join(''));
        const out = text(toCanonicalCrlf(input));
        expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(out.replace(/\r\n/g, '\n')).toBe(text(input).replace(/\r\n/g, '\n'));
      }),
    );
    const entity = buildMimeEntity({ headers: [['Subject', 'x']], body: 'ligne 1\nligne 2\r\n' });
    expect(text(entity)).toBe('Subject: x\r\n\r\nligne 1\r\nligne 2\r\n');
  });

  it('reads LF-only entities, folded headers and quoted parameters', () => {
    const entity = parseMimeEntity(
      new TextEncoder().encode(
        'Content-Type: multipart/signed;\n protocol="application/x-pkcs7-signature";\n\tboundary="----A \\"B\\""\nX: 1\n\nbody\n',
      ),
    );
    const type = parseContentType(headerValue(entity, 'content-type'));
    expect(type.type).toBe('multipart/signed');
    expect(type.params).toEqual({ protocol: 'application/x-pkcs7-signature', boundary: '----A "B"' });
    expect(text(entity.body)).toBe('body\n');
  });

  it('refuses header injection when building', () => {
    expect(() => buildMimeEntity({ headers: [['Subject', 'a\r\nBcc: x']], body: '' })).toThrow(CryptoError);
    expect(() => buildMimeEntity({ headers: [['Bad Name', 'a']], body: '' })).toThrow(CryptoError);
  });
});

describe('S/MIME wrapping', () => {
  it('wraps DER as application/pkcs7-mime base64 and reads it back', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2000 }),
        fc.constantFrom('enveloped-data' as const, 'signed-data' as const),
        (der, type) => {
          const entity = wrapSmime(der, type);
          const bodyLines = text(entity).split('\r\n\r\n')[1]!.split('\r\n');
          expect(bodyLines.every((l) => l.length <= 76)).toBe(true);
          const read = readSmime(entity);
          expect(read.kind).toBe('pkcs7-mime');
          if (read.kind !== 'pkcs7-mime') return;
          expect(read.smimeType).toBe(type);
          expect(Buffer.from(read.der).equals(Buffer.from(der))).toBe(true);
        },
      ),
    );
  });

  it('splits multipart/signed into the canonical signed part and the signature', () => {
    const signature = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]).toString('base64');
    const message =
      'MIME-Version: 1.0\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg="sha-256"; boundary="----XYZ"\n\n' +
      'This is an S/MIME signed message\n\n------XYZ\nContent-Type: text/plain\n\nBonjour\n------XYZ\n' +
      `Content-Type: application/pkcs7-signature; name="smime.p7s"\nContent-Transfer-Encoding: base64\n\n${signature}\n\n------XYZ--\n`;
    const read = readSmime(new TextEncoder().encode(message));
    expect(read.kind).toBe('multipart-signed');
    if (read.kind !== 'multipart-signed') return;
    expect(text(read.content)).toBe('Content-Type: text/plain\r\n\r\nBonjour');
    expect(Buffer.from(read.signature).toString('base64')).toBe(signature);
  });

  it('never throws anything but CryptoError on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .string({ maxLength: 300 })
            .map((s) => new TextEncoder().encode(`Content-Type: application/pkcs7-mime\r\n\r\n${s}`)),
        ),
        (bytes) => {
          try {
            readSmime(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(CryptoError);
          }
        },
      ),
    );
  });
});
