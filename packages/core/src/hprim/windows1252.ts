/**
 * Windows-1252 (cp1252), the code page of French practice software. It equals ISO-8859-1 except
 * for 0x80–0x9F, where Latin-1 has C1 control codes and cp1252 has printable characters (€, œ, ’…).
 * Written out as a table here rather than relying on TextDecoder: its label 'iso-8859-1' means
 * cp1252 (WHATWG), and Node 20 decodes 'windows-1252' as plain Latin-1 (0x80 gives U+0080, not €).
 */

/** 0x80 + index → character; null where cp1252 defines nothing (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
export const WINDOWS_1252_HIGH: readonly (string | null)[] = [
  '\u20AC', // 0x80 €
  null, //     0x81
  '\u201A', // 0x82 ‚
  '\u0192', // 0x83 ƒ
  '\u201E', // 0x84 „
  '\u2026', // 0x85 …
  '\u2020', // 0x86 †
  '\u2021', // 0x87 ‡
  '\u02C6', // 0x88 ˆ
  '\u2030', // 0x89 ‰
  '\u0160', // 0x8A Š
  '\u2039', // 0x8B ‹
  '\u0152', // 0x8C Œ
  null, //     0x8D
  '\u017D', // 0x8E Ž
  null, //     0x8F
  null, //     0x90
  '\u2018', // 0x91 ‘
  '\u2019', // 0x92 ’
  '\u201C', // 0x93 “
  '\u201D', // 0x94 ”
  '\u2022', // 0x95 •
  '\u2013', // 0x96 –
  '\u2014', // 0x97 —
  '\u02DC', // 0x98 ˜
  '\u2122', // 0x99 ™
  '\u0161', // 0x9A š
  '\u203A', // 0x9B ›
  '\u0153', // 0x9C œ
  null, //     0x9D
  '\u017E', // 0x9E ž
  '\u0178', // 0x9F Ÿ
];

const ENCODE_HIGH: ReadonlyMap<string, number> = new Map(
  WINDOWS_1252_HIGH.flatMap((char, i) => (char === null ? [] : [[char, 0x80 + i] as const])),
);

/** True when the byte is one of the printable cp1252 characters that Latin-1 lacks. */
export function isWindows1252Specific(byte: number): boolean {
  return byte >= 0x80 && byte <= 0x9f && WINDOWS_1252_HIGH[byte - 0x80] !== null;
}

/**
 * Undefined bytes decode to the C1 code point of the same value (as WHATWG does), so that nothing
 * is lost and encoding gives the byte back.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : null;
    out += high ?? String.fromCharCode(byte);
  }
  return out;
}

/** ISO-8859-1: every byte is the code point of the same value. */
export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** The cp1252 byte of a character (one code point), or null when cp1252 cannot write it. */
export function windows1252Byte(char: string): number | null {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const high = ENCODE_HIGH.get(char);
  if (high !== undefined) return high;
  // The five undefined bytes were decoded to their C1 code points: give them back.
  if (code >= 0x80 && code <= 0x9f && WINDOWS_1252_HIGH[code - 0x80] === null) return code;
  return null;
}

/** The Latin-1 byte of a character, or null beyond U+00FF. */
export function latin1Byte(char: string): number | null {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? code : null;
}
