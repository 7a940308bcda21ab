/**
 * A small certificate authority for tests, built with @peculiar/x509 (root → issuing → leaf), issuing
 * the Liaison profile from CSRs made by the core: subject CN + serialNumber "8"+RPPS + emailAddress,
 * SAN rfc822Name, KU digitalSignature+nonRepudiation or keyEncipherment, EKU emailProtection, RSA 3072.
 */
// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import {
  createCsr,
  exportPkcs8,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  parseCsr,
  pkcs8ToPem,
  type KeyUse,
  type WebCryptoKey,
  type WebCryptoKeyPair,
} from '../../../src/crypto/index.ts';

x509.cryptoProvider.set(globalThis.crypto);

const DAY = 24 * 60 * 60 * 1000;
const CA_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
};

export interface TestCa {
  name: string;
  rootPem: string;
  issuingPem: string;
  /** Issuing then root, the file `openssl cms -verify -CAfile` takes. */
  chainPem: string;
  issue(input: IssueInput): Promise<string>;
  /** Issues without a CSR (for keys the core refuses to request, e.g. weak ones). */
  issueForKey(input: {
    publicKey: WebCryptoKey;
    email: string;
    usage: KeyUse;
    commonName: string;
  }): Promise<string>;
}

export interface IssueInput {
  csrPem: string;
  usage: KeyUse;
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestKey {
  keyPair: WebCryptoKeyPair;
  pkcs8: ArrayBuffer;
  pkcs8Pem: string;
  csrPem: string;
  certificatePem: string;
}

export interface TestIdentity {
  commonName: string;
  email: string;
  serialNumber: string;
  signing: TestKey;
  encryption: TestKey;
}

function serial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

async function caKeys(bits: number): Promise<WebCryptoKeyPair> {
  return crypto.subtle.generateKey({ ...CA_ALGORITHM, modulusLength: bits }, true, ['sign', 'verify']);
}

export async function createTestCa(name: string, options: { bits?: number } = {}): Promise<TestCa> {
  const bits = options.bits ?? 3072;
  const [rootKeys, issuingKeys] = await Promise.all([caKeys(bits), caKeys(bits)]);
  const notBefore = new Date(Date.now() - 60 * DAY);
  const notAfter = new Date(Date.now() + 3650 * DAY);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name} Root CA, O=Liaison Test`,
    notBefore,
    notAfter,
    keys: rootKeys,
    signingAlgorithm: CA_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${name} Issuing CA, O=Liaison Test`,
    issuer: root.subject,
    notBefore,
    notAfter,
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: CA_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root),
    ],
  });
  const rootPem = root.toString('pem') + '\n';
  const issuingPem = issuing.toString('pem') + '\n';

  async function issue(input: IssueInput): Promise<string> {
    const csr = new x509.Pkcs10CertificateRequest(input.csrPem);
    if (!(await csr.verify())) throw new Error('test CA: CSR signature invalid');
    return certify({
      ...input,
      subject: csr.subjectName,
      publicKey: csr.publicKey,
      emails: parseCsr(input.csrPem).emails,
    });
  }

  async function certify(input: {
    subject: x509.Name | string;
    publicKey: x509.PublicKey | WebCryptoKey;
    emails: string[];
    usage: KeyUse;
    notBefore?: Date;
    notAfter?: Date;
  }): Promise<string> {
    const emails = input.emails;
    const usage =
      input.usage === 'signing'
        ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
        : x509.KeyUsageFlags.keyEncipherment;
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: input.subject,
      issuer: issuing.subject,
      notBefore: input.notBefore ?? new Date(Date.now() - 30 * DAY),
      notAfter: input.notAfter ?? new Date(Date.now() + 365 * DAY),
      publicKey: input.publicKey,
      signingKey: issuingKeys.privateKey,
      signingAlgorithm: CA_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usage, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
        new x509.SubjectAlternativeNameExtension(emails.map((value) => ({ type: 'email' as const, value }))),
        await x509.SubjectKeyIdentifierExtension.create(input.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(issuing),
      ],
    });
    return cert.toString('pem') + '\n';
  }

  function issueForKey(input: { publicKey: WebCryptoKey; email: string; usage: KeyUse; commonName: string }) {
    return certify({ ...input, subject: `CN=${input.commonName}`, emails: [input.email] });
  }

  return { name, rootPem, issuingPem, chainPem: issuingPem + rootPem, issue, issueForKey };
}

async function makeKey(
  ca: TestCa,
  usage: KeyUse,
  subject: { commonName: string; email: string; serialNumber: string },
): Promise<TestKey> {
  const keyPair = usage === 'signing' ? await generateSigningKeyPair() : await generateEncryptionKeyPair();
  const csrPem = await createCsr({ keyPair, usage, subject: { ...subject, organisation: 'CH de Test' } });
  const pkcs8 = await exportPkcs8(keyPair.privateKey);
  return {
    keyPair,
    pkcs8,
    pkcs8Pem: pkcs8ToPem(pkcs8),
    csrPem,
    certificatePem: await ca.issue({ csrPem, usage }),
  };
}

/** A professional with a signing and an encryption key, certified by `ca`. */
export async function createIdentity(
  ca: TestCa,
  subject: { commonName: string; email: string; serialNumber: string },
): Promise<TestIdentity> {
  const [signing, encryption] = await Promise.all([
    makeKey(ca, 'signing', subject),
    makeKey(ca, 'encryption', subject),
  ]);
  return { ...subject, signing, encryption };
}

/** Only a signing key (a signer who never receives in the test). */
export async function createSigner(
  ca: TestCa,
  subject: { commonName: string; email: string; serialNumber: string },
): Promise<TestKey> {
  return makeKey(ca, 'signing', subject);
}

/** Only an encryption key (a recipient who never signs in the test). */
export async function createRecipient(
  ca: TestCa,
  subject: { commonName: string; email: string; serialNumber: string },
): Promise<TestKey> {
  return makeKey(ca, 'encryption', subject);
}

/** A 20 KB medical letter as a MIME entity, CRLF, with accents (UTF-8, quoted-printable not needed). */
export function letter(sizeBytes = 20 * 1024): Uint8Array {
  const header =
    'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\nSubject: Compte rendu\r\n\r\n';
  const line =
    'Patiente vue en consultation ce jour, évolution favorable, pas de fièvre. Traitement poursuivi.\r\n';
  let body = '';
  while (Buffer.byteLength(header + body + line) < sizeBytes) body += line;
  return new TextEncoder().encode(header + body);
}
