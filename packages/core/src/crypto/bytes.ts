/** Byte helpers the browser and Node share (no Buffer): base64, PEM, comparisons, conversions. */
import { CryptoError } from './errors.ts';

export type Bytes = ArrayBuffer | Uint8Array;

/** A Uint8Array over the same memory (no copy) for any byte input. */
export function asUint8Array(input: Bytes): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** An ArrayBuffer holding exactly these bytes (copies only when the view is partial or shared). */
export function toArrayBuffer(input: Bytes): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  if (
    input.buffer instanceof ArrayBuffer &&
    input.byteOffset === 0 &&
    input.byteLength === input.buffer.byteLength
  )
    return input.buffer;
  const copy = new Uint8Array(input.byteLength);
  copy.set(input);
  return copy.buffer;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Bytes, b: Bytes): boolean {
  const x = asUint8Array(a);
  const y = asUint8Array(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/** Lexicographic order of byte strings, shorter first on a common prefix (DER SET OF order). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function toHex(input: Bytes): string {
  let out = '';
  for (const byte of asUint8Array(input)) out += byte.toString(16).padStart(2, '0');
  return out;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(text);
}

export function fromUtf8(bytes: Bytes): string {
  return utf8Decoder.decode(asUint8Array(bytes));
}

/** Latin-1 view of bytes (one char per byte), for header parsing that must not lose any byte. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x2000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function base64Encode(input: Bytes): string {
  const bytes = asUint8Array(input);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Base64 wrapped at `width` characters per line (64 for PEM, 76 for MIME), lines joined by `eol`. */
export function base64Lines(input: Bytes, width: number, eol: string): string {
  const text = base64Encode(input);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join(eol);
}

/**
 * Decodes base64, ignoring whitespace (line breaks of PEM and MIME bodies). Anything else that is not
 * base64 is refused, as is padding in the middle or of the wrong length.
 */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  let symbols = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    if (code === 0x3d) {
      padding++;
      continue;
    }
    const value = DECODE[code] ?? -1;
    if (value < 0 || code > 0xff) throw new CryptoError('MIME_MALFORMED', 'invalid base64 character');
    if (padding > 0) throw new CryptoError('MIME_MALFORMED', 'base64 data after padding');
    symbols++;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  const rest = symbols % 4;
  if (rest === 1 || padding > 2 || (padding > 0 && (rest + padding) % 4 !== 0)) {
    throw new CryptoError('MIME_MALFORMED', 'invalid base64 length or padding');
  }
  return out.slice(0, o);
}

export type PemLabel = 'CERTIFICATE' | 'PRIVATE KEY' | 'PUBLIC KEY' | 'CERTIFICATE REQUEST' | 'CMS' | 'PKCS7';

export function toPem(der: Bytes, label: PemLabel): string {
  return `-----BEGIN ${label}-----\n${base64Lines(der, 64, '\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block of `text` with the given label, in order. */
export function pemBlocks(text: string, label: PemLabel): Uint8Array<ArrayBuffer>[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((m) => base64Decode(m[1] ?? ''));
}
