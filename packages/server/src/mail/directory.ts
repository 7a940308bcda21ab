import type { MailRecipient } from '@liaison/core/api/mail';
import { entryDisplayName } from '@liaison/core/directory/entryRules';
import type { Database, Reader } from '../db/index.ts';
import { searchDirectory } from '../directory/search/index.ts';
import { loadEntries } from '../directory/views.ts';
import { currentEncryptionCertificates, currentEncryptionSerials } from '../pki/store.ts';

const MAX_RESULTS = 20;

/** LIKE wildcards typed by the user are dropped: SQLite and PostgreSQL escape them differently. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, '')}%`;
}

/**
 * Who a signed-in user can write to: published directory entries first (ranked, accents and one typo
 * forgiven), then verified accounts' mailboxes not (yet) in the directory, found by address, person or
 * establishment name. Either way only Liaison mailboxes with a current encryption certificate.
 */
export async function searchRecipients(db: Database, query: string, now: Date): Promise<MailRecipient[]> {
  const fromDirectory = await directoryRecipients(db, query, now);
  const seen = new Set(fromDirectory.map((r) => r.address));
  const fromAccounts = (await accountRecipients(db.read, query, now)).filter((r) => !seen.has(r.address));
  return [...fromDirectory, ...fromAccounts].slice(0, MAX_RESULTS);
}

async function directoryRecipients(db: Database, query: string, now: Date): Promise<MailRecipient[]> {
  if (query.trim() === '') return [];
  const { hits } = await searchDirectory(db, {
    text: query,
    includeUnlisted: true,
    limit: MAX_RESULTS,
    offset: 0,
  });
  const entries = await loadEntries(
    db.read,
    hits.map((h) => h.entryId),
  );
  const addresses = entries.map((e) => e.fields.mailboxes[0]?.address ?? '');
  if (addresses.length === 0) return [];
  const mailboxes = await db.read
    .selectFrom('mailboxes')
    .select(['id', 'address', 'kind', 'accepts_attachments'])
    .where('address', 'in', addresses)
    .execute();
  const byAddress = new Map(mailboxes.map((m) => [m.address, m]));
  // One batched certificate lookup for the page, not one per entry: this answers every keystroke.
  const serials = await currentEncryptionSerials(db.read, mailboxes, now);
  const results: MailRecipient[] = [];
  for (const entry of entries) {
    const mailbox = byAddress.get(entry.fields.mailboxes[0]?.address ?? '');
    if (mailbox === undefined || (serials.get(mailbox.id)?.length ?? 0) === 0) continue;
    results.push({
      address: mailbox.address,
      kind: mailbox.kind,
      displayName: entryDisplayName(entry.fields),
      organisationName: entry.organisationName,
      // The mailbox's own setting rules what the server accepts; the entry only describes it.
      acceptsAttachments: mailbox.accepts_attachments === 1,
    });
  }
  return results;
}

async function accountRecipients(db: Reader, query: string, now: Date): Promise<MailRecipient[]> {
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
