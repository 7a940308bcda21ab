/**
 * Just enough BER (X.690) to write LDAP answers ourselves: search entries are the hot path of a
 * 200,000-entry walk, and encoding them directly (no DN re-parsing, no intermediate objects) is
 * several times cheaper than going through ldapjs's message classes. Also used to answer requests
 * ldapjs could not decode (malformed.ts).
 */
import type { AttributeValue } from './attributes.ts';

export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

/** INTEGER, two's complement, minimal length (message ids are 0..2^31-1). */
export function encodeInteger(value: number): Buffer {
  const bytes: number[] = [];
  let n = value;
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

function lengthOfLength(length: number): number {
  if (length < 0x80) return 1;
  let bytes = 0;
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes += 1;
  return 1 + bytes;
}

/** Size of a whole TLV whose value is `length` bytes. */
const tlvSize = (length: number) => 1 + lengthOfLength(length) + length;

function writeHeader(buf: Buffer, offset: number, tag: number, length: number): number {
  buf[offset++] = tag;
  if (length < 0x80) {
    buf[offset++] = length;
    return offset;
  }
  const bytes = lengthOfLength(length) - 1;
  buf[offset++] = 0x80 | bytes;
  for (let i = bytes - 1; i >= 0; i--) buf[offset++] = Math.floor(length / 256 ** i) % 256;
  return offset;
}

function byteLength(value: AttributeValue): number {
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length;
}

function writeOctets(buf: Buffer, offset: number, value: AttributeValue, length: number): number {
  const at = writeHeader(buf, offset, 0x04, length);
  if (typeof value === 'string') buf.write(value, at, 'utf8');
  else value.copy(buf, at);
  return at + length;
}

/**
 * SearchResultEntry (RFC 4511 §4.5.2): [APPLICATION 4] { objectName, attributes }. Sizes are computed
 * first and the message written into one buffer: this runs for every entry of a 200,000-entry walk.
 */
export function encodeSearchEntry(
  messageId: number,
  dn: string,
  attributes: readonly { name: string; values: readonly AttributeValue[] }[],
): Buffer {
  const id = encodeInteger(messageId);
  const sizes = attributes.map((a) => {
    const name = Buffer.byteLength(a.name, 'utf8');
    const values = a.values.map(byteLength);
    const set = values.reduce((sum, v) => sum + tlvSize(v), 0);
    return { name, values, set, partial: tlvSize(name) + tlvSize(set) };
  });
  const dnLength = Buffer.byteLength(dn, 'utf8');
  const list = sizes.reduce((sum, s) => sum + tlvSize(s.partial), 0);
  const entry = tlvSize(dnLength) + tlvSize(list);
  const message = id.length + tlvSize(entry);
  const buf = Buffer.allocUnsafe(tlvSize(message));
  let at = writeHeader(buf, 0, 0x30, message);
  at += id.copy(buf, at);
  at = writeHeader(buf, at, 0x64, entry);
  at = writeOctets(buf, at, dn, dnLength);
  at = writeHeader(buf, at, 0x30, list);
  attributes.forEach((a, i) => {
    const size = sizes[i]!;
    at = writeHeader(buf, at, 0x30, size.partial);
    at = writeOctets(buf, at, a.name, size.name);
    at = writeHeader(buf, at, 0x31, size.set);
    a.values.forEach((v, j) => {
      at = writeOctets(buf, at, v, size.values[j]!);
    });
  });
  return buf;
}
