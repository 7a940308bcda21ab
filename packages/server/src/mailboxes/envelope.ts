import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fail } from '../errors.ts';
import { normaliseSerial } from '../pki/x509.ts';

const ENVELOPED_DATA = '1.2.840.113549.1.7.3';

/**
 * The certificate serials a CMS EnvelopedData is addressed to. The server cannot open an envelope;
 * it checks only that each one is really for the member it is filed under.
 */
export function envelopeRecipientSerials(base64: string): string[] {
  const der = Buffer.from(base64, 'base64');
  if (der.length === 0 || der.toString('base64') !== base64.replace(/\s+/g, '')) fail('ENVELOPE_INVALID');
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) fail('ENVELOPE_INVALID');
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== ENVELOPED_DATA)
      fail('ENVELOPE_INVALID', 'The key wrap is not a CMS EnvelopedData.');
    const enveloped = new pkijs.EnvelopedData({ schema: info.content });
    return enveloped.recipientInfos.flatMap((ri) => {
      if (!(ri.value instanceof pkijs.KeyTransRecipientInfo)) return [];
      const rid = ri.value.rid;
      if (!(rid instanceof pkijs.IssuerAndSerialNumber)) return [];
      return [normaliseSerial(Buffer.from(rid.serialNumber.valueBlock.valueHexView).toString('hex'))];
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'AppError') throw err;
    fail('ENVELOPE_INVALID');
  }
}
