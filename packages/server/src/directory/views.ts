import type { DirectoryEntry, DirectorySubmission, PublishedCertificate } from '@liaison/core/api/directory';
import { iso } from '../clock.ts';
import type { Reader } from '../db/index.ts';
import type { DirectorySubmissionRow } from '../db/schema.ts';
import { parseFields, rowFields, toDirectoryEntry, type EntryWithOrganisation } from './entryRows.ts';

/** Entries joined with what every view shows of their establishment and pending change. */
export function entriesQuery(db: Reader) {
  return db
    .selectFrom('directory_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .selectAll('e')
    .select((eb) => [
      'o.name as organisation_name',
      'o.finess as organisation_finess',
      'o.city as organisation_city',
      eb
        .selectFrom('directory_submissions as s')
        .select('s.id')
        .whereRef('s.entry_id', '=', 'e.id')
        .where('s.status', '=', 'pending')
        .limit(1)
        .as('pending_submission_id'),
    ]);
}

export async function loadEntries(db: Reader, ids: readonly string[]): Promise<DirectoryEntry[]> {
  if (ids.length === 0) return [];
  const rows = (await entriesQuery(db).where('e.id', 'in', ids).execute()) as EntryWithOrganisation[];
  const byId = new Map(rows.map((row) => [row.id, toDirectoryEntry(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadEntry(db: Reader, id: string): Promise<DirectoryEntry | undefined> {
  return (await loadEntries(db, [id]))[0];
}

/** Submissions with the published fields of their entry, so a reviewer sees the difference. */
export async function toSubmissions(
  db: Reader,
  rows: readonly DirectorySubmissionRow[],
): Promise<DirectorySubmission[]> {
  if (rows.length === 0) return [];
  const entryIds = [...new Set(rows.map((r) => r.entry_id))];
  const entries = await db
    .selectFrom('directory_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .selectAll('e')
    .select('o.name as organisation_name')
    .where('e.id', 'in', entryIds)
    .execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return rows.map((row) => {
    const entry = byId.get(row.entry_id);
    const published =
      entry !== undefined && entry.published_at !== null && entry.state !== 'pending'
        ? rowFields(entry)
        : null;
    return {
      id: row.id,
      entryId: row.entry_id,
      organisationId: row.organisation_id,
      organisationName: entry?.organisation_name ?? '',
      action: row.action,
      source: row.source,
      status: row.status,
      fields: parseFields(row.fields),
      published,
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      reason: row.reason,
      checks: JSON.parse(row.checks) as DirectorySubmission['checks'],
    };
  });
}

/**
 * The current certificates of the Liaison mailboxes an entry names (encryption, to write to it;
 * signing, to check what it sends). An address with no Liaison mailbox has none.
 */
export async function entryCertificates(
  db: Reader,
  addresses: readonly string[],
  now: Date,
): Promise<PublishedCertificate[]> {
  if (addresses.length === 0) return [];
  const mailboxes = await db
    .selectFrom('mailboxes')
    .select(['id', 'kind'])
    .where('address', 'in', addresses)
    .execute();
  if (mailboxes.length === 0) return [];
  const shared = mailboxes.filter((m) => m.kind !== 'PER').map((m) => m.id);
  const personal = mailboxes.filter((m) => m.kind === 'PER').map((m) => m.id);
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['serial', 'usage', 'not_after', 'certificate_pem'])
    .where('state', '=', 'active')
    .where('not_after', '>', iso(now))
    .where((eb) =>
      eb.or([
        ...(shared.length > 0 ? [eb('mailbox_id', 'in', shared)] : []),
        ...(personal.length > 0
          ? [
              eb.and([
                eb('mailbox_id', 'is', null),
                eb(
                  'user_id',
                  'in',
                  eb
                    .selectFrom('mailbox_members')
                    .select('user_id')
                    .where('mailbox_id', 'in', personal)
                    .where('access', '=', 'owner'),
                ),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    serial: r.serial,
    usage: r.usage,
    notAfter: r.not_after,
    pem: r.certificate_pem,
  }));
}
