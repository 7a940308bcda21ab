import type { StoredAuthority } from './authorityStore.ts';
import { addYears } from './ca.ts';
import type { ExpectedSubject } from './identity.ts';
import { SIGNING_ALGORITHM, x509, type CryptoKey } from './x509.ts';

export type CertificateUsage = 'signing' | 'encryption';

const LEAF_YEARS = 2;

export interface LeafRequest {
  issuer: StoredAuthority;
  signingKey: CryptoKey;
  serial: string;
  publicKey: x509.PublicKey;
  subject: ExpectedSubject;
  emails: string[];
  usage: CertificateUsage;
  now: Date;
  /** Where relying parties fetch the issuing CA's CRL. */
  crlUrl: string;
}

/** The subject as approved: CN, then serialNumber when there is a national identifier. */
export function subjectName(subject: ExpectedSubject): x509.Name {
  const name: x509.JsonNameParams = [{ CN: [{ utf8String: subject.commonName }] }];
  // X.520 serialNumber is a PrintableString; "8"+RPPS and "0"+ADELI always fit.
  if (subject.serialNumber) name.push({ '2.5.4.5': [{ printableString: subject.serialNumber }] });
  return new x509.Name(name);
}

/**
 * The S/MIME end-entity profile: one key, one usage. A signing certificate has digitalSignature, an
 * encryption certificate keyEncipherment (RSA-OAEP key transport), both critical, both with EKU
 * emailProtection and the mailbox addresses as rfc822Name. Two years, never past the issuing CA.
 */
export async function signLeaf(request: LeafRequest): Promise<x509.X509Certificate> {
  const usage =
    request.usage === 'signing' ? x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.keyEncipherment;
  const notAfter = addYears(request.now, LEAF_YEARS);
  const issuerEnd = request.issuer.certificate.notAfter;
  return x509.X509CertificateGenerator.create({
    serialNumber: request.serial,
    subject: subjectName(request.subject),
    issuer: request.issuer.certificate.subjectName,
    publicKey: request.publicKey,
    signingKey: request.signingKey,
    notBefore: request.now,
    notAfter: notAfter < issuerEnd ? notAfter : issuerEnd,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
      new x509.SubjectAlternativeNameExtension(
        request.emails.map((value) => ({ type: 'email' as const, value })),
        false,
      ),
      await x509.SubjectKeyIdentifierExtension.create(request.publicKey),
      new x509.AuthorityKeyIdentifierExtension(request.issuer.keyId),
      new x509.CRLDistributionPointsExtension([request.crlUrl]),
    ],
  });
}
