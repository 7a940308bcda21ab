import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { currentEncryptionSerials } from '../pki/store.ts';

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

/**
 * Mailboxes by address with their current encryption certificates, in a fixed number of queries
 * whatever the number of recipients. `verifiedOnly` keeps mailboxes with at least one active
 * (technician-verified) member: the others cannot receive.
 */
async function lookupMailboxes(
  db: Reader,
  addresses: readonly string[],
  now: Date,
  verifiedOnly: boolean,
): Promise<Map<string, ResolvedMailbox>> {
  if (addresses.length === 0) return new Map();
  const rows = await db
    .selectFrom('mailboxes')
    .select(['id', 'address', 'kind', 'accepts_attachments'])
    .where('address', 'in', [...addresses])
    .execute();
  let kept = rows;
  if (verifiedOnly && rows.length > 0) {
    const active = await db
      .selectFrom('mailbox_members')
      .innerJoin('users', 'users.id', 'mailbox_members.user_id')
      .select('mailbox_members.mailbox_id')
      .where(
        'mailbox_members.mailbox_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('users.status', '=', 'active')
      .execute();
    const verified = new Set(active.map((a) => a.mailbox_id));
    kept = rows.filter((r) => verified.has(r.id));
  }
  const serials = await currentEncryptionSerials(db, kept, now);
  return new Map(
    kept.map((r) => [
      r.address,
      {
        id: r.id,
        address: r.address,
        kind: r.kind,
        acceptsAttachments: r.accepts_attachments === 1,
        encryptionSerials: serials.get(r.id) ?? [],
      },
    ]),
  );
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
  for (const { address } of listed) {
    if (seen.has(address)) {
      fail('RECIPIENT_DUPLICATE', `${address} is listed twice among the recipients.`, { address });
    }
    seen.add(address);
  }
  const found = await lookupMailboxes(db, [...seen], now, true);
  // Refusals name the first offending address in the order the sender wrote them.
  return listed.map((entry, position) => {
    const mailbox = found.get(entry.address);
    if (!mailbox) {
      fail('RECIPIENT_UNKNOWN', `No verified mailbox has the address ${entry.address}.`, {
        address: entry.address,
      });
    }
    if (mailbox.encryptionSerials.length === 0) {
      fail('RECIPIENT_NO_CERTIFICATE', `${entry.address} has no encryption certificate yet.`, {
        address: entry.address,
      });
    }
    return { ...mailbox, field: entry.field, position };
  });
}

/** The From mailbox, which the sender must currently own or hold as a delegate. */
export async function resolveSenderMailbox(
  db: Reader,
  address: string,
  userId: string,
  now: Date,
): Promise<ResolvedMailbox> {
  const mailbox = (await lookupMailboxes(db, [address], now, false)).get(address);
  if (!mailbox) fail('MAILBOX_NOT_FOUND', `No mailbox has the address ${address}.`, { address });
  const member = await db
    .selectFrom('mailbox_members')
    .select('access')
    .where('mailbox_id', '=', mailbox.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) fail('NOT_A_MEMBER', `You cannot send from ${address}.`, { address });
  return mailbox;
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
