/**
 * PKCS#10 certificate requests for the Liaison profile: subject CN, serialNumber ("8"+RPPS or
 * "0"+ADELI), emailAddress and O, and an extensionRequest asking for the mailbox address as SAN
 * rfc822Name, the key usage of the pair and EKU emailProtection. The CA decides what it grants.
 *
 * Proof of possession for the encryption key: a CSR is signed by the key it certifies, but WebCrypto
 * refuses to sign with an RSA-OAEP key (the algorithm is bound to the key object). The RSA key itself
 * is the same for both schemes, so the extractable OAEP private key is exported as PKCS#8 and
 * re-imported, non-extractable and short-lived, as RSASSA-PKCS1-v1_5 to sign its own request. This is
 * also why encryption keys are generated extractable (they go into the backup anyway).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pemBlocks, toArrayBuffer, toPem } from './bytes.ts';
import {
  assertStrongRsaKey,
  distinguishedName,
  publicKeySummary,
  sanEmails,
  subjectFields,
  type PublicKeySummary,
  type SubjectFields,
} from './certificates.ts';
import { pkiEngine, type WebCryptoKey, type WebCryptoKeyPair } from './engine.ts';
import { CryptoError, failAs, failAsSync } from './errors.ts';
import { exportPkcs8, importSigningKey, type KeyUse } from './keys.ts';
import { OID } from './oids.ts';

export interface CsrSubject {
  commonName: string;
  /** "8"+RPPS or "0"+ADELI. */
  serialNumber?: string;
  /** The mailbox address; also requested as SAN rfc822Name. */
  email: string;
  organisation?: string;
}

export interface CreateCsrInput {
  keyPair: WebCryptoKeyPair;
  usage: KeyUse;
  subject: CsrSubject;
}

export interface ParsedCsr {
  subject: SubjectFields;
  subjectDn: string;
  /** SAN rfc822Name addresses requested, lowercased. */
  emails: string[];
  publicKey: PublicKeySummary;
  /** The SubjectPublicKeyInfo DER, for the CA to certify. */
  spki: Uint8Array;
  /** Extensions requested, by OID (the CA decides what it grants). */
  requestedExtensions: string[];
  signatureAlgorithm: string;
}

/** "8"+RPPS (11 digits) or "0"+ADELI (9 characters); the key digits are checked where identities are approved. */
const NATIONAL_ID = /^(8\d{11}|0[0-9A-Za-z]{9})$/;
const MAILBOX = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;

function typeAndValue(type: string, value: asn1js.BaseStringBlock) {
  return new pkijs.AttributeTypeAndValue({ type, value: value as pkijs.AttributeTypeAndValue['value'] });
}

function subjectName(subject: CsrSubject): pkijs.RelativeDistinguishedNames {
  if (!subject.commonName.trim()) throw new CryptoError('CSR_MALFORMED', 'commonName is empty');
  if (!MAILBOX.test(subject.email)) throw new CryptoError('CSR_MALFORMED', 'email is not a mailbox address');
  const values = [typeAndValue(OID.commonName, new asn1js.Utf8String({ value: subject.commonName }))];
  if (subject.serialNumber !== undefined) {
    if (!NATIONAL_ID.test(subject.serialNumber)) {
      throw new CryptoError('CSR_MALFORMED', 'serialNumber must be "8"+RPPS or "0"+ADELI');
    }
    values.push(
      typeAndValue(OID.subjectSerialNumber, new asn1js.PrintableString({ value: subject.serialNumber })),
    );
  }
  if (subject.organisation) {
    values.push(typeAndValue(OID.organisationName, new asn1js.Utf8String({ value: subject.organisation })));
  }
  values.push(typeAndValue(OID.emailAddress, new asn1js.IA5String({ value: subject.email })));
  // One attribute per RDN, as CAs and OpenSSL print and match names (PKI.js would put them all in one
  // multi-valued RDN).
  const name = new asn1js.Sequence({ value: values.map((v) => new asn1js.Set({ value: [v.toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false));
}

function keyUsageBits(usage: KeyUse): asn1js.BitString {
  // Named bits, DER: trailing zero bits dropped. digitalSignature(0)+nonRepudiation(1) | keyEncipherment(2).
  const [byte, unusedBits] = usage === 'signing' ? [0xc0, 6] : [0x20, 5];
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });
}

function requestedExtensions(subject: CsrSubject, usage: KeyUse): pkijs.Extensions {
  const san = new pkijs.AltName({ altNames: [new pkijs.GeneralName({ type: 1, value: subject.email })] });
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection] });
  const ku = keyUsageBits(usage);
  return new pkijs.Extensions({
    extensions: [
      new pkijs.Extension({
        extnID: OID.subjectAltName,
        critical: false,
        extnValue: san.toSchema().toBER(false),
      }),
      new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: ku.toBER(false) }),
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        critical: false,
        extnValue: eku.toSchema().toBER(false),
      }),
    ],
  });
}

