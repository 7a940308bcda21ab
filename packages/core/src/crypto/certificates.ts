/**
 * Reading X.509 certificates: the Liaison profile fields (name, national id, mailbox addresses), key
 * usages and key size. Parsing is PKI.js; this only names what the rest of the core needs.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { asUint8Array, pemBlocks, toHex, toPem, type Bytes } from './bytes.ts';
import { CryptoError, failAsSync } from './errors.ts';
import { OID } from './oids.ts';

/** RSA keys below this size are refused everywhere (Liaison issues 3072-bit keys). */
export const MIN_RSA_MODULUS_BITS = 2048;

export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGES)[number];

/** Subject fields of the Liaison profile. */
export interface SubjectFields {
  commonName?: string;
  /** Subject serialNumber attribute: "8"+RPPS or "0"+ADELI. */
  serialNumber?: string;
  /** Subject emailAddress attribute (the SAN rfc822Name is the authoritative address). */
  email?: string;
  organisation?: string;
}

export interface PublicKeySummary {
  /** "RSA" for rsaEncryption keys; otherwise the algorithm OID. */
  algorithm: string;
  modulusBits?: number;
}

export interface CertificateInfo {
  pem: string;
  der: Uint8Array;
  subject: SubjectFields;
  subjectDn: string;
  issuerDn: string;
  /** Lowercase hex, no leading zero bytes (as `openssl x509 -serial` prints it, lowercased). */
  serialNumberHex: string;
  notBefore: Date;
  notAfter: Date;
  /** SAN rfc822Name addresses, lowercased. */
  emails: string[];
  /** Undefined when the certificate has no keyUsage extension (any usage allowed). */
  keyUsage?: KeyUsageName[];
  /** Undefined when the certificate has no extKeyUsage extension. */
  extendedKeyUsage?: string[];
  isCa: boolean;
  subjectKeyIdentifierHex?: string;
  publicKey: PublicKeySummary;
}

/** The bytes each certificate was read from, so re-encoding (slow in asn1js) is rarely needed. */
const originalDer = new WeakMap<pkijs.Certificate, Uint8Array<ArrayBuffer>>();

/**
 * Parses DER with asn1js without its speculative parsing of OCTET/BIT STRING contents as nested ASN.1
 * (PKI.js decodes extension values and keys itself); that alone halves the parse time.
 */
export function parseDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der, { parseEmbedded: false });
  if (parsed.offset === -1) throw new CryptoError('CERT_MALFORMED', 'not DER');
  return parsed.result;
}

function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  const bytes = new Uint8Array(der);
  const certificate = new pkijs.Certificate({ schema: parseDer(bytes) });
  originalDer.set(certificate, bytes);
  return certificate;
}

/**
 * Parsed certificates by PEM text. Parsing with asn1js/PKI.js costs milliseconds per certificate, and
 * the same few certificates (the CA chain, one's correspondents) come back in every message. Parsing
 * is deterministic and nothing in the core mutates a parsed certificate, so sharing them is safe.
 */
const CACHE_LIMIT = 512;
const parsedPem = new Map<string, pkijs.Certificate[]>();

function parsePemCached(pem: string): pkijs.Certificate[] {
  const hit = parsedPem.get(pem);
  if (hit) {
    parsedPem.delete(pem); // most recently used goes last
    parsedPem.set(pem, hit);
    return hit;
  }
  const certificates = pemBlocks(pem, 'CERTIFICATE').map((der) => certificateFromDer(der));
  parsedPem.set(pem, certificates);
  if (parsedPem.size > CACHE_LIMIT) parsedPem.delete(parsedPem.keys().next().value!);
  return certificates;
}

