import type { DecideSubmissionRequest } from '@liaison/core/api/directory';
import { iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import { fieldColumns, parseFields, rowFields } from './entryRows.ts';
import { recordHistory } from './history.ts';
import { indexEntry } from './search/index.ts';

export interface DecisionOutcome {
  entryId: string;
  organisationId: string;
  action: 'create' | 'update' | 'remove';
  decision: 'approve' | 'reject';
}

/**
 * A technician's decision on one pending submission. Approval is the only way anything reaches the
 * published directory; the search index follows in the same transaction.
 */
export async function decide(
  tx: Tx,
  submissionId: string,
  request: DecideSubmissionRequest,
  by: string,
  at: Date,
): Promise<DecisionOutcome> {
  const now = iso(at);
  const submission = await tx.db
    .selectFrom('directory_submissions')
    .selectAll()
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (submission === undefined) fail('SUBMISSION_NOT_FOUND');
  if (submission.status !== 'pending') fail('SUBMISSION_DECIDED', undefined, { status: submission.status });
  const entry = await tx.db
    .selectFrom('directory_entries')
    .selectAll()
    .where('id', '=', submission.entry_id)
    .executeTakeFirstOrThrow();
  const fields = parseFields(submission.fields);
  const outcome: DecisionOutcome = {
    entryId: entry.id,
    organisationId: entry.organisation_id,
    action: submission.action,
    decision: request.decision,
  };

  await tx.db
    .updateTable('directory_submissions')
    .set({
      status: request.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: by,
      decided_at: now,
      reason: request.decision === 'reject' ? request.reason : null,
    })
    .where('id', '=', submission.id)
    .execute();

  if (request.decision === 'reject') {
    if (entry.published_at === null) {
      // A proposal that was never published ends here; a refused change leaves the published entry as it was.
      await tx.db
        .updateTable('directory_entries')
        .set({ state: 'rejected', modified_at: now })
        .where('id', '=', entry.id)
        .execute();
    }
    await recordHistory(tx, {
      entryId: entry.id,
      version: entry.version,
      state: entry.published_at === null ? 'rejected' : entry.state,
      change: 'rejected',
      fields,
      submissionId: submission.id,
      by,
      at: now,
    });
    return outcome;
  }

  const version = entry.version + 1;
  if (submission.action === 'remove') {
    await tx.db
      .updateTable('directory_entries')
      .set({ state: 'retired', version, retired_at: now, modified_at: now })
      .where('id', '=', entry.id)
      .execute();
    await recordHistory(tx, {
      entryId: entry.id,
      version,
      state: 'retired',
      change: 'retired',
      fields: rowFields(entry),
      submissionId: submission.id,
      by,
      at: now,
    });
  } else {
    await tx.db
      .updateTable('directory_entries')
      .set({
        ...fieldColumns(fields),
        state: 'published',
        version,
        published_at: entry.published_at ?? now,
        modified_at: now,
        // A new RPPS is checked afresh by the next reference import.
        rpps_left_at: fields.nationalId === entry.national_id ? entry.rpps_left_at : null,
      })
      .where('id', '=', entry.id)
      .execute();
    await recordHistory(tx, {
      entryId: entry.id,
      version,
      state: 'published',
      change: entry.published_at === null ? 'published' : 'updated',
      fields,
      submissionId: submission.id,
      by,
      at: now,
    });
  }
  await indexEntry(tx, entry.id);
  return outcome;
}
