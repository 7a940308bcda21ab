import { api } from './client.ts';
import { arrayOf, nullable, object, oneOf, schema, string } from './shapes.ts';

// Contract: packages/server/src/pki/schemas.ts (ExpectedSubjectView, CertificateView).
export type CertificateUsage = 'signing' | 'encryption';
const usage = oneOf(['signing', 'encryption']);

const checkSubject = object({
  commonName: string,
  /** "8"+RPPS or "0"+ADELI; null when no national identifier is on record. */
  serialNumber: nullable(string),
  /** The PER mailboxes the certificate may name; empty for someone without a personal mailbox. */
  emails: arrayOf(string),
});
export type ExpectedSubject = ReturnType<typeof checkSubject>;
const ExpectedSubject = schema(checkSubject);

const checkCertificate = object({
  serial: string,
  usage,
  state: oneOf(['active', 'superseded', 'revoked']),
  subject: string,
  emails: arrayOf(string),
  notBefore: string,
  notAfter: string,
  createdAt: string,
  revokedAt: nullable(string),
  certificatePem: string,
});
export type Certificate = ReturnType<typeof checkCertificate>;
export type CertificateState = Certificate['state'];
const Certificate = schema(checkCertificate);
const Certificates = schema(arrayOf(checkCertificate));

/** The exact subject the CA will accept in a CSR of this person (name, national id, mailbox). */
export function fetchExpectedSubject(use: CertificateUsage) {
  return api(`/api/pki/subject?usage=${use}`, ExpectedSubject);
}

export function submitCsr(use: CertificateUsage, csrPem: string) {
  return api('/api/pki/csr', Certificate, { method: 'POST', body: { usage: use, csrPem } });
}

/** Personal certificates of a user, newest first, whatever their state (the whole history). */
export function fetchUserCertificates(userId: string) {
  return api(`/api/pki/users/${encodeURIComponent(userId)}/certificates`, Certificates);
}
