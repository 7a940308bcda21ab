import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { currentEncryptionCertificates } from '../pki/store.ts';

export interface ResolvedMailbox {
  id: string;
  address: string;
  kind: 'PER' | 'ORG' | 'APP' | 'CAB';
  acceptsAttachments: boolean;
  /** Serials of the certificates a sender must encrypt to (any one of them is enough). */
  encryptionSerials: string[];
}

export interface ResolvedRecipient extends ResolvedMailbox {
  field: 'to' | 'cc';
  position: number;
}

async function findMailbox(db: Reader, address: string) {
  return db
    .selectFrom('mailboxes')
    .select(['id', 'address', 'kind', 'accepts_attachments'])
    .where('address', '=', address)
    .executeTakeFirst();
}

/** A mailbox is "verified" when at least one active (technician-verified) person owns or holds it. */
async function hasActiveMember(db: Reader, mailboxId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mailbox_members')
    .innerJoin('users', 'users.id', 'mailbox_members.user_id')
    .select('users.id')
    .where('mailbox_members.mailbox_id', '=', mailboxId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

async function resolveMailbox(db: Reader, address: string, now: Date): Promise<ResolvedMailbox> {
  const mailbox = await findMailbox(db, address);
  if (!mailbox || !(await hasActiveMember(db, mailbox.id))) {
    fail('RECIPIENT_UNKNOWN', `No verified mailbox has the address ${address}.`, { address });
  }
  const certificates = await currentEncryptionCertificates(db, mailbox, now);
  return {
    id: mailbox.id,
    address: mailbox.address,
    kind: mailbox.kind,
    acceptsAttachments: mailbox.accepts_attachments === 1,
    encryptionSerials: certificates.map((c) => c.serial),
  };
}

/** To then Cc, each address once, each a verified mailbox with a current encryption certificate. */
export async function resolveRecipients(
  db: Reader,
  to: readonly string[],
  cc: readonly string[],
  now: Date,
): Promise<ResolvedRecipient[]> {
  const listed = [
    ...to.map((address) => ({ address, field: 'to' as const })),
    ...cc.map((address) => ({ address, field: 'cc' as const })),
  ];
  const seen = new Set<string>();
  const resolved: ResolvedRecipient[] = [];
  for (const [position, entry] of listed.entries()) {
    if (seen.has(entry.address)) {
      fail('RECIPIENT_DUPLICATE', `${entry.address} is listed twice among the recipients.`, {
        address: entry.address,
      });
    }
    seen.add(entry.address);
    const mailbox = await resolveMailbox(db, entry.address, now);
    if (mailbox.encryptionSerials.length === 0) {
      fail('RECIPIENT_NO_CERTIFICATE', `${entry.address} has no encryption certificate yet.`, {
        address: entry.address,
      });
    }
    resolved.push({ ...mailbox, field: entry.field, position });
  }
  return resolved;
}

/** The From mailbox, which the sender must currently own or hold as a delegate. */
export async function resolveSenderMailbox(
  db: Reader,
  address: string,
  userId: string,
  now: Date,
): Promise<ResolvedMailbox> {
  const mailbox = await findMailbox(db, address);
  if (!mailbox) fail('MAILBOX_NOT_FOUND', `No mailbox has the address ${address}.`, { address });
  const member = await db
    .selectFrom('mailbox_members')
    .select('access')
    .where('mailbox_id', '=', mailbox.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) fail('NOT_A_MEMBER', `You cannot send from ${address}.`, { address });
  const certificates = await currentEncryptionCertificates(db, mailbox, now);
  return {
    id: mailbox.id,
    address: mailbox.address,
    kind: mailbox.kind,
    acceptsAttachments: mailbox.accepts_attachments === 1,
    encryptionSerials: certificates.map((c) => c.serial),
  };
}

/** The mailbox behind an address, if the user owns it or is a delegate of it now. */
export async function requireMemberMailbox(
  db: Reader,
  address: string,
  userId: string,
): Promise<{ id: string; address: string }> {
  const row = await db
    .selectFrom('mailboxes')
    .leftJoin('mailbox_members', (join) =>
      join
        .onRef('mailbox_members.mailbox_id', '=', 'mailboxes.id')
        .on('mailbox_members.user_id', '=', userId),
    )
    .select(['mailboxes.id', 'mailboxes.address', 'mailbox_members.user_id'])
    .where('mailboxes.address', '=', address.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) fail('MAILBOX_NOT_FOUND');
  if (!row.user_id) fail('NOT_A_MEMBER');
  return { id: row.id, address: row.address };
}
