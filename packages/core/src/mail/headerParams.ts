/**
 * `value; name=param` headers (Content-Type, Content-Disposition): reading RFC 2045 parameters with RFC
 * 2231 extensions (charset, continuations), and writing a file name the way current and older clients
 * both understand: an ASCII `filename=` and the exact UTF-8 `filename*=`.
 */
import { utf8 } from '../crypto/bytes.ts';
import { decodeCharset, decodeEncodedWords } from './headerText.ts';

export interface ParameterisedValue {
  /** The leading value, lowercased (`text/plain`, `attachment`). */
  value: string;
  /** Parameter names lowercased; values decoded (RFC 2231 and, as clients write them, encoded words). */
  params: Record<string, string>;
}

/** Splits `value; a=1; b="x; y"` into the value and raw (unquoted, undecoded) parameters, in order. */
function tokenise(header: string): { value: string; raw: Array<[string, string]> } {
  const semicolon = header.indexOf(';');
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const raw: Array<[string, string]> = [];
  let i = semicolon < 0 ? header.length : semicolon + 1;
  while (i < header.length) {
    while (i < header.length && /[\s;]/.test(header[i]!)) i++;
    const equals = header.indexOf('=', i);
    if (i >= header.length || equals < 0) break;
    const name = header.slice(i, equals).trim().toLowerCase();
    i = equals + 1;
    while (i < header.length && /\s/.test(header[i]!)) i++;
    let text = '';
    if (header[i] === '"') {
      for (i++; i < header.length && header[i] !== '"'; i++) {
        if (header[i] === '\\' && i + 1 < header.length) i++;
        text += header[i];
      }
      i++;
    } else {
      const end = header.indexOf(';', i);
      text = header.slice(i, end < 0 ? header.length : end).trim();
      i = end < 0 ? header.length : end;
    }
    if (name !== '' && !/\s/.test(name)) raw.push([name, text]);
  }
  return { value, raw };
}

function percentBytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(...utf8(text[i]!));
  }
  return out;
}

interface Segment {
  index: number;
  extended: boolean;
  text: string;
}

/** RFC 2231 §3-4: `name*0*=utf-8''a%C3; name*1*=%A9` and `name*=utf-8''%C3%A9` become one value. */
function joinExtended(segments: Segment[]): string {
  segments.sort((a, b) => a.index - b.index);
  let charset = 'us-ascii';
  const bytes: number[] = [];
  for (const segment of segments) {
    let text = segment.text;
    if (segment.index === 0 && segment.extended) {
      const match = /^([^']*)'[^']*'(.*)$/s.exec(text);
      if (match) {
        charset = match[1] || 'us-ascii';
        text = match[2] ?? '';
      }
    }
    bytes.push(...(segment.extended ? percentBytes(text) : utf8(text)));
  }
  const joined = new Uint8Array(bytes);
  // us-ascii is decoded as UTF-8: writers that forget the charset still mean their own bytes.
  const label = charset.toLowerCase() === 'us-ascii' ? 'utf-8' : charset;
  return decodeCharset(joined, label, false) ?? decodeCharset(joined, 'utf-8', false) ?? '';
}

/** Reads a parameterised header value (already unfolded, 8-bit text already decoded). */
export function parseParameterised(header: string | undefined): ParameterisedValue {
  const { value, raw } = tokenise(header ?? '');
  const plain: Record<string, string> = {};
  const extended = new Map<string, Segment[]>();
  for (const [name, text] of raw) {
    const match = /^(.+?)\*(?:(\d+)(\*)?)?$/.exec(name);
    if (!match) {
      // Not RFC compliant, but Outlook and Gmail put encoded words in quoted file names.
      if (!Object.hasOwn(plain, name)) plain[name] = decodeEncodedWords(text);
      continue;
    }
    const base = match[1]!;
    const segment: Segment =
      match[2] === undefined
        ? { index: 0, extended: true, text }
        : { index: Number(match[2]), extended: match[3] === '*', text };
    const list = extended.get(base) ?? [];
    if (!list.some((s) => s.index === segment.index)) list.push(segment);
    extended.set(base, list);
  }
  const params: Record<string, string> = { ...plain };
  // The RFC 2231 form is the exact one; the plain one beside it is a fallback for older readers.
  for (const [name, segments] of extended) params[name] = joinExtended(segments);
  return { value, params };
}

/** RFC 2231 attribute-char: anything else in an extended value is percent-encoded. */
const ATTRIBUTE_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** Longest encoded segment per line, so a long file name stays on reasonable lines. */
const SEGMENT_LENGTH = 60;

function percentEncode(text: string): string[] {
  const units: string[] = [];
  for (const byte of utf8(text)) {
    const char = String.fromCharCode(byte);
    units.push(
      byte < 0x80 && ATTRIBUTE_CHAR.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    );
  }
  return units;
}

/**
 * An ASCII stand-in for readers without RFC 2231: accents dropped (é → e), anything else outside
 * printable ASCII, quotes and backslashes replaced by "_", shortened but keeping the extension.
 */
export function asciiFallbackName(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii.length <= SEGMENT_LENGTH) return ascii;
  const dot = ascii.lastIndexOf('.');
  const extension = dot > 0 && ascii.length - dot <= 10 ? ascii.slice(dot) : '';
  return ascii.slice(0, SEGMENT_LENGTH - extension.length) + extension;
}

/**
 * `name="ascii"` then the exact value: `name*=utf-8''…` or, when long, RFC 2231 continuations
 * `name*0*=utf-8''…; name*1*=…` so that no line grows with the file name.
 */
export function fileNameParams(name: string, filename: string): string[] {
  const params = [`${name}="${asciiFallbackName(filename)}"`];
  const units = percentEncode(filename);
  const prefix = "utf-8''";
  if (prefix.length + units.join('').length <= SEGMENT_LENGTH) {
    params.push(`${name}*=${prefix}${units.join('')}`);
    return params;
  }
  const segments: string[] = [];
  let current = prefix;
  for (const unit of units) {
    if (current.length + unit.length > SEGMENT_LENGTH) {
      segments.push(current);
      current = '';
    }
    current += unit;
  }
  segments.push(current);
  segments.forEach((segment, index) => params.push(`${name}*${index}*=${segment}`));
  return params;
}