/** Parses a PEM (the first CERTIFICATE block) or DER certificate. */
export function parseCertificate(input: string | Bytes): pkijs.Certificate {
  return failAsSync('CERT_MALFORMED', 'cannot parse certificate', () => {
    if (typeof input !== 'string') return certificateFromDer(asUint8Array(input));
    const first = parsePemCached(input)[0];
    if (!first) throw new CryptoError('CERT_MALFORMED', 'no CERTIFICATE PEM block');
    return first;
  });
}

/** Every certificate of a PEM bundle (chain files hold several). */
export function parseCertificates(pem: string): pkijs.Certificate[] {
  return failAsSync('CERT_MALFORMED', 'cannot parse certificate', () => [...parsePemCached(pem)]);
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array<ArrayBuffer> {
  return originalDer.get(cert) ?? new Uint8Array(cert.toSchema(true).toBER(false));
}

export function certificatePem(cert: pkijs.Certificate): string {
  return toPem(certificateDer(cert), 'CERTIFICATE');
}

function attributeText(value: pkijs.AttributeTypeAndValue['value']): string {
  const raw: unknown = value.valueBlock.value;
  return typeof raw === 'string' ? raw : '';
}

const DN_SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.subjectSerialNumber]: 'serialNumber',
  [OID.countryName]: 'C',
  [OID.organisationName]: 'O',
  [OID.organisationalUnitName]: 'OU',
  [OID.emailAddress]: 'emailAddress',
};

/** A readable distinguished name ("CN=…, serialNumber=…"), in certificate order. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${DN_SHORT_NAMES[tv.type] ?? tv.type}=${attributeText(tv.value)}`)
    .join(', ');
}

export function subjectFields(name: pkijs.RelativeDistinguishedNames): SubjectFields {
  const fields: SubjectFields = {};
  for (const tv of name.typesAndValues) {
    const text = attributeText(tv.value);
    if (tv.type === OID.commonName) fields.commonName = text;
    else if (tv.type === OID.subjectSerialNumber) fields.serialNumber = text;
    else if (tv.type === OID.emailAddress) fields.email = text;
    else if (tv.type === OID.organisationName) fields.organisation = text;
  }
  return fields;
}

export function integerHex(value: asn1js.Integer): string {
  return toHex(value.valueBlock.valueHexView).replace(/^(00)+(?=[0-9a-f]{2})/, '');
}

export function publicKeySummary(spki: pkijs.PublicKeyInfo): PublicKeySummary {
  if (spki.algorithm.algorithmId !== OID.rsaEncryption) return { algorithm: spki.algorithm.algorithmId };
  const key = spki.parsedKey;
  if (!(key instanceof pkijs.RSAPublicKey)) return { algorithm: 'RSA' };
  const modulus = key.modulus.valueBlock.valueHexView;
  let i = 0;
  while (i < modulus.length - 1 && modulus[i] === 0) i++;
  const first = modulus[i] ?? 0;
  const bits = (modulus.length - i - 1) * 8 + (first === 0 ? 0 : Math.floor(Math.log2(first)) + 1);
  return { algorithm: 'RSA', modulusBits: bits };
}

/** Throws WEAK_KEY unless the key is RSA with at least {@link MIN_RSA_MODULUS_BITS} bits. */
export function assertStrongRsaKey(summary: PublicKeySummary, what: string): void {
  if (summary.algorithm !== 'RSA') {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `${what}: key algorithm ${summary.algorithm}`);
  }
  if ((summary.modulusBits ?? 0) < MIN_RSA_MODULUS_BITS) {
    throw new CryptoError('WEAK_KEY', `${what}: RSA ${summary.modulusBits ?? 0} bits`);
  }
}

/** The parsed value of an extension; PKI.js types it loosely, callers narrow it with `instanceof`. */
function extensionValue(extensions: readonly pkijs.Extension[] | undefined, oid: string): unknown {
  return extensions?.find((e) => e.extnID === oid)?.parsedValue as unknown;
}

