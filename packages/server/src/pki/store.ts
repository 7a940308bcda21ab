import { iso } from '../clock.ts';
import type { Reader, Tx } from '../db/index.ts';
import type { PkiCertificateRow } from '../db/schema.ts';
import type { CertificateUsage } from './certificate.ts';
import type { RevocationReason } from './crl.ts';
import type { Holder } from './holder.ts';

export interface NewCertificate {
  serial: string;
  authorityId: string;
  holder: Holder;
  usage: CertificateUsage;
  subject: string;
  emails: string[];
  pem: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Stores a new certificate as the active one of its scope and marks the one it replaces superseded
 * (kept, still listed, still valid for what it signed before). Returns the superseded serial, if any.
 * Two issuances racing on one scope: the unique active_scope makes the later insert fail.
 */
export async function insertActive(tx: Tx, cert: NewCertificate, now: Date): Promise<string | null> {
  const previous = await tx.db
    .selectFrom('pki_certificates')
    .select('serial')
    .where('active_scope', '=', cert.holder.scope)
    .executeTakeFirst();
  if (previous) {
    await tx.db
      .updateTable('pki_certificates')
      .set({ state: 'superseded', active_scope: null, superseded_at: iso(now), superseded_by: cert.serial })
      .where('serial', '=', previous.serial)
      .where('state', '=', 'active')
      .execute();
  }
  await tx.db
    .insertInto('pki_certificates')
    .values({
      serial: cert.serial,
      authority_id: cert.authorityId,
      user_id: cert.holder.userId,
      mailbox_id: cert.holder.mailboxId,
      usage: cert.usage,
      subject: cert.subject,
      emails: JSON.stringify(cert.emails),
      certificate_pem: cert.pem,
      not_before: iso(cert.notBefore),
      not_after: iso(cert.notAfter),
      state: 'active',
      active_scope: cert.holder.scope,
      superseded_at: null,
      superseded_by: null,
      revoked_at: null,
      revocation_reason: null,
      created_at: iso(now),
    })
    .execute();
  return previous?.serial ?? null;
}

/** Marks a certificate revoked; false when it already was (a concurrent revocation won). */
export async function markRevoked(
  tx: Tx,
  serial: string,
  reason: RevocationReason,
  now: Date,
): Promise<boolean> {
  const result = await tx.db
    .updateTable('pki_certificates')
    .set({ state: 'revoked', active_scope: null, revoked_at: iso(now), revocation_reason: reason })
    .where('serial', '=', serial)
    .where('state', '!=', 'revoked')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findCertificate(db: Reader, serial: string): Promise<PkiCertificateRow | undefined> {
  return db.selectFrom('pki_certificates').selectAll().where('serial', '=', serial).executeTakeFirst();
}

/** A user's personal certificates, every state, newest first. */
export function personalCertificates(db: Reader, userId: string): Promise<PkiCertificateRow[]> {
  return db
    .selectFrom('pki_certificates')
    .selectAll()
    .where('user_id', '=', userId)
    .where('mailbox_id', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('serial')
    .execute();
}

/**
 * The certificates to encrypt to for a mailbox: active, unexpired encryption certificates of the
 * mailbox itself (shared) or of its owners' personal keys (PER).
 */
export async function currentEncryptionCertificates(
  db: Reader,
  mailbox: { id: string; kind: string },
  now: Date,
): Promise<PkiCertificateRow[]> {
  let query = db
    .selectFrom('pki_certificates')
    .selectAll()
    .where('usage', '=', 'encryption')
    .where('state', '=', 'active')
    .where('not_after', '>', iso(now));
  if (mailbox.kind === 'PER') {
    const owners = db
      .selectFrom('mailbox_members')
      .select('user_id')
      .where('mailbox_id', '=', mailbox.id)
      .where('access', '=', 'owner');
    query = query.where('mailbox_id', 'is', null).where('user_id', 'in', owners);
  } else {
    query = query.where('mailbox_id', '=', mailbox.id);
  }
  return query.orderBy('created_at', 'desc').execute();
}

/**
 * The same answer as {@link currentEncryptionCertificates} for many mailboxes in two queries (one for
 * personal mailboxes, one for shared ones): serials per mailbox id. Used on every letter submitted.
 */
export async function currentEncryptionSerials(
  db: Reader,
  mailboxes: ReadonlyArray<{ id: string; kind: string }>,
  now: Date,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(mailboxes.map((m) => [m.id, []]));
  const personal = mailboxes.filter((m) => m.kind === 'PER').map((m) => m.id);
  const shared = mailboxes.filter((m) => m.kind !== 'PER').map((m) => m.id);
  if (personal.length > 0) {
    const rows = await db
      .selectFrom('pki_certificates')
      .innerJoin('mailbox_members', 'mailbox_members.user_id', 'pki_certificates.user_id')
      .select(['pki_certificates.serial', 'mailbox_members.mailbox_id'])
      .where('mailbox_members.mailbox_id', 'in', personal)
      .where('mailbox_members.access', '=', 'owner')
      .where('pki_certificates.mailbox_id', 'is', null)
      .where('pki_certificates.usage', '=', 'encryption')
      .where('pki_certificates.state', '=', 'active')
      .where('pki_certificates.not_after', '>', iso(now))
      .execute();
    for (const row of rows) found.get(row.mailbox_id)?.push(row.serial);
  }
  if (shared.length > 0) {
    const rows = await db
      .selectFrom('pki_certificates')
      .select(['serial', 'mailbox_id'])
      .where('mailbox_id', 'in', shared)
      .where('usage', '=', 'encryption')
      .where('state', '=', 'active')
      .where('not_after', '>', iso(now))
      .execute();
    for (const row of rows) if (row.mailbox_id) found.get(row.mailbox_id)?.push(row.serial);
  }
  return found;
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // PostgreSQL unique_violation; better-sqlite3 extended result codes for UNIQUE and PRIMARY KEY.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
