import type { Tx } from '../../db/index.ts';
import { searchDocument, type SearchDocument } from './document.ts';
import { entriesToIndex } from './entries.ts';
import { writePostgresDocuments } from './postgresIndex.ts';
import { writeSqliteDocuments } from './sqliteIndex.ts';
import { recordWords } from './vocabulary.ts';

/** Entries read and written per round: bounded memory and statement size for imports of thousands. */
const BATCH = 500;

/**
 * Keeps the index in step: call inside the transaction that changed the entry row (any state;
 * non-published rows are removed from the index).
 */
export async function indexEntry(tx: Tx, entryId: string): Promise<void> {
  await indexEntries(tx, [entryId]);
}

/** The batched `indexEntry`, for imports. Ids that name no entry are removed from the index. */
export async function indexEntries(tx: Tx, entryIds: readonly string[]): Promise<void> {
  const ids = [...new Set(entryIds)];
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const docs = (await entriesToIndex(tx, batch))
      .map(searchDocument)
      .filter((doc): doc is SearchDocument => doc !== null);
    await recordWords(
      tx,
      docs.flatMap((doc) => doc.words),
    );
    if (tx.dialect === 'sqlite') await writeSqliteDocuments(tx, batch, docs);
    else await writePostgresDocuments(tx, batch, docs);
  }
}
