import { iso } from '../clock.ts';
import type { Reader, Tx } from '../db/index.ts';
import type { PkiAuthorityRow } from '../db/schema.ts';
import { keyIdOf, type AuthorityRole, type NewAuthority } from './ca.ts';
import { pemOf, x509 } from './x509.ts';

/** An authority as read back from storage, its certificate parsed once. */
export interface StoredAuthority {
  id: string;
  role: AuthorityRole;
  generation: number;
  certificate: x509.X509Certificate;
  pem: string;
  /** subjectKeyIdentifier (hex): what the authorityKeyIdentifier of what it signs repeats. */
  keyId: string;
  sealedKey: string;
}

export interface CurrentAuthorities {
  root: StoredAuthority;
  issuing: StoredAuthority;
}

function toStored(row: PkiAuthorityRow): StoredAuthority {
  const certificate = new x509.X509Certificate(row.certificate_pem);
  return {
    id: row.id,
    role: row.role,
    generation: row.generation,
    certificate,
    pem: row.certificate_pem,
    keyId: keyIdOf(certificate),
    sealedKey: row.sealed_key,
  };
}

/** The newest root and issuing CA, or null before the first start made them. */
export async function currentAuthorities(db: Reader): Promise<CurrentAuthorities | null> {
  const rows = await db.selectFrom('pki_authorities').selectAll().orderBy('generation', 'desc').execute();
  const root = rows.find((r) => r.role === 'root');
  const issuing = rows.find((r) => r.role === 'issuing');
  if (!root || !issuing) return null;
  return { root: toStored(root), issuing: toStored(issuing) };
}

export async function authorityById(db: Reader, id: string): Promise<StoredAuthority | undefined> {
  const row = await db.selectFrom('pki_authorities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** Inserts one authority; the unique (role, generation) makes a second node's insert fail. */
export async function insertAuthority(
  tx: Tx,
  role: AuthorityRole,
  generation: number,
  made: NewAuthority,
  sealedKey: string,
  now: Date,
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.db
    .insertInto('pki_authorities')
    .values({
      id,
      role,
      generation,
      serial: made.certificate.serialNumber.toLowerCase(),
      subject: made.certificate.subject,
      certificate_pem: pemOf(made.certificate.rawData, 'CERTIFICATE'),
      sealed_key: sealedKey,
      not_before: iso(made.certificate.notBefore),
      not_after: iso(made.certificate.notAfter),
      crl_number: 0,
      created_at: iso(now),
    })
    .execute();
  return id;
}

/**
 * Takes the next CRL number for an authority. The UPDATE holds the authority's row lock until the
 * transaction ends, so two revocations on two nodes sign their CRLs one after the other and the
 * later one sees the earlier one's revocation.
 */
export async function nextCrlNumber(tx: Tx, authorityId: string): Promise<number> {
  const row = await tx.db
    .updateTable('pki_authorities')
    .set((eb) => ({ crl_number: eb('crl_number', '+', 1) }))
    .where('id', '=', authorityId)
    .returning('crl_number')
    .executeTakeFirstOrThrow();
  return row.crl_number;
}
