import { z } from 'zod';
import type { PkiCertificateRow } from '../db/schema.ts';
import { REVOCATION_REASONS, type RevocationReason } from './crl.ts';

// The HTTP contract of the PKI. Candidates for packages/core/src/api once the web app and the CLI
// call it; kept here until then so the server does not depend on a contract nobody else reads yet.

export const CertificateUsage = z.enum(['signing', 'encryption']);
export const RevocationReasonSchema = z.enum(REVOCATION_REASONS);

export const IssueRequest = z.strictObject({
  usage: CertificateUsage,
  csrPem: z.string().min(1).max(16_384),
  /** A shared mailbox (ORG, APP, CAB) whose own encryption certificate this is; absent: personal. */
  mailboxId: z.uuid().optional(),
});

export const RevokeRequest = z.strictObject({ reason: RevocationReasonSchema });

export const ExpectedSubjectQuery = z.strictObject({ mailboxId: z.uuid().optional() });

export const ExpectedSubjectView = z.object({
  commonName: z.string(),
  serialNumber: z.string().nullable(),
  emails: z.array(z.string()),
});

export const CertificateView = z.object({
  serial: z.string(),
  usage: CertificateUsage,
  /** Stored state; `status` says the same in verifier terms (an active certificate is "good"). */
  state: z.enum(['active', 'superseded', 'revoked']),
  status: z.enum(['good', 'superseded', 'revoked']),
  userId: z.string(),
  mailboxId: z.string().nullable(),
  subject: z.string(),
  emails: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: RevocationReasonSchema.nullable(),
  certificatePem: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export function toCertificateView(row: PkiCertificateRow): CertificateView {
  return {
    serial: row.serial,
    usage: row.usage,
    state: row.state,
    status: row.state === 'active' ? 'good' : row.state,
    userId: row.user_id,
    mailboxId: row.mailbox_id,
    subject: row.subject,
    emails: JSON.parse(row.emails) as string[],
    notBefore: row.not_before,
    notAfter: row.not_after,
    createdAt: row.created_at,
    supersededAt: row.superseded_at,
    supersededBy: row.superseded_by,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason as RevocationReason | null,
    certificatePem: row.certificate_pem,
  };
}
