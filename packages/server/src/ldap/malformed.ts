/**
 * Requests ldapjs cannot even decode (a DN like "foo", an unknown scope) never reach a handler: ldapjs
 * throws while building the message and, left alone, just drops the connection, so `ldapadd` says
 * "Can't contact LDAP server" instead of what was wrong. This reads the message id and operation from
 * the raw bytes and answers that operation with invalidDNSyntax or protocolError and the reason.
 */
import { tlv } from './ber.ts';
import { RESULT } from './errors.ts';

/** Request operation tag → response operation tag (RFC 4511 §4.2-4.12). */
const RESPONSE_TAG: Record<number, number> = {
  0x60: 0x61, // bind
  0x63: 0x65, // search → searchResultDone
  0x66: 0x67, // modify
  0x68: 0x69, // add
  0x4a: 0x6b, // delete
  0x6c: 0x6d, // modifyDN
  0x6e: 0x6f, // compare
  0x77: 0x78, // extended
};

interface Tlv {
  tag: number;
  /** Offset of the value. */
  start: number;
  /** Offset just after the value. */
  end: number;
}

function readTlv(buf: Buffer, offset: number): Tlv | null {
  if (offset + 2 > buf.length) return null;
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > buf.length) return null;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buf[start + i]!;
    start += bytes;
  }
  const end = start + length;
  return end > buf.length ? null : { tag, start, end };
}

export interface MalformedAnswer {
  /** The encoded LDAPResult to send back. */
  response: Buffer;
  /** Bytes after the failed message (the next requests), to feed back to the parser. */
  rest: Buffer;
}

/**
 * The answer to the first message in `raw`, which failed to decode with `error`; null when even the
 * envelope is unreadable (then the connection is closed, as there is nobody to answer).
 */
export function answerMalformed(raw: Buffer, error: unknown): MalformedAnswer | null {
  const message = readTlv(raw, 0);
  if (message === null || message.tag !== 0x30) return null;
  const id = readTlv(raw, message.start);
  if (id === null || id.tag !== 0x02 || id.end - id.start > 4) return null;
  const op = readTlv(raw, id.end);
  const responseTag = op === null ? undefined : RESPONSE_TAG[op.tag];
  if (responseTag === undefined) return null;
  const text = error instanceof Error ? error.message : 'malformed request';
  // @ldapjs/dn is the one throwing on names; anything else is a protocol error.
  const isDn = error instanceof Error && (error.stack ?? '').includes('@ldapjs/dn');
  const code = isDn ? RESULT.invalidDNSyntax : RESULT.protocolError;
  const diagnostic = isDn ? `invalid DN: ${text}` : `malformed request: ${text}`;
  const result = Buffer.concat([
    tlv(0x0a, Buffer.from([code])),
    tlv(0x04, Buffer.alloc(0)),
    tlv(0x04, Buffer.from(diagnostic, 'utf8')),
  ]);
  const response = tlv(0x30, Buffer.concat([raw.subarray(id.start - 2, id.end), tlv(responseTag, result)]));
  return { response, rest: raw.subarray(message.end) };
}
