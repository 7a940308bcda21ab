export { PkiService, type AuthoritySummary, type IssueInput } from './service.ts';
export { pkiRoutes } from './routes.ts';
export { REVOCATION_REASONS, type RevocationReason } from './crl.ts';
export {
  mailboxCommonName,
  nationalSerialNumber,
  personCommonName,
  type ExpectedSubject,
} from './identity.ts';
export type { CertificateUsage } from './certificate.ts';
export type { CertificateView } from './schemas.ts';
