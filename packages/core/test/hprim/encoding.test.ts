import { describe, expect, it } from 'vitest';
import {
  decodeHprim,
  encodeHprim,
  encodeHprimReport,
  HprimUnreadableError,
  parseHprim,
} from '../../src/hprim/index.ts';
import { WINDOWS_1252_HIGH } from '../../src/hprim/windows1252.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeHprim', () => {
  it('reads 0x80-0x9F as Windows-1252 does, undefined bytes as their C1 code points', () => {
    // Written as characters, checked against Python's cp1252 codec. Not against TextDecoder: Node 20
    // decodes 'windows-1252' as Latin-1, one more reason for the hand-written table.
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeHprim(high, 'windows-1252').text).toBe(expected);
    expect(WINDOWS_1252_HIGH.filter((c) => c === null)).toHaveLength(5);
  });

  it('reads valid UTF-8 as UTF-8 and drops the BOM', () => {
    const encoded = new TextEncoder().encode('Hélène €');
    expect(decodeHprim(encoded)).toEqual({ text: 'Hélène €', encoding: 'utf-8', lossy: false });
    expect(decodeHprim(Uint8Array.from([0xef, 0xbb, 0xbf, ...encoded])).text).toBe('Hélène €');
  });

  it('reads Windows-1252 when a byte of 0x80-0x9F is a cp1252 character', () => {
    // é (0xE9), œ (0x9C), € (0x80), ’ (0x92)
    expect(decodeHprim(bytes(0xe9, 0x9c, 0x80, 0x92))).toEqual({
      text: 'éœ€’',
      encoding: 'windows-1252',
      lossy: false,
    });
  });

  it('reads ISO-8859-1 byte for byte otherwise, including C1 controls WHATWG would read as cp1252', () => {
    expect(decodeHprim(bytes(0x48, 0xe9, 0xb5))).toEqual({
      text: 'Héµ',
      encoding: 'iso-8859-1',
      lossy: false,
    });
    // 0x81 is undefined in cp1252, so it does not make the file cp1252.
    expect(decodeHprim(bytes(0xe9, 0x81)).encoding).toBe('iso-8859-1');
    expect(decodeHprim(bytes(0x80), 'iso-8859-1').text).toBe('\u0080');
  });

  it('obeys a forced encoding', () => {
    const cp1252 = bytes(0x43, 0x9c, 0x75, 0x72);
    expect(decodeHprim(cp1252, 'windows-1252').text).toBe('Cœur');
    expect(decodeHprim(cp1252, 'iso-8859-1').text).toBe('C\u009Cur');
    const utf8 = new TextEncoder().encode('é');
    expect(decodeHprim(utf8, 'windows-1252').text).toBe('Ã©');
  });

  it('marks a forced UTF-8 reading of non-UTF-8 bytes as lossy, and parse reports it', () => {
    expect(decodeHprim(bytes(0x41, 0xe9), 'utf-8')).toEqual({
      text: 'A\uFFFD',
      encoding: 'utf-8',
      lossy: true,
    });
    const parsed = parseHprim(bytes(0xe9, 0x0a), { encoding: 'utf-8' });
    expect(parsed.documents[0]?.warnings[0]?.code).toBe('HPRIM_ENCODING_LOSSY');
  });

  it('refuses NUL bytes (binary files, UTF-16) and unknown encodings', () => {
    expect(() => decodeHprim(bytes(0x25, 0x50, 0x00))).toThrow(HprimUnreadableError);
    expect(() => parseHprim('abc\u0000')).toThrow(/NUL/);
    expect(() => decodeHprim(bytes(0x41), 'utf-16' as 'utf-8')).toThrow(/unknown encoding/);
  });
});

describe('encodeHprim', () => {
  it('writes cp1252 bytes and decodes back', () => {
    const text = 'Cœur € l’Église Noël …';
    const encoded = encodeHprim(text, 'windows-1252');
    expect([...encoded.subarray(0, 4)]).toEqual([0x43, 0x9c, 0x75, 0x72]);
    expect(decodeHprim(encoded, 'windows-1252').text).toBe(text);
  });

  it('writes "?" for characters cp1252 lacks and lists each once, a astral character as one "?"', () => {
    const report = encodeHprimReport('Āa😀Ā', 'windows-1252');
    expect(new TextDecoder().decode(report.bytes)).toBe('?a??');
    expect(report.replaced).toEqual(['Ā', '😀']);
    expect([...encodeHprim('😀', 'windows-1252')]).toEqual([0x3f]);
  });

  it('gives back the undefined cp1252 bytes it decoded to C1 code points', () => {
    const raw = bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d);
    expect([...encodeHprim(decodeHprim(raw, 'windows-1252').text, 'windows-1252')]).toEqual([...raw]);
  });

  it('writes UTF-8 without a BOM and Latin-1 up to U+00FF', () => {
    expect([...encodeHprim('é', 'utf-8')]).toEqual([0xc3, 0xa9]);
    expect(encodeHprimReport('é€', 'iso-8859-1')).toEqual({ bytes: bytes(0xe9, 0x3f), replaced: ['€'] });
  });
});
