import type { Tx } from '../../db/index.ts';
import type { SearchDocument } from './document.ts';
import { documentFilterTokens } from './sqliteFilters.ts';
import { placeRows } from './sqlitePositions.ts';
import { deleteRows, insertRows, rowsOfEntries, type UnplacedRow } from './sqliteRows.ts';

function toRow(doc: SearchDocument): UnplacedRow {
  return {
    entry_id: doc.entryId,
    order_key: doc.orderKey,
    words: doc.words.join(' '),
    filters: documentFilterTokens(doc),
    listed: doc.listed ? 1 : 0,
  };
}

/**
 * Brings these entries' documents in line with `docs` (the published ones among them): entries
 * without a document leave the index; a document whose sort key is unchanged is rewritten in place;
 * one whose key changed (renamed) moves to a new position.
 */
export async function writeSqliteDocuments(
  tx: Tx,
  entryIds: readonly string[],
  docs: readonly SearchDocument[],
): Promise<void> {
  const wanted = new Map(docs.map((doc) => [doc.entryId, toRow(doc)]));
  const removed: number[] = [];
  const rewritten: { pos: number; row: UnplacedRow }[] = [];
  for (const current of await rowsOfEntries(tx, entryIds)) {
    const next = wanted.get(current.entry_id);
    if (next === undefined || next.order_key !== current.order_key) {
      removed.push(current.pos);
      continue;
    }
    wanted.delete(current.entry_id);
    if (next.words !== current.words || next.filters !== current.filters) {
      rewritten.push({ pos: current.pos, row: next });
    }
  }
  await deleteRows(tx, [...removed, ...rewritten.map((r) => r.pos)]);
  await insertRows(
    tx,
    rewritten.map(({ pos, row }) => ({ pos, ...row })),
  );
  await placeRows(tx, [...wanted.values()]);
}
