import { randomSerial, SIGNING_ALGORITHM, x509, type CryptoKeyPair } from './x509.ts';

export type AuthorityRole = 'root' | 'issuing';

export const ROOT_KEY_BITS = 4096;
export const ISSUING_KEY_BITS = 3072;
const ROOT_YEARS = 20;
const ISSUING_YEARS = 10;

/** A freshly made authority: its certificate and its private key (PKCS#8), to be sealed at once. */
export interface NewAuthority {
  certificate: x509.X509Certificate;
  pkcs8: ArrayBuffer;
}

export function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

export function rootCaName(mailDomain: string): string {
  return `Liaison Root CA – ${mailDomain}`;
}

export function issuingCaName(mailDomain: string): string {
  return `Liaison Issuing CA – ${mailDomain}`;
}

/** The hex key identifier an issued certificate's authorityKeyIdentifier must repeat. */
export function keyIdOf(certificate: x509.X509Certificate): string {
  const ski = certificate.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw new Error(`authority ${certificate.subject} has no subjectKeyIdentifier`);
  return ski.keyId;
}

async function generateKeys(bits: number): Promise<CryptoKeyPair> {
  // Extractable only so the PKCS#8 can be sealed; the service later imports it non-extractable.
  return crypto.subtle.generateKey({ ...SIGNING_ALGORITHM, modulusLength: bits }, true, ['sign', 'verify']);
}

const caUsages = () =>
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true);

/**
 * Makes the root CA (RSA 4096, 20 years, self-signed) and the issuing CA (RSA 3072, 10 years,
 * pathLen 0, signed by the root). Slow (seconds): call it outside any transaction. The root key
 * signs the issuing CA here and afterwards only the root CRL.
 */
export async function createAuthorities(options: {
  mailDomain: string;
  publicUrl: string;
  now: Date;
}): Promise<{ root: NewAuthority; issuing: NewAuthority }> {
  const [rootKeys, issuingKeys] = await Promise.all([
    generateKeys(ROOT_KEY_BITS),
    generateKeys(ISSUING_KEY_BITS),
  ]);
  const rootName = new x509.Name([{ CN: [{ utf8String: rootCaName(options.mailDomain) }] }]);
  const rootSki = await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: rootName,
    keys: rootKeys,
    notBefore: options.now,
    notAfter: addYears(options.now, ROOT_YEARS),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), caUsages(), rootSki],
  });
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: new x509.Name([{ CN: [{ utf8String: issuingCaName(options.mailDomain) }] }]),
    issuer: root.subjectName,
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    notBefore: options.now,
    notAfter: addYears(options.now, ISSUING_YEARS),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      // pathLen 0: the issuing CA certifies people and mailboxes, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      caUsages(),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
      new x509.AuthorityKeyIdentifierExtension(rootSki.keyId),
      new x509.CRLDistributionPointsExtension([`${options.publicUrl}/pki/root-crl.der`]),
    ],
  });
  const [rootPkcs8, issuingPkcs8] = await Promise.all([
    crypto.subtle.exportKey('pkcs8', rootKeys.privateKey),
    crypto.subtle.exportKey('pkcs8', issuingKeys.privateKey),
  ]);
  return {
    root: { certificate: root, pkcs8: rootPkcs8 },
    issuing: { certificate: issuing, pkcs8: issuingPkcs8 },
  };
}
