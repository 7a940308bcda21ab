import { randomBytes } from 'node:crypto';
import * as pkijs from 'pkijs';
import * as asn1js from 'asn1js';
import { encrypt, sign, utf8 } from '@liaison/core/crypto/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { envelopeSerialsOfDer } from '../src/mailboxes/envelope.ts';
import { normaliseSerial } from '../src/pki/x509.ts';
import {
  createRecipient,
  createSigner,
  createTestCa,
  type TestKey,
} from '../../core/test/crypto/helpers/pki.ts';

/** The reference answer, by PKI.js's full schema decoding (what the fast path replaced). */
function serialsByPkijs(der: Uint8Array): string[] {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
  const enveloped = new pkijs.EnvelopedData({ schema: info.content });
  return enveloped.recipientInfos.map((ri) => {
    const rid = (ri.value as pkijs.KeyTransRecipientInfo).rid as pkijs.IssuerAndSerialNumber;
    return normaliseSerial(Buffer.from(rid.serialNumber.valueBlock.valueHexView).toString('hex'));
  });
}

describe('envelope recipients read from DER headers', () => {
  let recipients: TestKey[];
  let signer: TestKey;

  beforeAll(async () => {
    const ca = await createTestCa('Envelope test CA', { bits: 2048 });
    const subject = (i: number) => ({
      commonName: `R ${i}`,
      email: `r${i}@liaison.test`,
      serialNumber: `8100012345${60 + i}`,
    });
    recipients = await Promise.all([1, 2, 3].map((i) => createRecipient(ca, subject(i))));
    signer = await createSigner(ca, subject(9));
  });

  it('names the same certificates as a full PKI.js decoding, for small and large contents', async () => {
    for (const size of [10, 20_000, 300_000]) {
      const der = await encrypt({
        content: randomBytes(size),
        recipients: recipients.map((r) => r.certificatePem),
      });
      const fast = envelopeSerialsOfDer(der);
      expect(fast).toEqual(serialsByPkijs(der));
      expect(fast).toHaveLength(3);
    }
  });

  it('answers null for anything that is not an EnvelopedData', async () => {
    const signed = await sign({
      content: utf8('Content-Type: text/plain\r\n\r\nx\r\n'),
      signer: { privateKey: signer.pkcs8, certificatePem: signer.certificatePem },
    });
    expect(envelopeSerialsOfDer(signed)).toBeNull();
    expect(envelopeSerialsOfDer(new Uint8Array(0))).toBeNull();
    expect(envelopeSerialsOfDer(randomBytes(4096))).toBeNull();
    const der = await encrypt({ content: utf8('x'), recipients: [recipients[0]!.certificatePem] });
    expect(envelopeSerialsOfDer(der.subarray(0, 60))).toBeNull(); // cut short
    const longer = new Uint8Array(der.length + 5);
    longer.set(der);
    expect(envelopeSerialsOfDer(longer)).toEqual(serialsByPkijs(der)); // trailing bytes: outer length rules
  });
});
