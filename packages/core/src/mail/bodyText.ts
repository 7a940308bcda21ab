/**
 * Part bodies: undoing the Content-Transfer-Encoding (base64, quoted-printable, identity) and turning
 * a text/plain part into a string (charset, RFC 3676 format=flowed, line ends).
 *
 * Line ends of the letter text: MIME text is CRLF on the wire (RFC 2045 §2.10); in memory the letter
 * text uses LF. Reading therefore turns CRLF into LF and leaves any lone CR as it is. Building does the
 * reverse (LF → CRLF, an existing CRLF kept), so a text without CRLF comes back byte for byte and a
 * text written with CRLF comes back with LF.
 */
import { base64Decode, latin1 } from '../crypto/bytes.ts';
import { CryptoError } from '../crypto/errors.ts';
import type { MimeEntity } from '../crypto/mime.ts';
import { headerValue } from '../crypto/mime.ts';
import { decodeCharset } from './headerText.ts';
import { parseParameterised } from './headerParams.ts';

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line is a soft break, whitespace at the end of
 * a line was added in transit and is dropped. A stray `=` is kept as it is (rule 1's advice to be
 * robust), rather than refusing a letter for a sloppy encoder.
 */
export function decodeQuotedPrintable(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length);
  let o = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf(0x0a, lineStart);
    const last = lineEnd < 0;
    if (last) lineEnd = body.length;
    let end = lineEnd;
    if (!last && body[end - 1] === 0x0d) end--;
    while (end > lineStart && (body[end - 1] === 0x20 || body[end - 1] === 0x09)) end--;
    let soft = false;
    for (let i = lineStart; i < end; i++) {
      const byte = body[i]!;
      if (byte !== 0x3d) {
        out[o++] = byte;
        continue;
      }
      if (i === end - 1) {
        soft = true;
        break;
      }
      const hex = String.fromCharCode(body[i + 1]!, body[i + 2] ?? 0);
      if (HEX.test(hex)) {
        out[o++] = parseInt(hex, 16);
        i += 2;
      } else out[o++] = byte;
    }
    if (last) break;
    if (!soft) {
      out[o++] = 0x0d;
      out[o++] = 0x0a;
    }
    lineStart = lineEnd + 1;
  }
  return out.slice(0, o);
}

/** The decoded bytes of a leaf part. */
export function decodeTransfer(entity: MimeEntity): Uint8Array {
  const encoding = (headerValue(entity, 'Content-Transfer-Encoding') ?? '7bit').trim().toLowerCase();
  switch (encoding) {
    case 'base64': {
      try {
        return base64Decode(latin1(entity.body));
      } catch (error) {
        throw new CryptoError('LETTER_MALFORMED', 'a base64 part does not decode', { cause: error });
      }
    }
    case 'quoted-printable':
      return decodeQuotedPrintable(entity.body);
    case '7bit':
    case '8bit':
    case 'binary':
      return entity.body;
    default:
      throw new CryptoError('LETTER_MALFORMED', 'unsupported Content-Transfer-Encoding');
  }
}

/**
 * RFC 3676 format=flowed, as Thunderbird writes plain text: a line ending in a space continues on the
 * next line of the same quote depth; a leading space was added to protect the line ("stuffing").
 */
export function unflow(text: string, delSp: boolean): string {
  const out: string[] = [];
  let open: { depth: number; text: string } | undefined;
  for (const raw of text.split('\n')) {
    const depth = /^>*/.exec(raw)![0].length;
    let line = raw.slice(depth);
    if (line.startsWith(' ')) line = line.slice(1);
    const flowed = line.endsWith(' ') && line !== '-- ';
    if (flowed && delSp) line = line.slice(0, -1);
    if (open && open.depth === depth) open.text += line;
    else {
      if (open) out.push(quote(open));
      open = { depth, text: line };
    }
    if (!flowed) {
      out.push(quote(open));
      open = undefined;
    }
  }
  if (open) out.push(quote(open));
  return out.join('\n');
}

function quote(line: { depth: number; text: string }): string {
  return line.depth === 0 ? line.text : `${'>'.repeat(line.depth)} ${line.text}`;
}

/**
 * The text of a text/plain part. A declared charset must decode cleanly (a letter silently altered by
 * replacement characters is worse than one refused); without a charset, UTF-8 is tried, then
 * Windows-1252, the two that clients actually send unlabelled.
 */
export function readTextPart(entity: MimeEntity): string {
  const type = parseParameterised(headerValue(entity, 'Content-Type') ?? 'text/plain');
  const bytes = decodeTransfer(entity);
  const charset = type.params['charset'];
  let text: string | undefined;
  if (charset === undefined || /^(us-)?ascii$/i.test(charset.trim())) {
    text = decodeCharset(bytes, 'utf-8', true) ?? decodeCharset(bytes, 'windows-1252', false);
  } else {
    text = decodeCharset(bytes, charset, true);
  }
  if (text === undefined)
    throw new CryptoError('LETTER_MALFORMED', 'the text is not in its declared charset');
  text = text.replace(/\r\n/g, '\n');
  if (type.params['format']?.toLowerCase() === 'flowed') {
    text = unflow(text, type.params['delsp']?.toLowerCase() === 'yes');
  }
  return text;
}