export function sanEmails(extensions: readonly pkijs.Extension[] | undefined): string[] {
  const san = extensionValue(extensions, OID.subjectAltName);
  if (!(san instanceof pkijs.AltName)) return [];
  return san.altNames
    .filter((name) => name.type === 1 && typeof name.value === 'string')
    .map((name) => String(name.value).toLowerCase());
}

function keyUsage(cert: pkijs.Certificate): KeyUsageName[] | undefined {
  const bits = extensionValue(cert.extensions, OID.keyUsage);
  if (!(bits instanceof asn1js.BitString)) return undefined;
  const view = bits.valueBlock.valueHexView;
  return KEY_USAGES.filter((_, index) => ((view[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0);
}

function extendedKeyUsage(cert: pkijs.Certificate): string[] | undefined {
  const value = extensionValue(cert.extensions, OID.extKeyUsage);
  return value instanceof pkijs.ExtKeyUsage ? [...value.keyPurposes] : undefined;
}

export function subjectKeyIdentifier(cert: pkijs.Certificate): Uint8Array | undefined {
  const value = extensionValue(cert.extensions, OID.subjectKeyIdentifier);
  return value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : undefined;
}

function describe(cert: pkijs.Certificate): CertificateInfo {
  const der = certificateDer(cert);
  const basic = extensionValue(cert.extensions, OID.basicConstraints);
  const ski = subjectKeyIdentifier(cert);
  const info: CertificateInfo = {
    pem: toPem(der, 'CERTIFICATE'),
    der,
    subject: subjectFields(cert.subject),
    subjectDn: distinguishedName(cert.subject),
    issuerDn: distinguishedName(cert.issuer),
    serialNumberHex: integerHex(cert.serialNumber),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    emails: sanEmails(cert.extensions),
    isCa: basic instanceof pkijs.BasicConstraints && basic.cA === true,
    publicKey: publicKeySummary(cert.subjectPublicKeyInfo),
  };
  const usage = keyUsage(cert);
  if (usage) info.keyUsage = usage;
  const eku = extendedKeyUsage(cert);
  if (eku) info.extendedKeyUsage = eku;
  if (ski) info.subjectKeyIdentifierHex = toHex(ski);
  return info;
}

const described = new WeakMap<pkijs.Certificate, CertificateInfo>();

/** The profile fields of a certificate (computed once per parsed certificate; callers get a copy). */
export function describeCertificate(cert: pkijs.Certificate): CertificateInfo {
  let info = described.get(cert);
  if (!info) {
    info = describe(cert);
    described.set(cert, info);
  }
  const copy: CertificateInfo = {
    ...info,
    der: info.der.slice(),
    subject: { ...info.subject },
    emails: [...info.emails],
    publicKey: { ...info.publicKey },
  };
  if (info.keyUsage) copy.keyUsage = [...info.keyUsage];
  if (info.extendedKeyUsage) copy.extendedKeyUsage = [...info.extendedKeyUsage];
  return copy;
}

/** Reads a certificate (PEM or DER) into a {@link CertificateInfo}. */
export function readCertificate(input: string | Bytes): CertificateInfo {
  return describeCertificate(parseCertificate(input));
}

/** Usage checks of the Liaison profile: the key usage bits and, when present, EKU emailProtection. */
export function assertUsage(info: CertificateInfo, usage: 'signing' | 'encryption', what: string): void {
  const wanted: KeyUsageName[] =
    usage === 'signing' ? ['digitalSignature', 'nonRepudiation'] : ['keyEncipherment'];
  if (info.keyUsage && !info.keyUsage.some((u) => wanted.includes(u))) {
    throw new CryptoError('CERT_WRONG_USAGE', `${what}: key usage lacks ${wanted.join(' or ')}`);
  }
  const eku = info.extendedKeyUsage;
  if (eku && !eku.includes(OID.emailProtection) && !eku.includes(OID.anyExtendedKeyUsage)) {
    throw new CryptoError('CERT_WRONG_USAGE', `${what}: extended key usage lacks emailProtection`);
  }
}