/** The key that signs the request: the signing key itself, or the OAEP key re-imported for RSASSA. */
async function proofOfPossessionKey(privateKey: WebCryptoKey): Promise<WebCryptoKey> {
  const algorithm = privateKey.algorithm as { name: string; hash?: { name: string } };
  if (algorithm.name === 'RSASSA-PKCS1-v1_5' && algorithm.hash?.name === 'SHA-256') return privateKey;
  if (!privateKey.extractable) {
    throw new CryptoError(
      'KEY_MALFORMED',
      `${algorithm.name} private key must be extractable to sign its CSR`,
    );
  }
  return importSigningKey(await exportPkcs8(privateKey));
}

/** Builds and signs a PKCS#10 request; returns it as PEM ("CERTIFICATE REQUEST"). */
export async function createCsr(input: CreateCsrInput): Promise<string> {
  const engine = pkiEngine();
  const csr = new pkijs.CertificationRequest({ subject: subjectName(input.subject) });
  await failAs('KEY_MALFORMED', 'cannot read the public key', () =>
    csr.subjectPublicKeyInfo.importKey(input.keyPair.publicKey, engine),
  );
  assertStrongRsaKey(publicKeySummary(csr.subjectPublicKeyInfo), 'CSR key');
  csr.attributes = [
    new pkijs.Attribute({
      type: OID.extensionRequest,
      values: [requestedExtensions(input.subject, input.usage).toSchema()],
    }),
  ];
  const signer = await proofOfPossessionKey(input.keyPair.privateKey);
  await failAs('KEY_MALFORMED', 'cannot sign the request', () => csr.sign(signer, 'SHA-256', engine));
  return toPem(csr.toSchema(false).toBER(false), 'CERTIFICATE REQUEST');
}

function loadCsr(pem: string): pkijs.CertificationRequest {
  return failAsSync('CSR_MALFORMED', 'cannot parse the request', () => {
    const der = pemBlocks(pem, 'CERTIFICATE REQUEST')[0];
    if (!der) throw new CryptoError('CSR_MALFORMED', 'no CERTIFICATE REQUEST PEM block');
    return pkijs.CertificationRequest.fromBER(toArrayBuffer(der));
  });
}

function extensionsOf(csr: pkijs.CertificationRequest): pkijs.Extension[] {
  const attribute = csr.attributes?.find((a) => a.type === OID.extensionRequest);
  const value = attribute?.values[0] as unknown;
  if (!attribute || !(value instanceof asn1js.Sequence)) return [];
  return failAsSync(
    'CSR_MALFORMED',
    'bad extensionRequest',
    () => new pkijs.Extensions({ schema: value }).extensions,
  );
}

/** Reads what a request asks for. Does not check its signature: see {@link verifyCsrSignature}. */
export function parseCsr(pem: string): ParsedCsr {
  const csr = loadCsr(pem);
  const extensions = extensionsOf(csr);
  return {
    subject: subjectFields(csr.subject),
    subjectDn: distinguishedName(csr.subject),
    emails: sanEmails(extensions),
    publicKey: publicKeySummary(csr.subjectPublicKeyInfo),
    spki: new Uint8Array(csr.subjectPublicKeyInfo.toSchema().toBER(false)),
    requestedExtensions: extensions.map((e) => e.extnID),
    signatureAlgorithm: csr.signatureAlgorithm.algorithmId,
  };
}

/** True when the request is signed by the private key of the public key it carries. */
export async function verifyCsrSignature(pem: string): Promise<boolean> {
  const csr = loadCsr(pem);
  try {
    return await csr.verify(pkiEngine());
  } catch {
    return false;
  }
}

/** Throws CSR_SIGNATURE_INVALID or WEAK_KEY; returns the parsed request otherwise. */
export async function checkCsr(pem: string): Promise<ParsedCsr> {
  const parsed = parseCsr(pem);
  assertStrongRsaKey(parsed.publicKey, 'CSR key');
  if (!(await verifyCsrSignature(pem))) throw new CryptoError('CSR_SIGNATURE_INVALID');
  return parsed;
}
