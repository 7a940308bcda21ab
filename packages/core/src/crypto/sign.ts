/**
 * CMS SignedData (RFC 5652 §5) over a MIME entity: the content encapsulated, SHA-256, RSA PKCS#1 v1.5,
 * signed attributes contentType + signingTime + messageDigest, the signer's certificate included.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asUint8Array, toArrayBuffer, type Bytes } from './bytes.ts';
import {
  assertStrongRsaKey,
  assertUsage,
  describeCertificate,
  parseCertificate,
  parseCertificates,
} from './certificates.ts';
import { derSorted, readSignedData, writeContentInfo } from './cms.ts';
import { pkiEngine, subtle, type WebCryptoKey } from './engine.ts';
import { CryptoError, failAs } from './errors.ts';
import { importSigningKey } from './keys.ts';
import { OID } from './oids.ts';

export interface Signer {
  /** RSASSA-PKCS1-v1_5/SHA-256 CryptoKey, or the PKCS#8 DER of the signing key. */
  privateKey: WebCryptoKey | Bytes;
  certificatePem: string;
  /** Intermediate CA certificates to include (PEM bundle), for peers that only hold the root. */
  chainPem?: string;
}

export interface SignInput {
  /** A MIME entity (canonical CRLF). */
  content: Uint8Array;
  signer: Signer;
  signingTime?: Date;
}

function isBytes(value: unknown): value is Bytes {
  return value instanceof ArrayBuffer || value instanceof Uint8Array;
}

async function signingKey(key: WebCryptoKey | Bytes): Promise<WebCryptoKey> {
  if (isBytes(key)) return importSigningKey(key);
  const algorithm = key.algorithm as { name: string; hash?: { name: string } };
  if (algorithm.name !== 'RSASSA-PKCS1-v1_5' || algorithm.hash?.name !== 'SHA-256') {
    throw new CryptoError(
      'KEY_MALFORMED',
      `signing key is ${algorithm.name}, expected RSASSA-PKCS1-v1_5/SHA-256`,
    );
  }
  return key;
}

/** RFC 5652 §11.3: UTCTime through 2049, GeneralizedTime after. Whole seconds. */
function timeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const valueDate = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return valueDate.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate })
    : new asn1js.GeneralizedTime({ valueDate });
}

/** Signs `content` and returns the SignedData ContentInfo as DER. */
export async function sign(input: SignInput): Promise<Uint8Array> {
  const content = asUint8Array(input.content);
  if (content.length === 0) throw new CryptoError('MIME_MALFORMED', 'nothing to sign');
  const engine = pkiEngine();
  const certificate = parseCertificate(input.signer.certificatePem);
  const info = describeCertificate(certificate);
  assertStrongRsaKey(info.publicKey, 'signer certificate');
  assertUsage(info, 'signing', 'signer certificate');
  const key = await signingKey(input.signer.privateKey);

  const digest = await subtle().digest('SHA-256', toArrayBuffer(content));
  const attributes = derSorted([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(input.signingTime ?? new Date())] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]);

  const encapsulated = new pkijs.EncapsulatedContentInfo({ eContentType: OID.data });
  // Set after construction: the constructor would split the content into a BER constructed string.
  encapsulated.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(content) });
  const chain = input.signer.chainPem ? parseCertificates(input.signer.chainPem) : [];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: encapsulated,
    certificates: [certificate, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
  });
  await failAs('KEY_MALFORMED', 'cannot sign with this key', () =>
    signedData.sign(key, 0, 'SHA-256', undefined, engine),
  );
  const der = writeContentInfo(OID.signedData, signedData.toSchema(true) as asn1js.Sequence);
  // A key that does not match the certificate would produce mail nobody can verify: check once here,
  // on the encoding we send (PKI.js verifies signed attributes from their parsed bytes).
  const selfCheck = await readSignedData(der)
    .verify({ signer: 0, checkChain: false }, engine)
    .catch(() => false);
  if (!selfCheck)
    throw new CryptoError('KEY_CERT_MISMATCH', 'the signing key does not match the certificate');
  return der;
}
