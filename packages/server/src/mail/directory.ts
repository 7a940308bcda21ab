import type { MailRecipient } from '@liaison/core/api/mail';
import type { Reader } from '../db/index.ts';
import { currentEncryptionCertificates } from '../pki/store.ts';

const MAX_RESULTS = 20;

/** LIKE wildcards typed by the user are dropped: SQLite and PostgreSQL escape them differently. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, '')}%`;
}

/**
 * Mailboxes a signed-in user can write to, found by address, person or establishment name: verified
 * (an active member) and with a current encryption certificate. A stand-in for the directory search,
 * which will answer the same question from published entries.
 */
export async function searchRecipients(db: Reader, query: string, now: Date): Promise<MailRecipient[]> {
  const pattern = likePattern(query.trim());
  const rows = await db
    .selectFrom('mailboxes')
    .innerJoin('mailbox_members', 'mailbox_members.mailbox_id', 'mailboxes.id')
    .innerJoin('users', 'users.id', 'mailbox_members.user_id')
    .leftJoin('organisations', 'organisations.id', 'mailboxes.organisation_id')
    .select([
      'mailboxes.id',
      'mailboxes.address',
      'mailboxes.kind',
      'mailboxes.accepts_attachments',
      'users.first_name',
      'users.last_name',
      'mailbox_members.access',
      'organisations.name as organisation_name',
    ])
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['mailboxes.address']), 'like', pattern),
        eb(eb.fn('lower', ['users.last_name']), 'like', pattern),
        eb(eb.fn('lower', ['users.first_name']), 'like', pattern),
        eb(eb.fn('lower', ['organisations.name']), 'like', pattern),
      ]),
    )
    .orderBy('mailboxes.address')
    .limit(MAX_RESULTS * 4)
    .execute();
  const found = new Map<string, MailRecipient & { id: string }>();
  for (const row of rows) {
    if (found.has(row.id)) continue;
    const isPerson = row.kind === 'PER';
    // A shared mailbox is shown by its establishment; a personal one by its owner.
    if (isPerson && row.access !== 'owner') continue;
    found.set(row.id, {
      id: row.id,
      address: row.address,
      kind: row.kind,
      displayName: isPerson ? `${row.first_name} ${row.last_name}` : (row.organisation_name ?? row.address),
      organisationName: row.organisation_name,
      acceptsAttachments: row.accepts_attachments === 1,
    });
  }
  const results: MailRecipient[] = [];
  for (const { id, ...recipient } of found.values()) {
    if (results.length >= MAX_RESULTS) break;
    const certificates = await currentEncryptionCertificates(db, { id, kind: recipient.kind }, now);
    if (certificates.length > 0) results.push(recipient);
  }
  return results;
}
