/**
 * The minimal MIME (RFC 2045/2046) the S/MIME layer needs: build an entity, split headers from body,
 * read a Content-Type, wrap CMS DER as `application/pkcs7-mime` (base64), and read what OpenSSL and mail
 * clients write back, including `multipart/signed`. Bytes stay bytes: headers are read as Latin-1 so
 * no octet of a body is ever re-encoded. Line endings: we write CRLF, and accept LF.
 */
import { asUint8Array, base64Decode, base64Lines, latin1, utf8, type Bytes } from './bytes.ts';
import { CryptoError } from './errors.ts';

export interface MimeHeader {
  name: string;
  value: string;
}

export interface MimeEntity {
  headers: MimeHeader[];
  body: Uint8Array;
}

export interface ContentType {
  /** Lowercased "type/subtype". */
  type: string;
  /** Parameter names lowercased; values unquoted. */
  params: Record<string, string>;
}

export type SmimeType = 'enveloped-data' | 'signed-data';

const CRLF = '\r\n';

/** Bare LF becomes CRLF (existing CRLF kept): the canonical form S/MIME signs. */
export function toCanonicalCrlf(input: Bytes): Uint8Array {
  const bytes = asUint8Array(input);
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && bytes[i - 1] !== 0x0d) extra++;
  if (extra === 0) return bytes;
  const out = new Uint8Array(bytes.length + extra);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && bytes[i - 1] !== 0x0d) out[o++] = 0x0d;
    out[o++] = bytes[i]!;
  }
  return out;
}

function assertHeader(name: string, value: string): void {
  if (!/^[!-9;-~]+$/.test(name))
    throw new CryptoError('MIME_MALFORMED', `bad header name ${JSON.stringify(name)}`);
  if (/[\r\n]/.test(value)) throw new CryptoError('MIME_MALFORMED', `header ${name} contains a line break`);
}

/**
 * Builds an entity: headers (in order) then a blank line then the body. A string body is UTF-8 with
 * line endings made CRLF; a byte body is copied as it is.
 */
export function buildMimeEntity(input: {
  headers: ReadonlyArray<readonly [string, string]>;
  body: string | Bytes;
}): Uint8Array {
  let head = '';
  for (const [name, value] of input.headers) {
    assertHeader(name, value);
    head += `${name}: ${value}${CRLF}`;
  }
  const body = typeof input.body === 'string' ? toCanonicalCrlf(utf8(input.body)) : asUint8Array(input.body);
  const headBytes = utf8(head + CRLF);
  const out = new Uint8Array(headBytes.length + body.length);
  out.set(headBytes);
  out.set(body, headBytes.length);
  return out;
}

/** Where the header section ends: the index of the blank line and the index where the body starts. */
function headerEnd(bytes: Uint8Array): { end: number; bodyStart: number } {
  if (bytes[0] === 0x0a) return { end: 0, bodyStart: 1 };
  if (bytes[0] === 0x0d && bytes[1] === 0x0a) return { end: 0, bodyStart: 2 };
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return { end: i + 1, bodyStart: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { end: i + 1, bodyStart: i + 3 };
  }
  return { end: bytes.length, bodyStart: bytes.length };
}

export function parseMimeEntity(input: Bytes): MimeEntity {
  const bytes = asUint8Array(input);
  const { end, bodyStart } = headerEnd(bytes);
  const text = latin1(bytes.subarray(0, end));
  const headers: MimeHeader[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line)) {
      if (!last) throw new CryptoError('MIME_MALFORMED', 'continuation line before any header');
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new CryptoError('MIME_MALFORMED', 'header line without a name');
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { headers, body: bytes.subarray(bodyStart) };
}

export function headerValue(entity: MimeEntity, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return entity.headers.find((h) => h.name.toLowerCase() === wanted)?.value;
}

