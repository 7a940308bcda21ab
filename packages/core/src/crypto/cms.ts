/** Reading CMS ContentInfo envelopes, with limits sized for mail and errors that name the failure. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asUint8Array, compareBytes, type Bytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { OID } from './oids.ts';

/**
 * Largest single ASN.1 value accepted (asn1js defaults to 16 MiB, below what a letter with attachments
 * may reach). Messages are bounded by the server's size limits before they get here.
 */
export const MAX_CMS_CONTENT_BYTES = 256 * 1024 * 1024;

/** Parses DER/BER ContentInfo and checks its content type. */
export function readContentInfo(input: Bytes, expected: string, what: string): pkijs.ContentInfo {
  const bytes = asUint8Array(input);
  if (bytes.length === 0) throw new CryptoError('CMS_MALFORMED', `${what}: empty input`);
  let info: pkijs.ContentInfo;
  try {
    // asn1js throws on some malformed values (times, strings) instead of reporting them.
    const parsed = asn1js.fromBER(bytes, {
      maxContentLength: MAX_CMS_CONTENT_BYTES,
      maxNodes: 1_000_000,
      // PKI.js decodes nested values itself; asn1js's speculative decoding only costs time.
      parseEmbedded: false,
    });
    if (parsed.offset === -1) throw new CryptoError('CMS_MALFORMED', `${what}: not DER/BER`);
    info = new pkijs.ContentInfo({ schema: parsed.result });
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('CMS_MALFORMED', `${what}: not a CMS ContentInfo`, { cause: error });
  }
  if (info.contentType !== expected) {
    throw new CryptoError('CMS_MALFORMED', `${what}: content type ${info.contentType}, expected ${expected}`);
  }
  return info;
}

export function readSignedData(input: Bytes): pkijs.SignedData {
  const info = readContentInfo(input, OID.signedData, 'SignedData');
  try {
    return new pkijs.SignedData({ schema: info.content as asn1js.Sequence });
  } catch (error) {
    throw new CryptoError('CMS_MALFORMED', 'bad SignedData', { cause: error });
  }
}

export function readEnvelopedData(input: Bytes): pkijs.EnvelopedData {
  const info = readContentInfo(input, OID.envelopedData, 'EnvelopedData');
  try {
    return new pkijs.EnvelopedData({ schema: info.content as asn1js.Sequence });
  } catch (error) {
    throw new CryptoError('CMS_MALFORMED', 'bad EnvelopedData', { cause: error });
  }
}

export function writeContentInfo(contentType: string, content: asn1js.BaseBlock): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new pkijs.ContentInfo({ contentType, content }).toSchema().toBER(false));
}

/** Attributes in DER order (a SET OF is sorted by encoding), so peers that re-encode agree with us. */
export function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map((entry) => entry.attribute);
}
