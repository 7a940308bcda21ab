/**
 * Bytes → text for CSV. Excel on a French Windows writes "CSV (séparateur : point-virgule)" in
 * Windows-1252 and "CSV UTF-8" with a BOM; LibreOffice and scripts write UTF-8 without one. Nothing
 * in the file says which, so: valid UTF-8 is UTF-8 (Windows-1252 French text is almost never valid
 * UTF-8 by chance), otherwise Windows-1252 if the bytes look like text at all.
 */
import { decodeWindows1252 } from '@liaison/core/hprim/windows1252';
import { fail } from '../../errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  /** Without the byte order mark. */
  text: string;
  encoding: TextEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The five bytes Windows-1252 leaves undefined: text never contains them. */
const UNDEFINED_IN_WINDOWS_1252: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Control bytes no spreadsheet export writes. Tab, LF, CR, VT and FF are allowed (VT is how some
 * software writes a line break inside a cell), and so is SUB (0x1A, the DOS end-of-file mark).
 */
const ALLOWED_CONTROLS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);

function isBinaryControl(byte: number): boolean {
  return byte < 0x20 && !ALLOWED_CONTROLS.has(byte);
}

function unreadable(fileName: string, why: string): never {
  fail(
    'FILE_ENCODING_UNKNOWN',
    `${fileName} is not a text file Liaison can read (${why}): save it as CSV UTF-8.`,
    {
      fileName,
    },
  );
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Excel's "Unicode text" export: UTF-16 with a BOM.
    unreadable(fileName, 'it is UTF-16 text');
  }
  const control = bytes.findIndex(isBinaryControl);
  if (control >= 0)
    unreadable(
      fileName,
      `control byte 0x${bytes[control]!.toString(16).padStart(2, '0')} at offset ${control}`,
    );

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryUtf8(hasBom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (hasBom) unreadable(fileName, 'it announces UTF-8 but is not valid UTF-8');

  const undefinedByte = bytes.findIndex((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte));
  if (undefinedByte >= 0) unreadable(fileName, `neither UTF-8 nor Windows-1252 at offset ${undefinedByte}`);
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
