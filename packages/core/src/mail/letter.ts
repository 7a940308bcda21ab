/**
 * The letter: what a professional writes, as the MIME entity that gets signed. The headers that matter
 * (Subject, From, To, Cc, Date, Message-ID, In-Reply-To, Reply-To) are inside the signed entity, the
 * "protected headers" of RFC 8551 §3.1 / RFC 7508: the server only ever sees the encrypted whole, and a
 * reader trusts these headers because they are signed.
 *
 * Shape: a single `text/plain; charset=utf-8` entity, or `multipart/mixed` with that text first and one
 * part per attachment. Everything we write is 7-bit ASCII with CRLF line ends (the canonical form that
 * is signed; RFC 8551 §3.1.1).
 *
 * The text part is base64, not 8bit. 8bit would be readable in `openssl cms -verify` output, but it
 * forbids lines over 998 octets (a paragraph typed without line breaks easily is one), NUL and lone
 * CR, and lets a line of the text look like a boundary; base64 carries any text unchanged, with no
 * rule to check, for a third more bytes on a part that is small next to the attachments.
 */
import { base64Lines, utf8 } from '../crypto/bytes.ts';
import { CryptoError } from '../crypto/errors.ts';
import { toCanonicalCrlf } from '../crypto/mime.ts';
import { addressHeader } from './addresses.ts';
import { fileNameParams } from './headerParams.ts';
import { listHeader, unstructuredHeader } from './headerText.ts';
import { formatMailDate } from './mailDate.ts';
import { formatMessageId } from './messageIds.ts';
import { randomBoundary } from './multipart.ts';

export interface LetterAttachment {
  filename: string;
  /** `type/subtype`; case-insensitive, read back lowercased; "" is sent as application/octet-stream. */
  contentType: string;
  content: Uint8Array;
}

/**
 * parseLetterEntity(buildLetterEntity(l)) gives `l` back exactly, except: the date to the whole second;
 * CRLF in the text as LF (see bodyText.ts); attachment content types lowercased ("" as
 * application/octet-stream); lone UTF-16 surrogates, which are not Unicode text, as U+FFFD.
 */
export interface Letter {
  /** UUID, the same id the server gets in SubmitMessageRequest.id. */
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** Written in whole seconds (RFC 5322), so read back truncated to the second. */
  date: Date;
  /** UUID of the answered message. */
  inReplyTo: string | null;
  replyTo: string | null;
  /** The body, LF line ends; a patient letter starts with the 12-line HPRIM header. */
  text: string;
  attachments: LetterAttachment[];
}

export const DEFAULT_ATTACHMENT_TYPE = 'application/octet-stream';

const CRLF = '\r\n';
const MIME_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+\/[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

function attachmentType(contentType: string): string {
  const type = contentType.trim() === '' ? DEFAULT_ATTACHMENT_TYPE : contentType.trim();
  if (!MIME_TOKEN.test(type)) {
    throw new CryptoError('LETTER_MALFORMED', 'attachment content type is not type/subtype');
  }
  return type.toLowerCase();
}

/** RFC 2045 §6.8: base64 in lines of 76 characters. */
function base64Body(bytes: Uint8Array): string {
  return base64Lines(bytes, 76, CRLF);
}

function headerBlock(lines: string[]): string {
  return lines.map((line) => line + CRLF).join('');
}

function protectedHeaders(letter: Letter): string[] {
  const lines = [unstructuredHeader('Subject', letter.subject), addressHeader('From', [letter.from], 'From')];
  if (letter.to.length > 0) lines.push(addressHeader('To', letter.to, 'To'));
  if (letter.cc.length > 0) lines.push(addressHeader('Cc', letter.cc, 'Cc'));
  lines.push(`Date: ${formatMailDate(letter.date)}`);
  lines.push(`Message-ID: ${formatMessageId(letter.messageId, 'messageId')}`);
  if (letter.inReplyTo !== null) lines.push(`In-Reply-To: ${formatMessageId(letter.inReplyTo, 'inReplyTo')}`);
  if (letter.replyTo !== null) lines.push(addressHeader('Reply-To', [letter.replyTo], 'Reply-To'));
  lines.push('MIME-Version: 1.0');
  return lines;
}

const TEXT_PART_HEADERS = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'];

function textBody(text: string): string {
  return base64Body(toCanonicalCrlf(utf8(text)));
}

function attachmentPart(attachment: LetterAttachment): string {
  const headers = [
    listHeader(
      'Content-Type',
      [attachmentType(attachment.contentType), ...fileNameParams('name', attachment.filename).slice(0, 1)],
      '; ',
    ),
    listHeader(
      'Content-Disposition',
      ['attachment', ...fileNameParams('filename', attachment.filename)],
      '; ',
    ),
    'Content-Transfer-Encoding: base64',
  ];
  return headerBlock(headers) + CRLF + base64Body(attachment.content);
}

/** Builds the MIME entity of a letter (ASCII, CRLF), ready to sign. Invalid fields: LETTER_MALFORMED. */
export function buildLetterEntity(letter: Letter): Uint8Array {
  const head = protectedHeaders(letter);
  if (letter.attachments.length === 0) {
    const body = textBody(letter.text);
    return utf8(headerBlock([...head, ...TEXT_PART_HEADERS]) + CRLF + body + (body === '' ? '' : CRLF));
  }
  const parts = [
    headerBlock(TEXT_PART_HEADERS) + CRLF + textBody(letter.text),
    ...letter.attachments.map(attachmentPart),
  ];
  let boundary = randomBoundary();
  while (parts.some((part) => part.includes(boundary))) boundary = randomBoundary();
  // The CRLF before each delimiter belongs to the delimiter, not to the part (RFC 2046 §5.1.1).
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
  const type = listHeader('Content-Type', ['multipart/mixed', `boundary="${boundary}"`], '; ');
  return utf8(headerBlock([...head, type]) + CRLF + body);
}
