import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { DirectoryEntryTable, DirectorySubmissionTable } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import { fail } from '../errors.ts';
import { fieldColumns } from './entryRows.ts';
import type { ProposalOrigin } from './proposals.ts';
import { referenceChecksMany } from './referenceChecks.ts';

/** Rows per INSERT: well under SQLite's bound-parameter limit with ~25 columns. */
const SLICE = 400;

async function insertSliced<T>(items: T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += SLICE) await write(items.slice(start, start + SLICE));
}

/**
 * Many new entries at once (file imports): the same rows `propose` writes for a `create` (entry in
 * state pending, its submission, its history version), written with multi-row INSERTs. The fields
 * were checked by the caller (`checkEntry` through the file parser); addresses are checked again here
 * against what the establishment has now, so a concurrent change cannot slip a duplicate in.
 */
export async function proposeNewEntries(
  tx: Tx,
  origin: ProposalOrigin,
  fieldsList: readonly DirectoryEntryFields[],
  at: Date,
): Promise<number> {
  if (fieldsList.length === 0) return 0;
  const now = iso(at);
  const addresses = [...new Set(fieldsList.map((f) => f.mailboxes[0]?.address ?? ''))];
  for (let start = 0; start < addresses.length; start += SLICE) {
    const taken = await tx.db
      .selectFrom('directory_entries')
      .select(['id', 'address'])
      .where('organisation_id', '=', origin.organisationId)
      .where('state', 'in', ['pending', 'published'])
      .where('address', 'in', addresses.slice(start, start + SLICE))
      .executeTakeFirst();
    if (taken) fail('ENTRY_EXISTS', undefined, { entryId: taken.id, address: taken.address });
  }

  const checks = await referenceChecksMany(tx.db, fieldsList);
  const entries: Insertable<DirectoryEntryTable>[] = [];
  const submissions: Insertable<DirectorySubmissionTable>[] = [];
  const history = [];
  for (const [index, fields] of fieldsList.entries()) {
    const entryId = crypto.randomUUID();
    const submissionId = crypto.randomUUID();
    entries.push({
      id: entryId,
      organisation_id: origin.organisationId,
      state: 'pending',
      version: 0,
      ...fieldColumns(fields),
      ldap_rdn: null,
      created_at: now,
      published_at: null,
      modified_at: now,
      retired_at: null,
      rpps_left_at: null,
    });
    const json = JSON.stringify(fields);
    submissions.push({
      id: submissionId,
      entry_id: entryId,
      organisation_id: origin.organisationId,
      action: 'create',
      source: origin.source,
      status: 'pending',
      fields: json,
      base_version: 0,
      checks: JSON.stringify(checks[index] ?? []),
      import_id: origin.importId ?? null,
      submitted_by: origin.submittedBy,
      submitted_at: now,
      decided_by: null,
      decided_at: null,
      reason: null,
    });
    history.push({
      id: crypto.randomUUID(),
      entry_id: entryId,
      version: 0,
      state: 'pending',
      change: 'proposed' as const,
      fields: json,
      submission_id: submissionId,
      changed_by: origin.submittedBy,
      changed_at: now,
    });
  }
  await insertSliced(entries, (slice) => tx.db.insertInto('directory_entries').values(slice).execute());
  await insertSliced(submissions, (slice) =>
    tx.db.insertInto('directory_submissions').values(slice).execute(),
  );
  await insertSliced(history, (slice) => tx.db.insertInto('directory_entry_history').values(slice).execute());
  return fieldsList.length;
}
