/**
 * Free header text (Subject, display names, parameter values) in and out of 7-bit headers: RFC 2047
 * encoded words (we write UTF-8 B words, we read B and Q in any charset the platform decodes) and raw
 * 8-bit header bytes (RFC 6532), which clients write as UTF-8 and older ones as Latin-1.
 */
import { base64Decode, base64Encode, utf8 } from '../crypto/bytes.ts';

const CRLF = '\r\n';

/** RFC 5322 §2.1.1 recommends 78 characters per line; we fold at that length where we can. */
export const HEADER_LINE_LENGTH = 78;

/**
 * RFC 2047 §2: an encoded word is at most 75 characters. "=?utf-8?B?" and "?=" take 12, leaving 63 base64
 * characters, i.e. 45 bytes once rounded down to a whole base64 group.
 */
const WORD_PAYLOAD_BYTES = 45;

/** charset (optionally with an RFC 2231 language), encoding, text. */
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Splits text into UTF-8 B encoded words of at most 45 bytes each, never inside a code point (RFC 2047
 * §5: each word must decode on its own).
 */
export function encodeWords(text: string): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let size = 0;
  for (const char of text) {
    const length = utf8Length(char.codePointAt(0) ?? 0);
    if (size + length > WORD_PAYLOAD_BYTES && chunk !== '') {
      chunks.push(chunk);
      chunk = '';
      size = 0;
    }
    chunk += char;
    size += length;
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks.map((c) => `=?utf-8?B?${base64Encode(utf8(c))}?=`);
}

/**
 * Text that can go into a header as it is and come back identical: printable ASCII words separated by
 * single spaces, nothing that a reader would take for an encoded word. Anything else (accents, control
 * characters, runs of spaces that unfolding may collapse) is written as encoded words, which carry the
 * exact characters.
 */
function isPlainHeaderText(text: string): boolean {
  return /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(text) && !text.includes('=?');
}

/** Joins `Name: first` and the continuation items into folded lines no longer than `limit` when possible. */
function fold(head: string, items: string[], separator: string, limit: number): string {
  const lines: string[] = [head];
  items.forEach((item, index) => {
    const last = lines.length - 1;
    const joined = index === 0 ? `${lines[last]}${item}` : `${lines[last]}${separator}${item}`;
    if (index === 0 || joined.length <= limit) lines[last] = joined;
    else {
      // The separator's visible part (",", ";") stays; its space becomes the fold.
      lines[last] += separator.trimEnd();
      lines.push(` ${item}`);
    }
  });
  return lines.join(CRLF);
}

/**
 * An unstructured header (RFC 5322 §3.2.5) as one or more folded lines, without the final CRLF. Plain
 * ASCII is folded at its spaces (unfolding restores them); when a word would not fit a line, or the
 * text is not plain, the whole value becomes encoded words, one per line.
 */
export function unstructuredHeader(name: string, text: string): string {
  if (text === '') return `${name}:`;
  const head = `${name}: `;
  if (isPlainHeaderText(text)) {
    const words = text.split(' ');
    const folded = fold(head, words, ' ', HEADER_LINE_LENGTH);
    if (folded.split(CRLF).every((line) => line.length <= HEADER_LINE_LENGTH)) return folded;
  }
  // Between adjacent encoded words the folding whitespace is not part of the text (RFC 2047 §6.2).
  return head + encodeWords(text).join(`${CRLF} `);
}

/** A header whose items (addresses, parameters) are joined by `separator` and folded between items. */
export function listHeader(name: string, items: string[], separator: string): string {
  return fold(`${name}: `, items, separator, HEADER_LINE_LENGTH);
}

function decoderFor(charset: string, fatal: boolean): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(charset, { fatal });
  } catch {
    // An unknown label throws RangeError: the caller keeps the text undecoded.
    return undefined;
  }
}

/** Decodes bytes in a named charset; undefined when the platform does not know it or they do not decode. */
export function decodeCharset(bytes: Uint8Array, charset: string, fatal: boolean): string | undefined {
  const decoder = decoderFor(charset.trim().toLowerCase(), fatal);
  if (!decoder) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function qBytes(text: string): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '_') out.push(0x20);
    else if (char === '=') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = char.charCodeAt(0);
      if (code > 0x7e) return undefined;
      out.push(code);
    }
  }
  return new Uint8Array(out);
}

function wordBytes(encoding: string, text: string): Uint8Array | undefined {
  if (encoding.toLowerCase() === 'q') return qBytes(text);
  try {
    return base64Decode(text);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the encoded words of a header value. Whitespace between two encoded words is dropped (RFC
 * 2047 §6.2). Adjacent words of one charset are decoded together, because some writers split a
 * multi-byte character across two words. A word that does not decode (unknown charset, bad base64) is
 * left as it is, as §6.3 advises, rather than losing the header.
 */
export function decodeEncodedWords(value: string): string {
  let out = '';
  let pending: { charset: string; bytes: Uint8Array[] } | undefined;
  let previousWasWord = false;
  let last = 0;
  const flush = (): void => {
    if (!pending) return;
    const total = pending.bytes.reduce((n, b) => n + b.length, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const b of pending.bytes) {
      joined.set(b, offset);
      offset += b.length;
    }
    out += decodeCharset(joined, pending.charset, false) ?? '';
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const onlySpace = /^[ \t\r\n]*$/.test(between);
    const charset = (match[1] ?? '').toLowerCase();
    const bytes = wordBytes(match[2] ?? 'b', match[3] ?? '');
    last = match.index + match[0].length;
    if (!bytes || !decoderFor(charset, false)) {
      flush();
      out += between + match[0];
      previousWasWord = false;
      continue;
    }
    if (previousWasWord && onlySpace && pending?.charset === charset) {
      pending.bytes.push(bytes);
      continue;
    }
    flush();
    if (!(previousWasWord && onlySpace)) out += between;
    pending = { charset, bytes: [bytes] };
    previousWasWord = true;
  }
  flush();
  return out + value.slice(last);
}

/**
 * The text of a raw header value as the MIME parser hands it over (one character per byte, Latin-1):
 * 8-bit bytes are read as UTF-8 (RFC 6532) when they are valid UTF-8, else as Windows-1252, the
 * superset of Latin-1 that old clients actually write.
 */
export function rawHeaderText(latin1Value: string): string {
  if (!/[\x80-\xff]/.test(latin1Value)) return latin1Value;
  const bytes = Uint8Array.from(latin1Value, (c) => c.charCodeAt(0));
  return decodeCharset(bytes, 'utf-8', true) ?? decodeCharset(bytes, 'windows-1252', false) ?? latin1Value;
}

/** A header's display text: raw 8-bit bytes and encoded words decoded. */
export function headerText(latin1Value: string): string {
  return decodeEncodedWords(rawHeaderText(latin1Value));
}
