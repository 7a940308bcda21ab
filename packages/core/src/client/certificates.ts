import { z } from 'zod';
import type { TrustPolicy } from '../crypto/verify.ts';

/**
 * Certificate lookups every sender and verifier needs, over the HTTP API. Isomorphic: the caller
 * passes a `get` that does an authenticated GET and returns parsed JSON (browser fetch with the
 * session cookie, CLI fetch with its bearer token).
 */
export type GetJson = (path: string) => Promise<unknown>;

const CertificateView = z.object({
  serial: z.string(),
  usage: z.enum(['signing', 'encryption']),
  state: z.enum(['active', 'superseded', 'revoked']),
  status: z.enum(['good', 'superseded', 'revoked']),
  supersededAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  certificatePem: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

/** The current encryption certificate(s) of a mailbox: what a sender encrypts to. */
export async function mailboxEncryptionCertificates(get: GetJson, address: string): Promise<string[]> {
  const list = z
    .array(CertificateView)
    .parse(await get(`/api/pki/mailboxes/${encodeURIComponent(address)}/certificates`));
  return list.filter((c) => c.usage === 'encryption' && c.status === 'good').map((c) => c.certificatePem);
}

/** Every certificate of a person (signing and encryption), with its state. */
export async function userCertificates(get: GetJson, userId: string): Promise<CertificateView[]> {
  return z
    .array(CertificateView)
    .parse(await get(`/api/pki/users/${encodeURIComponent(userId)}/certificates`));
}

type TrustHooks = Pick<TrustPolicy, 'status' | 'signerAllowed'>;

/**
 * The `status` and `signerAllowed` hooks of `verify`, answered by the server: revocation and
 * supersession dates of the signer's certificate, and whether the signer owned or was a delegate of
 * the From mailbox at signing time.
 */
export function serverTrustHooks(get: GetJson, fromAddress: string): Required<TrustHooks> {
  return {
    async status(certificate) {
      const view = CertificateView.parse(await get(`/api/pki/certificates/${certificate.serialNumberHex}`));
      if (view.status === 'revoked') {
        return {
          state: 'revoked',
          ...(view.revokedAt ? { revokedAt: new Date(view.revokedAt) } : {}),
          ...(view.revocationReason ? { reason: view.revocationReason } : {}),
        };
      }
      if (view.status === 'superseded') {
        return {
          state: 'superseded',
          ...(view.supersededAt ? { supersededAt: new Date(view.supersededAt) } : {}),
        };
      }
      return { state: 'good' };
    },
    async signerAllowed(certificate, signingTime) {
      const query = new URLSearchParams({
        address: fromAddress,
        serial: certificate.serialNumberHex,
        at: signingTime.toISOString(),
      });
      const answer = z
        .object({ allowed: z.boolean() })
        .parse(await get(`/api/mailboxes/signer-check?${query.toString()}`));
      return answer.allowed;
    },
  };
}
