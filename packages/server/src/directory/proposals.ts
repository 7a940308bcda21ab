import type {
  DirectoryEntryFields,
  DirectoryEntryInput,
  SubmissionSource,
} from '@liaison/core/api/directory';
import { checkEntry } from '@liaison/core/directory/entryRules';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { DirectoryEntryRow } from '../db/schema.ts';
import { fail } from '../errors.ts';
import { fieldColumns, rowFields } from './entryRows.ts';
import { recordHistory } from './history.ts';
import { referenceChecks } from './referenceChecks.ts';

/** Who proposes, through which door. `submittedBy` is a user id, or `ldap:<FINESS>` for a push. */
export interface ProposalOrigin {
  organisationId: string;
  submittedBy: string | null;
  source: SubmissionSource;
  importId?: string;
}

export type EntryChange =
  | { action: 'create'; input: DirectoryEntryInput; ldapRdn?: string }
  | { action: 'update'; entryId: string; input: DirectoryEntryInput }
  | { action: 'remove'; entryId: string };

export interface ProposalResult {
  entryId: string;
  /** Null when nothing differs from what is published (or a never-published entry was withdrawn). */
  submissionId: string | null;
}

/** Refuses the entry with every problem, located by field, so each door can show them. */
export function checkedFields(input: DirectoryEntryInput): DirectoryEntryFields {
  const result = checkEntry(input);
  if (!result.ok) fail('DIRECTORY_ENTRY_INVALID', undefined, { problems: result.problems });
  return result.fields;
}

function sameFields(a: DirectoryEntryFields, b: DirectoryEntryFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function refuseTakenAddress(
  tx: Tx,
  organisationId: string,
  address: string,
  exceptId: string | null,
): Promise<void> {
  let query = tx.db
    .selectFrom('directory_entries')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('address', '=', address)
    .where('state', 'in', ['pending', 'published']);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  const taken = await query.executeTakeFirst();
  if (taken) fail('ENTRY_EXISTS', undefined, { entryId: taken.id, address });
}

/** A newer proposal replaces a pending one: a technician only ever decides the latest. */
async function withdrawPending(tx: Tx, entryId: string, now: string): Promise<void> {
  await tx.db
    .updateTable('directory_submissions')
    .set({ status: 'withdrawn', decided_at: now, reason: 'replaced by a newer submission' })
    .where('entry_id', '=', entryId)
    .where('status', '=', 'pending')
    .execute();
}

async function insertSubmission(
  tx: Tx,
  origin: ProposalOrigin,
  entry: { id: string; version: number },
  action: 'create' | 'update' | 'remove',
  fields: DirectoryEntryFields,
  now: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const checks = action === 'remove' ? [] : await referenceChecks(tx.db, fields);
  await tx.db
    .insertInto('directory_submissions')
    .values({
      id,
      entry_id: entry.id,
      organisation_id: origin.organisationId,
      action,
      source: origin.source,
      status: 'pending',
      fields: JSON.stringify(fields),
      base_version: entry.version,
      checks: JSON.stringify(checks),
      import_id: origin.importId ?? null,
      submitted_by: origin.submittedBy,
      submitted_at: now,
      decided_by: null,
      decided_at: null,
      reason: null,
    })
    .execute();
  return id;
}

async function ownEntry(tx: Tx, organisationId: string, entryId: string): Promise<DirectoryEntryRow> {
  const row = await tx.db
    .selectFrom('directory_entries')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirst();
  // Another establishment's entry reads as absent: its existence is none of the caller's business.
  if (row === undefined || row.organisation_id !== organisationId) fail('ENTRY_NOT_FOUND');
  return row;
}

/**
 * Records one proposed change as a pending submission. Nothing is published here: a new entry
 * waits in state `pending`, a change to a published entry leaves it as published until a
 * technician approves.
 */
export async function propose(
  tx: Tx,
  origin: ProposalOrigin,
  change: EntryChange,
  at: Date,
): Promise<ProposalResult> {
  const now = iso(at);
  if (change.action === 'create') {
    const fields = checkedFields(change.input);
    await refuseTakenAddress(tx, origin.organisationId, fields.mailboxes[0]?.address ?? '', null);
    const id = crypto.randomUUID();
    await tx.db
      .insertInto('directory_entries')
      .values({
        id,
        organisation_id: origin.organisationId,
        state: 'pending',
        version: 0,
        ...fieldColumns(fields),
        ldap_rdn: change.ldapRdn ?? null,
        created_at: now,
        published_at: null,
        modified_at: now,
        retired_at: null,
        rpps_left_at: null,
      })
      .execute();
    const submissionId = await insertSubmission(tx, origin, { id, version: 0 }, 'create', fields, now);
    await recordHistory(tx, {
      entryId: id,
      version: 0,
      state: 'pending',
      change: 'proposed',
      fields,
      submissionId,
      by: origin.submittedBy,
      at: now,
    });
    return { entryId: id, submissionId };
  }

  const entry = await ownEntry(tx, origin.organisationId, change.entryId);
  if (entry.state === 'retired') fail('ENTRY_RETIRED');
  const neverPublished = entry.published_at === null;

  if (change.action === 'remove') {
    await withdrawPending(tx, entry.id, now);
    if (neverPublished) {
      // Nothing was ever public: withdrawing needs no review.
      await tx.db
        .updateTable('directory_entries')
        .set({ state: 'retired', retired_at: now, modified_at: now })
        .where('id', '=', entry.id)
        .execute();
      await recordHistory(tx, {
        entryId: entry.id,
        version: entry.version,
        state: 'retired',
        change: 'retired',
        fields: rowFields(entry),
        submissionId: null,
        by: origin.submittedBy,
        at: now,
      });
      return { entryId: entry.id, submissionId: null };
    }
    const submissionId = await insertSubmission(tx, origin, entry, 'remove', rowFields(entry), now);
    return { entryId: entry.id, submissionId };
  }

  const fields = checkedFields(change.input);
  await refuseTakenAddress(tx, origin.organisationId, fields.mailboxes[0]?.address ?? '', entry.id);
  if (!neverPublished && sameFields(fields, rowFields(entry))) {
    // Back to what is published: any pending change is moot.
    await withdrawPending(tx, entry.id, now);
    return { entryId: entry.id, submissionId: null };
  }
  await withdrawPending(tx, entry.id, now);
  if (neverPublished) {
    // Still (or again, after a rejection) a proposal: the entry row holds what is proposed.
    await tx.db
      .updateTable('directory_entries')
      .set({ ...fieldColumns(fields), state: 'pending', modified_at: now })
      .where('id', '=', entry.id)
      .execute();
    const submissionId = await insertSubmission(tx, origin, entry, 'create', fields, now);
    await recordHistory(tx, {
      entryId: entry.id,
      version: entry.version,
      state: 'pending',
      change: 'proposed',
      fields,
      submissionId,
      by: origin.submittedBy,
      at: now,
    });
    return { entryId: entry.id, submissionId };
  }
  const submissionId = await insertSubmission(tx, origin, entry, 'update', fields, now);
  return { entryId: entry.id, submissionId };
}
