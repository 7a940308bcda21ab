import { fail } from '../errors.ts';
import { normaliseSerial } from '../pki/x509.ts';

interface Tlv {
  tag: number;
  /** Offset of the header (the tag byte). */
  at: number;
  /** Offset of the value (after the header). */
  start: number;
  end: number;
}

/** One DER tag-length header at `offset` (single-byte tags: all CMS needs up to recipientInfos). */
function readTlv(der: Uint8Array, offset: number, limit: number): Tlv | null {
  if (offset + 2 > limit) return null;
  const tag = der[offset]!;
  if ((tag & 0x1f) === 0x1f) return null;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > limit) return null; // indefinite or absurd
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i]!;
    start += bytes;
  }
  const end = start + length;
  return end <= limit ? { tag, at: offset, start, end } : null;
}

/** DER of the OID 1.2.840.113549.1.7.3 (envelopedData), tag and length included. */
const ENVELOPED_DATA_OID = Uint8Array.from([
  0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03,
]);

function sameBytes(der: Uint8Array, at: number, expected: Uint8Array): boolean {
  if (at + expected.length > der.length) return false;
  for (let i = 0; i < expected.length; i++) if (der[at + i] !== expected[i]) return false;
  return true;
}

/**
 * The recipientInfos SET of an EnvelopedData, found by walking DER headers only. A letter is mostly
 * encrypted content after that SET; decoding all of it with PKI.js's schemas took a third of the
 * server's time per submission (bench/mail), for nothing the server can use.
 */
function recipientInfosOf(der: Uint8Array): Tlv | null {
  const contentInfo = readTlv(der, 0, der.length);
  if (!contentInfo || contentInfo.tag !== 0x30) return null;
  if (!sameBytes(der, contentInfo.start, ENVELOPED_DATA_OID)) return null;
  const explicit = readTlv(der, contentInfo.start + ENVELOPED_DATA_OID.length, contentInfo.end);
  if (!explicit || explicit.tag !== 0xa0) return null;
  const enveloped = readTlv(der, explicit.start, explicit.end);
  if (!enveloped || enveloped.tag !== 0x30) return null;
  const version = readTlv(der, enveloped.start, enveloped.end);
  if (!version || version.tag !== 0x02) return null;
  let next = readTlv(der, version.end, enveloped.end);
  if (next?.tag === 0xa0) next = readTlv(der, next.end, enveloped.end); // originatorInfo
  return next?.tag === 0x31 ? next : null;
}

/**
 * The certificate serials a CMS EnvelopedData (DER) is addressed to, or null when the bytes are not
 * an EnvelopedData. The server cannot open an envelope; it checks only who it is addressed to.
 * Each KeyTransRecipientInfo is SEQUENCE { version, rid, keyEncryptionAlgorithm, encryptedKey } and
 * rid is IssuerAndSerialNumber (SEQUENCE { issuer, serialNumber }) or [0] subjectKeyIdentifier, which
 * names no serial (such a recipient simply matches no certificate of ours).
 */
export function envelopeSerialsOfDer(der: Uint8Array): string[] | null {
  const set = recipientInfosOf(der);
  if (!set) return null;
  const serials: string[] = [];
  for (let at = set.start; at < set.end;) {
    const info = readTlv(der, at, set.end);
    if (!info || info.tag !== 0x30) return null;
    at = info.end;
    const version = readTlv(der, info.start, info.end);
    if (!version || version.tag !== 0x02) return null;
    const rid = readTlv(der, version.end, info.end);
    if (!rid) return null;
    if (rid.tag !== 0x30) continue;
    const issuer = readTlv(der, rid.start, rid.end);
    const serial = issuer && issuer.tag === 0x30 ? readTlv(der, issuer.end, rid.end) : null;
    if (!serial || serial.tag !== 0x02 || serial.end === serial.start) return null;
    serials.push(normaliseSerial(Buffer.from(der.subarray(serial.start, serial.end)).toString('hex')));
  }
  return serials;
}

/** Same, for a key wrap given as base64; anything unreadable is ENVELOPE_INVALID. */
export function envelopeRecipientSerials(base64: string): string[] {
  const der = Buffer.from(base64, 'base64');
  if (der.length === 0 || der.toString('base64') !== base64.replace(/\s+/g, '')) fail('ENVELOPE_INVALID');
  const serials = envelopeSerialsOfDer(new Uint8Array(der));
  if (serials === null) fail('ENVELOPE_INVALID', 'The key wrap is not a CMS EnvelopedData.');
  return serials;
}
