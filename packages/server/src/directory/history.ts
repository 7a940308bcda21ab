import type { DirectoryEntryFields } from '@liaison/core/api/directory';
import type { Tx } from '../db/index.ts';
import type { DirectoryEntryHistoryTable } from '../db/schema.ts';

export interface HistoryRecord {
  entryId: string;
  version: number;
  state: string;
  change: DirectoryEntryHistoryTable['change'];
  fields: DirectoryEntryFields;
  submissionId: string | null;
  by: string | null;
  at: string;
}

/** Every change to an entry leaves a version behind: what it was, who, when, through which submission. */
export async function recordHistory(tx: Tx, record: HistoryRecord): Promise<void> {
  await tx.db
    .insertInto('directory_entry_history')
    .values({
      id: crypto.randomUUID(),
      entry_id: record.entryId,
      version: record.version,
      state: record.state,
      change: record.change,
      fields: JSON.stringify(record.fields),
      submission_id: record.submissionId,
      changed_by: record.by,
      changed_at: record.at,
    })
    .execute();
}
