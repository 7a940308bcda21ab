/**
 * Reading a letter entity back: ours exactly, and what ordinary clients write for a plain or
 * multipart/mixed message (quoted-printable, Q encoded words, folded headers, format=flowed, a
 * multipart/alternative body whose text/plain part is taken). Anything else is LETTER_MALFORMED.
 */
import { failAsSync, CryptoError, isCryptoError } from '../crypto/errors.ts';
import { headerValue, parseMimeEntity, type MimeEntity } from '../crypto/mime.ts';
import { parseAddressList } from './addresses.ts';
import { decodeTransfer, readTextPart } from './bodyText.ts';
import { parseParameterised, type ParameterisedValue } from './headerParams.ts';
import { headerText, rawHeaderText } from './headerText.ts';
import type { Letter, LetterAttachment } from './letter.ts';
import { parseMailDate } from './mailDate.ts';
import { messageUuids } from './messageIds.ts';
import { splitMultipart } from './multipart.ts';

/**
 * RFC 5322 §3.6 allows these once. A second Subject or From is how one signed letter could show two
 * different faces to two readers, so it is refused rather than one of them picked.
 */
const SINGLE_HEADERS = ['subject', 'from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'reply-to'];

function singleHeader(entity: MimeEntity, name: string): string | undefined {
  const found = entity.headers.filter((h) => h.name.toLowerCase() === name);
  if (found.length > 1) throw new CryptoError('LETTER_MALFORMED', `more than one ${name} header`);
  return found[0]?.value;
}

function contentTypeOf(entity: MimeEntity): ParameterisedValue {
  const type = parseParameterised(rawHeaderText(headerValue(entity, 'Content-Type') ?? 'text/plain'));
  // RFC 2045 §5.2: an unreadable Content-Type means text/plain; us-ascii.
  return /^[^/\s]+\/[^/\s]+$/.test(type.value) ? type : { value: 'text/plain', params: {} };
}

function dispositionOf(entity: MimeEntity): ParameterisedValue {
  return parseParameterised(rawHeaderText(headerValue(entity, 'Content-Disposition') ?? ''));
}

function isBodyText(entity: MimeEntity): boolean {
  return contentTypeOf(entity).value === 'text/plain' && dispositionOf(entity).value !== 'attachment';
}

function boundaryOf(type: ParameterisedValue): string {
  const boundary = type.params['boundary'];
  if (!boundary) throw new CryptoError('LETTER_MALFORMED', 'multipart without a boundary');
  return boundary;
}

function children(entity: MimeEntity, type: ParameterisedValue): MimeEntity[] {
  return splitMultipart(entity.body, boundaryOf(type)).map((part) => parseMimeEntity(part));
}

/** multipart/alternative (text and HTML, as clients compose): the text/plain version. */
function alternativeText(entity: MimeEntity, type: ParameterisedValue): string {
  const text = children(entity, type).find(isBodyText);
  if (!text) throw new CryptoError('LETTER_MALFORMED', 'multipart/alternative without a text/plain part');
  return readTextPart(text);
}

function attachmentOf(entity: MimeEntity): LetterAttachment {
  const type = contentTypeOf(entity);
  if (type.value.startsWith('multipart/')) {
    throw new CryptoError('LETTER_MALFORMED', 'nested multipart in place of an attachment');
  }
  const disposition = dispositionOf(entity);
  // A part without any name stays unnamed: inventing one would put words in the sender's mouth.
  const filename = disposition.params['filename'] ?? type.params['name'] ?? '';
  return { filename, contentType: type.value, content: decodeTransfer(entity) };
}

function readBody(entity: MimeEntity): { text: string; attachments: LetterAttachment[] } {
  const type = contentTypeOf(entity);
  if (type.value === 'text/plain') {
    if (dispositionOf(entity).value === 'attachment')
      return { text: '', attachments: [attachmentOf(entity)] };
    return { text: readTextPart(entity), attachments: [] };
  }
  if (type.value === 'multipart/alternative') return { text: alternativeText(entity, type), attachments: [] };
  if (type.value !== 'multipart/mixed') {
    throw new CryptoError('LETTER_MALFORMED', 'a letter is text/plain or multipart/mixed');
  }
  const parts = children(entity, type);
  const [first, ...rest] = parts;
  if (!first) throw new CryptoError('LETTER_MALFORMED', 'multipart/mixed without parts');
  const firstType = contentTypeOf(first);
  if (isBodyText(first)) return { text: readTextPart(first), attachments: rest.map(attachmentOf) };
  if (firstType.value === 'multipart/alternative') {
    return { text: alternativeText(first, firstType), attachments: rest.map(attachmentOf) };
  }
  return { text: '', attachments: parts.map(attachmentOf) };
}

function messageIdOf(entity: MimeEntity): string {
  const [uuid] = messageUuids(singleHeader(entity, 'message-id') ?? '');
  if (!uuid) throw new CryptoError('LETTER_MALFORMED', 'Message-ID missing or not <uuid@…>');
  return uuid;
}

function parseUnsafe(bytes: Uint8Array): Letter {
  const entity = parseMimeEntity(bytes);
  for (const name of SINGLE_HEADERS) singleHeader(entity, name);
  const addresses = (name: string, field: string): string[] =>
    parseAddressList(rawHeaderText(singleHeader(entity, name) ?? ''), field);
  const from = addresses('from', 'From');
  if (from.length !== 1)
    throw new CryptoError('LETTER_MALFORMED', `From has ${from.length} addresses, not one`);
  const date = singleHeader(entity, 'date');
  if (date === undefined) throw new CryptoError('LETTER_MALFORMED', 'no Date header');
  const body = readBody(entity);
  return {
    messageId: messageIdOf(entity),
    from: from[0]!,
    to: addresses('to', 'To'),
    cc: addresses('cc', 'Cc'),
    subject: headerText(singleHeader(entity, 'subject') ?? ''),
    date: parseMailDate(date),
    inReplyTo: messageUuids(singleHeader(entity, 'in-reply-to') ?? '')[0] ?? null,
    // Reply-To may list several addresses; a reply goes to the first.
    replyTo: addresses('reply-to', 'Reply-To')[0] ?? null,
    text: body.text,
    attachments: body.attachments,
  };
}

/** Reads a letter entity; whatever cannot be read is LETTER_MALFORMED (the cause kept, never content). */
export function parseLetterEntity(entity: Uint8Array): Letter {
  try {
    return failAsSync('LETTER_MALFORMED', 'unreadable letter entity', () => parseUnsafe(entity));
  } catch (error) {
    if (isCryptoError(error) && error.code !== 'LETTER_MALFORMED') {
      throw new CryptoError('LETTER_MALFORMED', error.detail ?? error.code, { cause: error });
    }
    throw error;
  }
}
