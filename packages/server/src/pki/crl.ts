import * as asn1js from 'asn1js';
import { iso } from '../clock.ts';
import type { Reader, Tx } from '../db/index.ts';
import { nextCrlNumber, type StoredAuthority } from './authorityStore.ts';
import { pemOf, SIGNING_ALGORITHM, x509, type CryptoKey } from './x509.ts';

/** RFC 5280 reasons a holder or the platform can give. certificateHold is left out: Liaison never
 * suspends, and a hold would need removeFromCRL handling in every verifier. */
export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

const REASON_CODES: Record<RevocationReason, x509.X509CrlReason> = {
  unspecified: x509.X509CrlReason.unspecified,
  keyCompromise: x509.X509CrlReason.keyCompromise,
  affiliationChanged: x509.X509CrlReason.affiliationChanged,
  superseded: x509.X509CrlReason.superseded,
  cessationOfOperation: x509.X509CrlReason.cessationOfOperation,
  privilegeWithdrawn: x509.X509CrlReason.privilegeWithdrawn,
};

export const CRL_VALIDITY_MS = 7 * 24 * 3600_000;
/** A CRL older than this is re-signed when asked for, so nobody is handed one close to nextUpdate. */
export const CRL_REFRESH_MS = 24 * 3600_000;
const OID_CRL_NUMBER = '2.5.29.20';

export interface CrlEntry {
  serial: string;
  revokedAt: Date;
  reason: RevocationReason;
}

export interface StoredCrl {
  crlNumber: number;
  thisUpdate: string;
  nextUpdate: string;
  pem: string;
}

/** An X.509 v2 CRL: crlNumber and authorityKeyIdentifier, one entry per revoked serial with its reason. */
export async function signCrl(params: {
  issuer: StoredAuthority;
  signingKey: CryptoKey;
  crlNumber: number;
  thisUpdate: Date;
  entries: CrlEntry[];
}): Promise<x509.X509Crl> {
  const crlNumber = new asn1js.Integer({ value: params.crlNumber }).toBER(false);
  return x509.X509CrlGenerator.create({
    issuer: params.issuer.certificate.subjectName,
    thisUpdate: params.thisUpdate,
    nextUpdate: new Date(params.thisUpdate.getTime() + CRL_VALIDITY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    signingKey: params.signingKey,
    extensions: [
      new x509.AuthorityKeyIdentifierExtension(params.issuer.keyId),
      new x509.Extension(OID_CRL_NUMBER, false, crlNumber),
    ],
    // "unspecified" is written as no reasonCode extension, as RFC 5280 §5.3.1 asks.
    entries: params.entries.map((e) => ({
      serialNumber: e.serial,
      revocationDate: e.revokedAt,
      reason: REASON_CODES[e.reason],
    })),
  });
}

async function revokedBy(db: Reader, authority: StoredAuthority): Promise<CrlEntry[]> {
  // The root CA certifies only issuing CAs, which Liaison does not revoke (it rotates them): its CRL
  // is empty but signed, so `openssl verify -crl_check_all` has one to check.
  if (authority.role === 'root') return [];
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['serial', 'revoked_at', 'revocation_reason'])
    .where('authority_id', '=', authority.id)
    .where('state', '=', 'revoked')
    .orderBy('revoked_at')
    .execute();
  return rows.map((r) => ({
    serial: r.serial,
    revokedAt: new Date(r.revoked_at ?? 0),
    reason: (r.revocation_reason ?? 'unspecified') as RevocationReason,
  }));
}

/**
 * Signs and stores the authority's next CRL inside the caller's transaction (a revocation and its
 * CRL commit together). The number is taken first, under the authority's row lock, and the revoked
 * list read after it, so the list includes every revocation committed before.
 */
export async function publishCrl(
  tx: Tx,
  authority: StoredAuthority,
  signingKey: CryptoKey,
  now: Date,
): Promise<StoredCrl> {
  const crlNumber = await nextCrlNumber(tx, authority.id);
  const crl = await signCrl({
    issuer: authority,
    signingKey,
    crlNumber,
    thisUpdate: now,
    entries: await revokedBy(tx.db, authority),
  });
  const stored: StoredCrl = {
    crlNumber,
    thisUpdate: iso(crl.thisUpdate),
    nextUpdate: iso(crl.nextUpdate ?? now),
    pem: pemOf(crl.rawData, 'X509 CRL'),
  };
  await tx.db
    .insertInto('pki_crls')
    .values({
      authority_id: authority.id,
      crl_number: crlNumber,
      this_update: stored.thisUpdate,
      next_update: stored.nextUpdate,
      crl_pem: stored.pem,
    })
    .execute();
  return stored;
}

export async function latestCrl(db: Reader, authorityId: string): Promise<StoredCrl | undefined> {
  const row = await db
    .selectFrom('pki_crls')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('crl_number', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    crlNumber: row.crl_number,
    thisUpdate: row.this_update,
    nextUpdate: row.next_update,
    pem: row.crl_pem,
  };
}

export function isStale(crl: StoredCrl, now: Date): boolean {
  return now.getTime() - new Date(crl.thisUpdate).getTime() >= CRL_REFRESH_MS;
}
