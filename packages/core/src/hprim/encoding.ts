/**
 * Bytes ⇄ text. HPRIM files come in UTF-8 from recent software and in Windows-1252 or ISO-8859-1
 * from the rest; nothing in the file says which, so the reader guesses (see decodeHprim).
 */
import { isHprimEncoding, type HprimEncoding } from './types.ts';
import { HprimUnreadableError } from './unreadable.ts';
import {
  decodeLatin1,
  decodeWindows1252,
  isWindows1252Specific,
  latin1Byte,
  windows1252Byte,
} from './windows1252.ts';

export interface HprimDecoded {
  readonly text: string;
  readonly encoding: HprimEncoding;
  /** True when a forced UTF-8 decoding met invalid bytes and replaced them with U+FFFD. */
  readonly lossy: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Valid UTF-8 (a BOM is dropped) is read as UTF-8: by chance Latin-1 French text is almost never
 * valid UTF-8. Otherwise a byte in 0x80–0x9F that cp1252 defines (€, œ, ’…) means cp1252, since
 * Latin-1 puts only control codes there; else ISO-8859-1, which reads 0xA0–0xFF exactly as cp1252.
 * NUL bytes mean a binary file (or UTF-16): refused.
 */
export function decodeHprim(bytes: Uint8Array, encoding?: HprimEncoding): HprimDecoded {
  if (encoding !== undefined && !isHprimEncoding(encoding)) {
    throw new HprimUnreadableError(`unknown encoding "${String(encoding)}"`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new HprimUnreadableError(`not a text file: NUL byte at offset ${nul}`);
  const body =
    (encoding === undefined || encoding === 'utf-8') && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (encoding === 'utf-8') {
    const strict = tryUtf8(body);
    return strict === null
      ? { text: lenientUtf8.decode(body), encoding, lossy: true }
      : { text: strict, encoding, lossy: false };
  }
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding, lossy: false };
  if (encoding === 'iso-8859-1') return { text: decodeLatin1(bytes), encoding, lossy: false };
  const utf8 = tryUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', lossy: false };
  return bytes.some(isWindows1252Specific)
    ? { text: decodeWindows1252(bytes), encoding: 'windows-1252', lossy: false }
    : { text: decodeLatin1(bytes), encoding: 'iso-8859-1', lossy: false };
}

export interface HprimEncoded {
  readonly bytes: Uint8Array;
  /** Characters the encoding cannot write, each once, in order of appearance; written as '?'. */
  readonly replaced: readonly string[];
}

/** UTF-8 is written without a BOM: several practice programs read it as text on line 1. */
export function encodeHprimReport(text: string, encoding: HprimEncoding): HprimEncoded {
  if (!isHprimEncoding(encoding)) throw new HprimUnreadableError(`unknown encoding "${String(encoding)}"`);
  if (encoding === 'utf-8') return { bytes: new TextEncoder().encode(text), replaced: [] };
  const byteOf = encoding === 'windows-1252' ? windows1252Byte : latin1Byte;
  const out: number[] = [];
  const replaced = new Set<string>();
  // for…of walks code points, so a character outside the BMP becomes one '?', not two.
  for (const char of text) {
    const byte = byteOf(char);
    if (byte === null) {
      replaced.add(char);
      out.push(0x3f);
    } else {
      out.push(byte);
    }
  }
  return { bytes: Uint8Array.from(out), replaced: [...replaced] };
}

export function encodeHprim(text: string, encoding: HprimEncoding): Uint8Array {
  return encodeHprimReport(text, encoding).bytes;
}