/** Reads `type/subtype; name=value; name="quoted value"` (RFC 2045 §5.1). */
export function parseContentType(value: string | undefined): ContentType {
  if (!value) return { type: 'text/plain', params: {} };
  const match = /^\s*([^\s;/]+\/[^\s;]+)\s*(.*)$/s.exec(value);
  if (!match) throw new CryptoError('MIME_MALFORMED', 'bad Content-Type');
  const params: Record<string, string> = {};
  const rest = match[2] ?? '';
  const param = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/g;
  for (const p of rest.matchAll(param)) {
    const name = (p[1] ?? '').toLowerCase();
    params[name] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { type: (match[1] ?? '').toLowerCase(), params };
}

/** CMS DER as an S/MIME entity, the form `openssl cms` and mail clients read (RFC 8551 §3.2). */
export function wrapSmime(der: Bytes, smimeType: SmimeType): Uint8Array {
  return buildMimeEntity({
    headers: [
      ['MIME-Version', '1.0'],
      ['Content-Disposition', 'attachment; filename="smime.p7m"'],
      ['Content-Type', `application/pkcs7-mime; smime-type=${smimeType}; name="smime.p7m"`],
      ['Content-Transfer-Encoding', 'base64'],
    ],
    body: utf8(`${base64Lines(der, 76, CRLF)}${CRLF}`),
  });
}

function decodeBody(entity: MimeEntity): Uint8Array {
  const encoding = (headerValue(entity, 'Content-Transfer-Encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'base64') return base64Decode(latin1(entity.body));
  if (encoding === 'binary' || encoding === '8bit' || encoding === '7bit') return entity.body;
  throw new CryptoError('MIME_MALFORMED', `unsupported transfer encoding ${encoding}`);
}

const PKCS7_MIME = new Set(['application/pkcs7-mime', 'application/x-pkcs7-mime']);
const PKCS7_SIGNATURE = new Set(['application/pkcs7-signature', 'application/x-pkcs7-signature']);

export type SmimeContent =
  | { kind: 'pkcs7-mime'; smimeType: string | undefined; der: Uint8Array }
  | { kind: 'multipart-signed'; content: Uint8Array; signature: Uint8Array };

function multipartParts(body: Uint8Array, boundary: string): Uint8Array[] {
  const text = latin1(body);
  const delimiter = `--${boundary}`;
  const starts: number[] = [];
  for (let i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) {
    if (i === 0 || text[i - 1] === '\n') starts.push(i);
  }
  const parts: Uint8Array[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const lineEnd = text.indexOf('\n', starts[k]);
    if (lineEnd < 0) break;
    let end = starts[k + 1]! - 1; // the LF before the next delimiter belongs to the delimiter
    if (text[end - 1] === '\r') end--;
    parts.push(body.subarray(lineEnd + 1, Math.max(lineEnd + 1, end)));
  }
  return parts;
}

/**
 * Reads an S/MIME entity: `application/pkcs7-mime` (enveloped or opaque-signed) gives the CMS DER;
 * `multipart/signed` gives the signed part (made canonical CRLF) and the detached signature DER.
 */
export function readSmime(input: Bytes): SmimeContent {
  const entity = parseMimeEntity(input);
  const contentType = parseContentType(headerValue(entity, 'Content-Type'));
  if (PKCS7_MIME.has(contentType.type)) {
    return {
      kind: 'pkcs7-mime',
      smimeType: contentType.params['smime-type']?.toLowerCase(),
      der: decodeBody(entity),
    };
  }
  if (contentType.type === 'multipart/signed') {
    const boundary = contentType.params['boundary'];
    if (!boundary) throw new CryptoError('MIME_MALFORMED', 'multipart/signed without boundary');
    const [content, signaturePart] = multipartParts(entity.body, boundary);
    if (!content || !signaturePart)
      throw new CryptoError('MIME_MALFORMED', 'multipart/signed needs two parts');
    const signatureEntity = parseMimeEntity(signaturePart);
    const signatureType = parseContentType(headerValue(signatureEntity, 'Content-Type')).type;
    if (!PKCS7_SIGNATURE.has(signatureType)) {
      throw new CryptoError('MIME_MALFORMED', `second part is ${signatureType}, not a PKCS#7 signature`);
    }
    return {
      kind: 'multipart-signed',
      content: toCanonicalCrlf(content),
      signature: decodeBody(signatureEntity),
    };
  }
  throw new CryptoError('NOT_SIGNED', `entity is ${contentType.type}, not S/MIME`);
}
