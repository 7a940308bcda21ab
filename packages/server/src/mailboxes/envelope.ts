import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fail } from '../errors.ts';
import { normaliseSerial } from '../pki/x509.ts';

const ENVELOPED_DATA = '1.2.840.113549.1.7.3';

/**
 * The certificate serials a CMS EnvelopedData (DER) is addressed to, or null when the bytes are not
 * an EnvelopedData. The server cannot open an envelope; it checks only who it is addressed to.
 */
export function envelopeSerialsOfDer(der: Uint8Array): string[] | null {
  if (der.length === 0) return null;
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) return null;
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== ENVELOPED_DATA) return null;
    const enveloped = new pkijs.EnvelopedData({ schema: info.content });
    return enveloped.recipientInfos.flatMap((ri) => {
      if (!(ri.value instanceof pkijs.KeyTransRecipientInfo)) return [];
      const rid = ri.value.rid;
      if (!(rid instanceof pkijs.IssuerAndSerialNumber)) return [];
      return [normaliseSerial(Buffer.from(rid.serialNumber.valueBlock.valueHexView).toString('hex'))];
    });
  } catch {
    return null;
  }
}

/** Same, for a key wrap given as base64; anything unreadable is ENVELOPE_INVALID. */
export function envelopeRecipientSerials(base64: string): string[] {
  const der = Buffer.from(base64, 'base64');
  if (der.length === 0 || der.toString('base64') !== base64.replace(/\s+/g, '')) fail('ENVELOPE_INVALID');
  const serials = envelopeSerialsOfDer(new Uint8Array(der));
  if (serials === null) fail('ENVELOPE_INVALID', 'The key wrap is not a CMS EnvelopedData.');
  return serials;
}
