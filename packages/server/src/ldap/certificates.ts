/**
 * Certificates of many entries at once. views.ts answers for one entry; a search streams hundreds per
 * batch, so this asks once per batch and maps certificates back to each address.
 */
import { pemBlocks } from '@liaison/core/crypto/bytes';
import * as pkijs from 'pkijs';
import { iso } from '../clock.ts';
import type { Reader } from '../db/index.ts';
import type { EntryCertificates } from './attributes.ts';

interface CertRow {
  serial: string;
  usage: 'signing' | 'encryption';
  der: Buffer;
}

/** Current certificates per mailbox address (only addresses of Liaison mailboxes have any). */
export async function certificatesByAddress(
  db: Reader,
  addresses: readonly string[],
  now: Date,
): Promise<Map<string, CertRow[]>> {
  const result = new Map<string, CertRow[]>();
  if (addresses.length === 0) return result;
  const mailboxes = await db
    .selectFrom('mailboxes')
    .select(['id', 'kind', 'address'])
    .where('address', 'in', [...new Set(addresses)])
    .execute();
  if (mailboxes.length === 0) return result;
  const personal = mailboxes.filter((m) => m.kind === 'PER');
  const owners =
    personal.length === 0
      ? []
      : await db
          .selectFrom('mailbox_members')
          .select(['mailbox_id', 'user_id'])
          .where(
            'mailbox_id',
            'in',
            personal.map((m) => m.id),
          )
          .where('access', '=', 'owner')
          .execute();
  const shared = mailboxes.filter((m) => m.kind !== 'PER').map((m) => m.id);
  const users = [...new Set(owners.map((o) => o.user_id))];
  if (shared.length === 0 && users.length === 0) return result;
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['serial', 'usage', 'mailbox_id', 'user_id', 'certificate_pem'])
    .where('state', '=', 'active')
    .where('not_after', '>', iso(now))
    .where((eb) =>
      eb.or([
        ...(shared.length > 0 ? [eb('mailbox_id', 'in', shared)] : []),
        ...(users.length > 0 ? [eb.and([eb('mailbox_id', 'is', null), eb('user_id', 'in', users)])] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  for (const mailbox of mailboxes) {
    const holders = new Set(owners.filter((o) => o.mailbox_id === mailbox.id).map((o) => o.user_id));
    const certs = rows
      .filter((r) =>
        mailbox.kind === 'PER'
          ? r.mailbox_id === null && holders.has(r.user_id)
          : r.mailbox_id === mailbox.id,
      )
      .flatMap((r) =>
        pemBlocks(r.certificate_pem, 'CERTIFICATE')
          .slice(0, 1)
          .map((der) => ({ serial: r.serial, usage: r.usage, der: Buffer.from(der) })),
      );
    result.set(mailbox.address, certs);
  }
  return result;
}

/**
 * userSMIMECertificate holds a PKCS#7 SignedData with no signer and no content, only certificates
 * (RFC 2798 §2.8): the form Thunderbird and Outlook read from an LDAP address book.
 */
function certsOnlyPkcs7(ders: readonly Buffer[]): Buffer {
  const certificates = ders.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates,
    signerInfos: [],
  });
  const content = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signed.toSchema(),
  });
  return Buffer.from(content.toSchema().toBER(false));
}

/** What an entry publishes: the certificates of all its addresses, each once. */
export function entryCertificates(
  byAddress: ReadonlyMap<string, CertRow[]>,
  addresses: readonly string[],
): EntryCertificates | null {
  const seen = new Map<string, CertRow>();
  for (const address of addresses)
    for (const cert of byAddress.get(address) ?? []) seen.set(cert.serial, cert);
  if (seen.size === 0) return null;
  const all = [...seen.values()];
  return {
    encryption: all.filter((c) => c.usage === 'encryption').map((c) => c.der),
    smime: certsOnlyPkcs7(all.map((c) => c.der)),
  };
}
